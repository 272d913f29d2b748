/**
 * The content store reuses an entry without gating it again only when the code that gated it is
 * the same (src/lib/build-cache.ts). The gate reads an .mdx file's frontmatter a second time with
 * the MDX compiler's own reader (@astrojs/internal-helpers, which uses js-yaml) and refuses a file
 * the two read differently: an update of that reader must make every stored entry be gated again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentCodeFingerprint } from '../../../src/lib/build-cache.ts';

const roots: string[] = [];

/** A project with the same code and packages, but these versions of some installed packages and this lockfile. */
function project(versions: Record<string, string>, lockfile = '{"lockfileVersion":3}\n'): string {
  const root = mkdtempSync(join(tmpdir(), 'cert-fingerprint-'));
  roots.push(root);
  mkdirSync(join(root, 'src/lib'), { recursive: true });
  writeFileSync(join(root, 'src/lib/gate.ts'), 'export const gate = 1;\n');
  writeFileSync(join(root, 'package-lock.json'), lockfile);
  for (const name of ['astro', 'satteri', '@astrojs/markdown-satteri', '@astrojs/mdx', 'zod', 'yaml', '@astrojs/internal-helpers', 'js-yaml']) {
    mkdirSync(join(root, 'node_modules', name), { recursive: true });
    writeFileSync(join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version: versions[name] ?? '1.0.0' }));
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the code fingerprint stored entries are reused under', () => {
  it('is the same for the same code and packages', () => {
    expect(contentCodeFingerprint(project({}))).toBe(contentCodeFingerprint(project({})));
  });

  it('changes when the MDX compiler’s frontmatter reader the gate compares with is updated', () => {
    const before = contentCodeFingerprint(project({}));
    expect(contentCodeFingerprint(project({ 'js-yaml': '1.0.1' }))).not.toBe(before);
    expect(contentCodeFingerprint(project({ '@astrojs/internal-helpers': '1.0.1' }))).not.toBe(before);
  });

  it('changes when the lockfile changes (a copy of a reader nested inside another package)', () => {
    expect(contentCodeFingerprint(project({}, '{"lockfileVersion":3,"packages":{"node_modules/@astrojs/internal-helpers/node_modules/js-yaml":{"version":"4.1.1"}}}\n'))).not.toBe(
      contentCodeFingerprint(project({})),
    );
  });
});
