/**
 * Helpers for the deployment tests: the real nginx started on loopback ports from a generated
 * configuration, raw HTTP requests (paths sent exactly as written, for traversal attempts), a
 * stand-in sign-in endpoint, and local git repositories.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';

export const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
/** nginx's workers run as nobody when the master is root. */
const NOBODY = 65534;

/** A free TCP port on loopback (closed again; nginx binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * When the tests run as root, nginx's workers run as nobody: let them read the sites (every folder
 * on the way must be searchable) and the password files, as an operator would with chown.
 */
export function letWorkersRead(paths: readonly string[], secrets: readonly string[] = []): void {
  if (!IS_ROOT) return;
  for (const path of paths) {
    let dir = resolve(path);
    while (dir !== dirname(dir)) {
      chmodSync(dir, 0o755);
      dir = dirname(dir);
      if (dir === '/tmp' || dir === '/') break;
    }
  }
  for (const file of secrets) chownSync(file, NOBODY, NOBODY);
}

export interface RunningNginx {
  stop: () => Promise<void>;
  log: () => string;
}

async function waitFor(ports: readonly number[], child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (const port of ports) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${output()}`);
      const up = await new Promise<boolean>((done) => {
        const req = request({ host: '127.0.0.1', port, path: '/', method: 'HEAD', timeout: 500 }, (res) => {
          res.resume();
          done(true);
        });
        req.on('error', () => done(false));
        req.on('timeout', () => {
          req.destroy();
          done(false);
        });
        req.end();
      });
      if (up) break;
      if (Date.now() > deadline) throw new Error(`nginx did not answer on port ${port}:\n${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Start `nginx -p PREFIX -c CONF` in the foreground and wait until every port answers. */
export async function startNginx(prefix: string, conf: string, ports: readonly number[]): Promise<RunningNginx> {
  if (!NGINX) throw new Error('nginx is not installed (apt-get install nginx)');
  for (const dir of ['logs', 'tmp']) mkdirSync(join(prefix, dir), { recursive: true });
  const test = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-c', conf, '-g', 'daemon off;'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t refused the configuration:\n${test.stderr}`);
  const child = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const errorLog = () => {
    const file = join(prefix, 'logs/error.log');
    return existsSync(file) ? spawnSync('tail', ['-n', '40', file], { encoding: 'utf8' }).stdout : '';
  };
  await waitFor(ports, child, () => `${output}\n${errorLog()}`);
  return {
    log: errorLog,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Run a project script without blocking this process (servers started by the test keep answering). */
export function runScript(project: { root: string }, script: string, args: string[] = []): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(join(project.root, 'node_modules/.bin/node'), [join('scripts', `${script}.ts`), ...args], { cwd: project.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ status: code ?? 1, stdout, stderr }));
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
}

/** One HTTP request with the path sent exactly as given (no normalisation of `..` or `%2e`). */
export function raw(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { Connection: 'close', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
        const encoding = flat['content-encoding'];
        const plain = encoding === 'gzip' ? gunzipSync(body) : encoding === 'br' ? brotliDecompressSync(body) : body;
        done({ status: res.statusCode ?? 0, headers: flat, body, text: plain.toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

export function basic(user: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export interface StandIn {
  port: number;
  /** Requests seen, with the X-Test-User header each carried. */
  seen: string[];
  /** While false, the endpoint answers 401 to everyone. */
  setOpen: (open: boolean) => void;
  close: () => Promise<void>;
}

/**
 * A stand-in for the sign-in proxy's check endpoint: 202 with X-Auth-Request-User when the
 * request carries X-Test-User (the "session"), else 401.
 */
export function startStandIn(port: number): Promise<StandIn> {
  const seen: string[] = [];
  let open = true;
  const server: Server = createServer((req, res) => {
    const user = req.headers['x-test-user'];
    seen.push(typeof user === 'string' ? user : '');
    if (open && typeof user === 'string' && user) {
      res.writeHead(202, { 'X-Auth-Request-User': user });
    } else {
      res.writeHead(401);
    }
    res.end();
  });
  return new Promise((done) => {
    server.listen(port, '127.0.0.1', () =>
      done({
        port,
        seen,
        setOpen: (value) => {
          open = value;
        },
        close: () => new Promise<void>((closed) => server.close(() => closed())),
      }),
    );
  });
}

/** Files of a folder, relative, sorted. */
export function listFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((d) => {
      const path = rel ? `${rel}/${d.name}` : d.name;
      return d.isDirectory() ? listFiles(dir, path) : [path];
    })
    .sort();
}

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org', GIT_CONFIG_NOSYSTEM: '1' };

export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/**
 * A bare repository at `<dir>/<name>.git` holding `files` (path → contents; a `{ symlink }` value
 * makes a link) in one commit on main. Returns its file:// address and the commit.
 */
export function makeRepository(dir: string, name: string, files: Record<string, string | Buffer | { symlink: string }>): { url: string; commit: string; work: string } {
  const work = join(dir, `${name}-work`);
  mkdirSync(work, { recursive: true });
  git(work, 'init', '-q', '-b', 'main');
  for (const [path, contents] of Object.entries(files)) {
    const full = join(work, path);
    mkdirSync(dirname(full), { recursive: true });
    if (typeof contents === 'object' && !Buffer.isBuffer(contents)) {
      spawnSync('ln', ['-s', contents.symlink, full]);
    } else {
      writeFileSync(full, contents);
    }
  }
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'content');
  const bare = join(dir, `${name}.git`);
  git(dir, 'clone', '-q', '--bare', work, bare);
  return { url: `file://${bare}`, commit: git(work, 'rev-parse', 'HEAD'), work };
}
