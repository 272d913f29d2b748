/**
 * Revocation by W3C Bitstring Status List v1.0: one list, served by the public build as a signed
 * credential; bit i set means the credential with statusListIndex i is revoked.
 *
 * Index choice (never change it: an issued credential carries its index for ever):
 *
 *   statusListIndex = (YYYY − 2000) × 10 000 + NNNN   for certificate id CST-YYYY-NNNN
 *
 * The index is a function of the certificate id alone. The certificate id is written once in
 * the decision, is unique (the validator checks), and never changes after issue, so an index
 * never moves: adding, deleting or reordering decisions cannot shift it, and there is no counter
 * to keep. NNNN has four digits, so two ids never share an index. The list has 2^20 entries
 * (128 KiB before compression; the spec's minimum is 16 KiB), which covers the years 2000–2103.
 *
 * Herd privacy: the spec suggests random indexes so that fetching the list reveals nothing. Here
 * the list is public and static and the certificate id is already on the credential, so a
 * derived index reveals nothing new.
 *
 * Encoding (spec §2.1): the bitstring, bit 0 the left-most bit of the first byte, GZIP-compressed,
 * base64url without padding, with the multibase prefix `u`.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { CERTIFICATE_ID } from '../../schemas/decision.ts';

export const STATUS_LIST_BITS = 2 ** 20;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = FIRST_YEAR + Math.floor(STATUS_LIST_BITS / 10_000) - 1;

/** Where the list is served (a JSON-LD credential with a Data Integrity proof), below the public site's root. */
export const STATUS_LIST_PATH = 'credentials/status/1.json';

/** The statusListIndex of a certificate id, or undefined when it cannot have one (see the module comment). */
export function statusListIndex(certificateId: string): number | undefined {
  if (!CERTIFICATE_ID.test(certificateId)) return undefined;
  const year = Number(certificateId.slice(4, 8));
  const serial = Number(certificateId.slice(9, 13));
  if (year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  return (year - FIRST_YEAR) * 10_000 + serial;
}

/** The encoded list with the given indexes set. */
export function encodeStatusList(setIndexes: Iterable<number>, bits = STATUS_LIST_BITS): string {
  const bytes = new Uint8Array(bits / 8);
  for (const i of setIndexes) {
    if (!Number.isInteger(i) || i < 0 || i >= bits) throw new RangeError(`status list index ${i} is outside 0..${bits - 1}`);
    bytes[i >> 3] = (bytes[i >> 3] ?? 0) | (0x80 >> (i & 7));
  }
  return `u${gzipSync(bytes, { level: 9 }).toString('base64url')}`;
}

/** The bitstring of an encoded list (multibase base64url, GZIP). */
export function decodeStatusList(encodedList: string): Uint8Array {
  if (!encodedList.startsWith('u')) throw new Error('encodedList must be multibase base64url (start with u)');
  return new Uint8Array(gunzipSync(Buffer.from(encodedList.slice(1), 'base64url')));
}

export function isBitSet(bitstring: Uint8Array, index: number): boolean {
  return (((bitstring[index >> 3] ?? 0) << (index & 7)) & 0x80) !== 0;
}
