/** The revocation list: indexes that never move, and the Bitstring Status List encoding. */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { decodeStatusList, encodeStatusList, isBitSet, STATUS_LIST_BITS, statusListIndex } from '../../../src/lib/credentials/status-list.ts';

describe('status list index', () => {
  it('is derived from the certificate id alone', () => {
    expect(statusListIndex('CST-2026-0001')).toBe(260_001);
    expect(statusListIndex('CST-2027-0001')).toBe(270_001);
    expect(statusListIndex('CST-2000-0000')).toBe(0);
    expect(statusListIndex('CST-2103-9999')).toBe(1_039_999);
    expect(statusListIndex('CST-2104-0001')).toBeUndefined();
    expect(statusListIndex('CST-1999-0001')).toBeUndefined();
    expect(statusListIndex('cst-2026-0001')).toBeUndefined();
  });

  it('never collides and never depends on the other certificates', () => {
    const seen = new Map<number, string>();
    for (const year of [2000, 2026, 2027, 2103]) {
      for (const serial of [0, 1, 2, 999, 1000, 9998, 9999]) {
        const id = `CST-${year}-${String(serial).padStart(4, '0')}`;
        const index = statusListIndex(id);
        expect(index, id).toBeDefined();
        expect(seen.has(index!), `${id} and ${seen.get(index!)}`).toBe(false);
        seen.set(index!, id);
        expect(index!).toBeLessThan(STATUS_LIST_BITS);
      }
    }
  });
});

describe('encoded list', () => {
  it('is multibase base64url of a GZIP-compressed bitstring of at least 16 KB', () => {
    const encoded = encodeStatusList([260_001]);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const raw = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(raw.length).toBeGreaterThanOrEqual(16 * 1024);
    expect(raw.length * 8).toBe(STATUS_LIST_BITS);
  });

  it('sets exactly the given bits, bit 0 being the left-most bit of the first byte', () => {
    const bits = decodeStatusList(encodeStatusList([0, 9, 260_001]));
    expect(bits[0]).toBe(0x80);
    expect(bits[1]).toBe(0x40);
    expect([0, 9, 260_001].every((i) => isBitSet(bits, i))).toBe(true);
    expect(isBitSet(bits, 1) || isBitSet(bits, 260_000) || isBitSet(bits, 260_002)).toBe(false);
    expect(bits.reduce((n, b) => n + [...b.toString(2)].filter((c) => c === '1').length, 0)).toBe(3);
  });

  it('refuses an index outside the list', () => {
    expect(() => encodeStatusList([STATUS_LIST_BITS])).toThrow(RangeError);
  });
});
