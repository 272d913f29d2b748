/**
 * npm run sign -- --audience public|faculty [--out DIR] [--check]
 *
 * The signing step of `npm run build` (src/lib/credentials/sign-site.ts), run in a process of its
 * own after the Astro build of that audience: it alone reads CREDENTIAL_SIGNING_KEY. After
 * `npm run build -- --sign-later` (a build without the key), it is run by hand or by the
 * deployment's signing job to sign the built site. It writes the
 * signed credentials, the status list and the DID document into the built public site, or the
 * baked badges into the faculty site, then verifies everything it wrote. `--check` only checks the
 * key against content/issuer-keys.yaml (npm run build does that before building anything).
 *
 * Exit status: 0 signed, 1 a problem with the key, the records or a signature, 2 wrong usage.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommand, usageError } from './lib/cli.ts';
import { audienceOutDir, type Audience } from '../src/lib/audience.ts';
import { buildDateFromEnv } from '../src/lib/build-date.ts';
import { ContentError } from '../src/lib/problems.ts';
import { SigningKeyError } from '../src/lib/credentials/keys.ts';
import { signingKeys, signSite } from '../src/lib/credentials/sign-site.ts';

const COMMAND = {
  name: 'sign-credentials',
  usage: `Usage: npm run sign -- --audience public|faculty [--out DIR] [--check]

Signs the credentials of a built site with CREDENTIAL_SIGNING_KEY (npm run build runs this after
each Astro build; after npm run build -- --sign-later, run it yourself).
  --audience public|faculty   which built site to sign into
  --out DIR                   the built site (default: where npm run build puts that audience)
  --check                     only check CREDENTIAL_SIGNING_KEY against content/issuer-keys.yaml`,
};

async function main(): Promise<number> {
  const parsed = parseCommand(COMMAND, process.argv.slice(2), { audience: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean', default: false } });
  if ('exit' in parsed) return parsed.exit ?? 2;
  const { values } = parsed;
  const root = process.cwd();
  try {
    if (values.check) {
      const { key, throwaway } = await signingKeys(root, process.env, buildDateFromEnv(process.env));
      process.stdout.write(throwaway ? 'credentials will be signed with a throwaway key (demo)\n' : `credentials will be signed with the program's key ${key.kid}\n`);
      return 0;
    }
    if (values.audience !== 'public' && values.audience !== 'faculty') return usageError(COMMAND, '--audience must be public or faculty');
    const audience: Audience = { kind: values.audience };
    const outDir = values.out ?? join(root, audienceOutDir(audience));
    // signing into the default place only makes sense once the site is built there (--out may name any folder)
    if (values.out === undefined && !existsSync(join(outDir, 'index.html'))) {
      process.stderr.write(`There is no built ${audience.kind} site in ${outDir}: build it first (npm run build -- --audience ${audience.kind} --sign-later), or name the folder with --out DIR.\n`);
      return 1;
    }
    const summary = await signSite({ root, audience, outDir, env: process.env });
    const what = audience.kind === 'public' ? 'credentials (JSON and JWT), the revocation list and the DID document' : 'badges with the credential baked in';
    process.stdout.write(`signed ${summary.credentials} ${what} with ${summary.throwaway ? 'a throwaway key (demo)' : `the program's key ${summary.kid}`}; every one verified\n`);
    return 0;
  } catch (error) {
    if (error instanceof ContentError || error instanceof SigningKeyError) process.stderr.write(`${error.message}\n`);
    else process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
