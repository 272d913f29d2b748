/**
 * What the build's caches are keyed by. Every cache the build keeps (Astro's content store, the
 * pages Astro reuses, the search index shards, the compressed copies of files) lives in the
 * audience's own cache folder and is keyed by a digest of everything its result depends on: the
 * content (by digest), the audience and the rule's facts (consent, cohorts), the build date where
 * it matters, and the code. A key that leaves out an input can serve stale or withdrawn content;
 * a key with one input too many only costs time, so when in doubt an input goes in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Audience } from './audience.ts';

/** SHA-256 of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ. */
export function digestOf(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The folder (relative to the project) that holds one audience's caches: Astro's cacheDir. */
export function audienceCacheDir(audience: Audience): string {
  return `node_modules/.astro/${audience.kind === 'cohort' ? `cohort-${audience.cohort}` : audience.kind}`;
}

/**
 * The code that decides what the content store holds: the gate, the schemas, the rule, the
 * loaders, the components an entry may use, the Markdown pipeline's configuration, and the
 * versions of the packages that parse and render content (the gate's own readers included: it
 * compares an .mdx file's frontmatter with the MDX compiler's reading, @astrojs/internal-helpers
 * with js-yaml), and the lockfile for the copies nested inside other packages. A change to any of
 * them makes every cached entry be gated, checked and rendered again.
 */
const CONTENT_CODE = ['src/lib', 'src/schemas', 'src/loaders', 'src/components/content', 'src/content.config.ts', 'astro.config.mjs', 'package-lock.json'];
const CONTENT_PACKAGES = ['astro', 'satteri', '@astrojs/markdown-satteri', '@astrojs/mdx', '@astrojs/internal-helpers', 'js-yaml', 'zod', 'yaml'];

function filesUnder(root: string, path: string): string[] {
  const abs = join(root, path);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [path];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => filesUnder(root, `${path}/${name}`));
}

/** The version of an installed package (a tool's output can change with it), or `missing`. */
export function packageVersion(root: string, name: string): string {
  try {
    return String((JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'missing';
  }
}

const fingerprints = new Map<string, string>();

/** A digest of the code and packages named above, computed once per process and project. */
export function contentCodeFingerprint(root: string): string {
  const known = fingerprints.get(root);
  if (known) return known;
  const parts: string[] = [];
  for (const file of CONTENT_CODE.flatMap((p) => filesUnder(root, p))) parts.push(file, digestOf(readFileSync(join(root, file))));
  for (const name of CONTENT_PACKAGES) parts.push(name, packageVersion(root, name));
  const fingerprint = digestOf(...parts);
  fingerprints.set(root, fingerprint);
  return fingerprint;
}

/**
 * Astro keeps every image it optimised in `<cacheDir>/assets/`, under the name the image has in
 * the site's `_astro/` folder, and never removes one. Removes those the site just built does not
 * have, so the picture of a participant who withdrew consent does not outlive their pages in a
 * cache (which CI may keep and restore).
 */
export function pruneImageCache(cacheDir: string, siteDir: string): number {
  const cached = join(cacheDir, 'assets');
  if (!existsSync(cached)) return 0;
  const built = new Set(existsSync(join(siteDir, '_astro')) ? readdirSync(join(siteDir, '_astro')) : []);
  let removed = 0;
  for (const name of readdirSync(cached)) {
    if (built.has(name)) continue;
    rmSync(join(cached, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
