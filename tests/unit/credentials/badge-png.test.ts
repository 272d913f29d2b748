/** Open Badges 3.0 baking: the signed credential inside the PNG, read back by an independent chunk parser. */
import { describe, expect, it } from 'vitest';
import extractChunks from 'png-chunks-extract';
import pngjs from 'pngjs';
import { bakeCredential, BAKED_KEYWORD, drawBadge, readBakedCredential } from '../../../src/lib/credentials/badge-png.ts';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpZCI6Imh0dHBzOi8vZXhhbXBsZS5vcmcvIn0.c2lnbmF0dXJl';

describe('badge', () => {
  it('is a valid 400×400 PNG, marked DEMO when signed with a throwaway key', () => {
    const plain = pngjs.PNG.sync.read(drawBadge({ demo: false }));
    const demo = pngjs.PNG.sync.read(drawBadge({ demo: true }));
    expect([plain.width, plain.height]).toEqual([400, 400]);
    expect(Buffer.compare(plain.data, demo.data)).not.toBe(0);
  });

  it('carries the credential in one uncompressed iTXt chunk with keyword openbadgecredential, before IEND', () => {
    const baked = bakeCredential(drawBadge({ demo: false }), JWT);
    const chunks = extractChunks(new Uint8Array(baked));
    const names = chunks.map((c) => c.name);
    expect(names[0]).toBe('IHDR');
    expect(names.at(-1)).toBe('IEND');
    expect(names.at(-2)).toBe('iTXt');
    const itxt = Buffer.from(chunks.at(-2)!.data);
    // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
    expect(itxt.subarray(0, BAKED_KEYWORD.length + 5)).toEqual(Buffer.concat([Buffer.from(BAKED_KEYWORD), Buffer.from([0, 0, 0, 0, 0])]));
    expect(itxt.subarray(BAKED_KEYWORD.length + 5).toString('utf8')).toBe(JWT);
    // still a valid image (pngjs checks every CRC), and our own reader agrees
    expect(pngjs.PNG.sync.read(baked).width).toBe(400);
    expect(readBakedCredential(baked)).toBe(JWT);
  });

  it('refuses to bake twice, and finds nothing in a plain badge', () => {
    const baked = bakeCredential(drawBadge({ demo: false }), JWT);
    expect(() => bakeCredential(baked, JWT)).toThrow(/already carries a credential/);
    expect(readBakedCredential(drawBadge({ demo: false }))).toBeUndefined();
  });
});
