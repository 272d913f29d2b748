/**
 * The recipient of a credential as Open Badges 3.0 identifies one without revealing them: a
 * salted SHA-256 hash of their email address, `sha256$<hex of sha256(address + salt)>`.
 *
 * The address is trimmed and lower-cased first (addresses are not case-sensitive in practice,
 * and a verifier typing Maria.Lopez@Example.org must get the same hash); the salt is used as
 * written. To check a claim, a verifier repeats exactly this with the address the holder gives.
 */
import { createHash } from 'node:crypto';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function identityHash(email: string, salt: string): string {
  return `sha256$${createHash('sha256').update(`${normalizeEmail(email)}${salt}`, 'utf8').digest('hex')}`;
}
