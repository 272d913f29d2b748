/**
 * npm run smoke -- --url URL [--user HANDLE --password PASSWORD | --cookie NAME=VALUE] [--profile server|github-pages]
 *
 * Checks a deployed site from outside, as an operator would (src/lib/deploy/smoke.ts).
 * The password may also come from the SMOKE_PASSWORD environment variable, and the cookie from
 * SMOKE_COOKIE, to keep them out of the shell history.
 *
 * Exit status: 0 all checks passed (warnings allowed), 1 a check failed, 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { formatCheck, smoke, type SmokeProfile } from '../src/lib/deploy/smoke.ts';

const USAGE = `Usage: npm run smoke -- --url URL [--user HANDLE --password PASSWORD] [--cookie NAME=VALUE] [--profile server|github-pages]

  --url URL            the site's address, e.g. https://faculty.example.org/
  --user, --password   a git handle and password (password mode); SMOKE_PASSWORD works too
  --cookie NAME=VALUE  a session cookie of the sign-in proxy (sign-in mode); SMOKE_COOKIE works too
  --profile            github-pages: headers Pages cannot send are warnings, not failures
  --pages N            how many linked pages to open (default 20)`;

async function main(argv: readonly string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        cookie: { type: 'string' },
        profile: { type: 'string', default: 'server' },
        pages: { type: 'string', default: '20' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`smoke: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.url || !/^https?:\/\//.test(values.url)) {
    process.stderr.write(`smoke: --url must be the site's http or https address\n\n${USAGE}\n`);
    return 2;
  }
  if (values.profile !== 'server' && values.profile !== 'github-pages') {
    process.stderr.write(`smoke: --profile must be server or github-pages; got ${values.profile}\n`);
    return 2;
  }
  const password = values.password ?? process.env['SMOKE_PASSWORD'];
  if (values.user !== undefined && password === undefined) {
    process.stderr.write('smoke: --user needs --password (or SMOKE_PASSWORD)\n');
    return 2;
  }
  const report = await smoke({
    url: values.url,
    user: values.user,
    password,
    cookie: values.cookie ?? process.env['SMOKE_COOKIE'],
    profile: values.profile as SmokeProfile,
    pages: Number(values.pages) || 20,
  });
  process.stdout.write(`${report.checks.map(formatCheck).join('\n')}\n`);
  process.stdout.write(`\n${report.kind === 'unknown' ? 'site' : `${report.kind} site`} ${values.url}: ${report.failed === 0 ? 'all checks passed' : `${report.failed} check${report.failed === 1 ? '' : 's'} failed`}\n`);
  return report.failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
