/**
 * The cache key of an entry's page covers every collection but the portfolio entries
 * (src/data/page-keys.ts): a collection added to src/content.config.ts without being added there
 * would let a page show stale facts from it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { SHARED_COLLECTIONS } from '../../../src/data/page-keys.ts';

describe('what an entry page’s cache key covers', () => {
  it('every collection of the content config except the portfolio entries themselves', () => {
    const config = readFileSync(join(PROJECT_ROOT, 'src/content.config.ts'), 'utf8');
    const block = config.slice(config.indexOf('export const collections = {'));
    const names = [...block.matchAll(/^\s{2}(\w+): (?:collection|defineCollection)\(/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(10);
    expect([...SHARED_COLLECTIONS].sort()).toEqual(names.filter((n) => n !== 'portfolios').sort());
  });
});
