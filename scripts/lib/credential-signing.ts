/**
 * How npm run build keeps the signing key away from the site build: the key is taken out of this
 * process's environment at once, the Astro build's environment only says which kind of key will
 * sign (so pages can say "demo"), and the key is handed to scripts/sign-credentials.ts alone, which
 * runs after each Astro build in a process of its own. Without a key, one throwaway key is made for
 * the whole build, so the faculty badges carry exactly the credentials the public site serves.
 */
import { spawn } from 'node:child_process';
import type { Audience } from '../../src/lib/audience.ts';
import { newSigningKey, SIGNING_KEY_VARIABLE, SIGNING_MODE_VARIABLE, type SigningMode } from '../../src/lib/credentials/keys.ts';

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/sign-credentials.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err.trim() || `signing failed (exit ${code})`))));
  });
}

/**
 * `signLater`: this build has no key and signs nothing; the pages say the program's key signs, and
 * `npm run sign` signs the built site afterwards, in a job of its own that never runs the build
 * (.github/workflows/deploy-pages.yml). A process can read the environment its parents started
 * with, so a key given to any process of the build could be read by code that ran in it.
 */
export function credentialSigning(env: NodeJS.ProcessEnv, options: { signLater?: boolean } = {}) {
  const secret = env[SIGNING_KEY_VARIABLE]?.trim() ?? '';
  delete env[SIGNING_KEY_VARIABLE];
  if (options.signLater) {
    return {
      mode: 'program' as SigningMode,
      astroEnv: { [SIGNING_MODE_VARIABLE]: 'program' as SigningMode },
      check: async () => {
        if (secret) {
          throw new Error(
            `--sign-later builds without the signing key, but ${SIGNING_KEY_VARIABLE} is set: give the key only to the step that runs npm run sign, never to the build`,
          );
        }
        return '';
      },
      sign: async (_audience: Audience) => '',
    };
  }
  const mode: SigningMode = secret ? 'program' : 'throwaway';
  let key: Promise<string> | undefined;
  const signerEnv = async (): Promise<NodeJS.ProcessEnv> => {
    key ??= secret ? Promise.resolve(secret) : newSigningKey().then((k) => k.secret);
    return { ...env, [SIGNING_KEY_VARIABLE]: await key, [SIGNING_MODE_VARIABLE]: mode };
  };
  return {
    mode,
    /** What the Astro build may know about the key: its kind, never the key. */
    astroEnv: { [SIGNING_MODE_VARIABLE]: mode },
    /** Check the key against content/issuer-keys.yaml before anything is built. */
    check: async () => (mode === 'program' ? run(['--check'], await signerEnv()) : ''),
    /** Sign into a built site (public or faculty); nothing for a cohort site. */
    sign: async (audience: Audience) => (audience.kind === 'cohort' ? '' : run(['--audience', audience.kind], await signerEnv())),
  };
}
