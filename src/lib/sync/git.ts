/**
 * Fetches one source repository with git: shallow (depth 1), at its branch or its pinned commit,
 * into a bare repository in a temporary folder. Nothing is checked out: the tree is listed with
 * `git ls-tree` (so links and submodules are seen for what they are and never created on disk) and
 * files are read with `git cat-file`. Objects are checked on arrival (transfer.fsckObjects).
 *
 * The token, when the source names one, travels in an Authorization header set through the
 * environment (never on a command line, never in a URL, never written to disk), scoped to the
 * repository's host, and is removed from every message.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { TreeEntry, TreeSource } from './copy.ts';
import type { Source } from './sources.ts';
import { redactUrl } from './sources.ts';

export class SyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface FetchedSource extends TreeSource {
  commit: string;
}

const TIMEOUT_MS = 5 * 60 * 1000;

export function sourceLabel(source: Pick<Source, 'index' | 'name'>): string {
  return `sources[${source.index}] (${source.name})`;
}

/** The environment git runs with: no prompts, no system or user configuration, only the allowed protocols. */
export function gitEnvironment(source: Source, env: Record<string, string | undefined>): { env: NodeJS.ProcessEnv; secret?: string } {
  const out: NodeJS.ProcessEnv = {
    PATH: env['PATH'] ?? '/usr/bin:/bin',
    HOME: env['HOME'] ?? '/tmp',
    LANG: 'C',
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ALLOW_PROTOCOL: source.kind === 'local' ? 'file' : source.kind,
    GIT_SSH_COMMAND: env['GIT_SSH_COMMAND'] ?? 'ssh -o BatchMode=yes',
  };
  for (const pass of ['SSH_AUTH_SOCK', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'GIT_SSL_CAINFO']) {
    const value = env[pass];
    if (value !== undefined) out[pass] = value;
  }
  if (!source.tokenVariable || source.kind !== 'https') return { env: out };
  const token = env[source.tokenVariable];
  if (!token) {
    throw new SyncError(
      `${sourceLabel(source)}: tokenVariable names ${source.tokenVariable}, but that environment variable is not set or is empty. Set it to a read-only token for ${redactUrl(source.repository)} (in CI: a secret passed as env), or remove tokenVariable if the repository is public`,
    );
  }
  const origin = new URL(source.repository).origin;
  out['GIT_CONFIG_COUNT'] = '1';
  out['GIT_CONFIG_KEY_0'] = `http.${origin}/.extraHeader`;
  out['GIT_CONFIG_VALUE_0'] = `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`;
  return { env: out, secret: token };
}

function run(args: string[], env: NodeJS.ProcessEnv, secrets: readonly string[], input?: Buffer): { status: number; stdout: Buffer; stderr: string } {
  const result = spawnSync('git', args, { env, input, timeout: TIMEOUT_MS, maxBuffer: 512 * 1024 * 1024 });
  let stderr = result.stderr?.toString() ?? '';
  if (result.error) stderr += `\n${result.error.message}`;
  for (const secret of secrets) if (secret) stderr = stderr.split(secret).join('***');
  return { status: result.status ?? 1, stdout: result.stdout ?? Buffer.alloc(0), stderr };
}

function lastLines(text: string, n = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' / ')
    .replace(/[.\s]+$/, '');
}

/** Fetch a source into `dir` (created) and list its tree. Throws SyncError with a message for people. */
export function fetchSource(source: Source, dir: string, env: Record<string, string | undefined> = process.env): FetchedSource {
  const label = sourceLabel(source);
  const { env: gitEnv, secret } = gitEnvironment(source, env);
  const secrets = secret ? [secret, Buffer.from(`x-access-token:${secret}`).toString('base64')] : [];
  mkdirSync(dir, { recursive: true });
  const init = run(['init', '-q', '--bare', dir], gitEnv, secrets);
  if (init.status !== 0) throw new SyncError(`${label}: could not prepare a folder for the repository: ${lastLines(init.stderr)}`);
  const at = source.commit ? `commit ${source.commit}` : `branch ${source.branch}`;
  const refspec = source.commit ? `${source.commit}:refs/cert/source` : `+refs/heads/${source.branch}:refs/cert/source`;
  const fetched = run(
    ['-C', dir, '-c', 'transfer.fsckObjects=true', '-c', 'protocol.version=2', 'fetch', '--quiet', '--depth=1', '--no-tags', '--no-recurse-submodules', '--', source.repository, refspec],
    gitEnv,
    secrets,
  );
  if (fetched.status !== 0) {
    const hint = /could not read Username|Authentication failed|403|401|Permission denied|Repository not found/i.test(fetched.stderr)
      ? source.tokenVariable
        ? ` Check that the token in ${source.tokenVariable} can read this repository.`
        : ' The repository may be private: name a read token with tokenVariable (https) or give this machine a deploy key (ssh).'
      : /couldn't find remote ref|not our ref|no such ref|unadvertised object|upload-pack: not our ref/i.test(fetched.stderr)
        ? ` Check that the ${source.commit ? 'commit exists in the repository' : 'branch exists'}.`
        : '';
    throw new SyncError(`${label}: could not fetch ${redactUrl(source.repository)} at ${at}: ${lastLines(fetched.stderr) || `git exited with ${fetched.status}`}.${hint}`);
  }
  const rev = run(['-C', dir, 'rev-parse', '--verify', 'refs/cert/source^{commit}'], gitEnv, secrets);
  const commit = rev.stdout.toString().trim();
  if (rev.status !== 0 || !/^[0-9a-f]{40,64}$/.test(commit)) throw new SyncError(`${label}: fetched ${at}, but it is not a commit: ${lastLines(rev.stderr)}`);
  if (source.commit && commit !== source.commit) throw new SyncError(`${label}: asked for commit ${source.commit} but got ${commit}`);

  const tree = run(['-C', dir, 'ls-tree', '-r', '-z', '--full-tree', 'refs/cert/source'], gitEnv, secrets);
  if (tree.status !== 0) throw new SyncError(`${label}: could not list the files of ${commit}: ${lastLines(tree.stderr)}`);
  const entries: TreeEntry[] = [];
  const objects = new Map<string, string>();
  for (const record of tree.stdout.toString('utf8').split('\0')) {
    if (!record) continue;
    const m = /^(\d{6}) (\w+) ([0-9a-f]+)\t([\s\S]*)$/.exec(record);
    if (!m) throw new SyncError(`${label}: unexpected line from git ls-tree: ${JSON.stringify(record.slice(0, 80))}`);
    const [, mode, , oid, path = ''] = m;
    const kind = mode === '100644' || mode === '100755' ? 'file' : mode === '120000' ? 'symlink' : mode === '160000' ? 'submodule' : 'other';
    entries.push({ path, kind });
    if (kind === 'file' && oid) objects.set(path, oid);
  }
  return {
    label,
    commit,
    entries,
    read: (path) => {
      const oid = objects.get(path);
      if (!oid) throw new SyncError(`${label}: ${path} is not a file of ${commit}`);
      const blob = run(['-C', dir, 'cat-file', 'blob', oid], gitEnv, secrets);
      if (blob.status !== 0) throw new SyncError(`${label}: could not read ${path}: ${lastLines(blob.stderr)}`);
      return blob.stdout;
    },
  };
}
