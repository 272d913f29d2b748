/**
 * The record of the issuer's keys, `content/issuer-keys.yaml` (schema: src/schemas/issuer-keys.ts),
 * and what follows from it: which public keys the DID document lists and which of them may still
 * sign, which key signs now, and which credentials must be re-issued after a key is compromised.
 *
 * Rotation keeps every old public key: credentials already in graduates' hands were signed with
 * it and must stay verifiable. A compromised key stays listed too (for the record) but leaves the
 * DID document's `assertionMethod`, so verifiers stop accepting its signatures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ISSUER_KEYS_FILE, issuerKeysSchema, type IssuerKeys } from '../../schemas/issuer-keys.ts';
import { ContentError } from '../problems.ts';
import { checkSchema } from '../schema-problems.ts';
import { parseSource } from '../source-file.ts';
import { publicKeyFromX, SIGNING_KEY_VARIABLE, SigningKeyError, type PublicKey, type SigningKey } from './keys.ts';

export { ISSUER_KEYS_FILE };

export interface IssuerKey extends PublicKey {
  from: string;
  retired?: string;
  compromised?: { date: string; reason: string };
}

/** The key record of a project, or undefined when there is none yet; throws ContentError naming the line. */
export function readIssuerKeys(root: string): IssuerKeys | undefined {
  const path = join(root, ISSUER_KEYS_FILE);
  if (!existsSync(path)) return undefined;
  const source = parseSource(ISSUER_KEYS_FILE, readFileSync(path, 'utf8'));
  if (source.problems.length) throw new ContentError(source.problems, `${ISSUER_KEYS_FILE} cannot be read`);
  const check = checkSchema(issuerKeysSchema, source.data, ISSUER_KEYS_FILE, source.locate, 'the issuer keys');
  if (!check.value) throw new ContentError(check.problems, `${ISSUER_KEYS_FILE} has problems`);
  return check.value;
}

/** Every key with its names, the current key first, then the others newest first. */
export async function describeKeys(file: IssuerKeys): Promise<IssuerKey[]> {
  const keys = await Promise.all(
    file.keys.map(async (k): Promise<IssuerKey> => {
      const key: IssuerKey = { ...(await publicKeyFromX(k.publicKey)), from: k.from };
      if (k.retired !== undefined) key.retired = k.retired;
      if (k.compromised !== undefined) key.compromised = k.compromised;
      return key;
    }),
  );
  return keys.sort((a, b) => Number(a.retired !== undefined) - Number(b.retired !== undefined) || b.from.localeCompare(a.from));
}

/** The keys a build publishes and the key that signs, after checking that the secret is the recorded current key. */
export async function programKeys(root: string, key: SigningKey): Promise<IssuerKey[]> {
  const file = readIssuerKeys(root);
  if (!file) {
    throw new SigningKeyError(
      `${SIGNING_KEY_VARIABLE} is set, but ${ISSUER_KEYS_FILE} does not exist. Record the key's public half so that every key the program signs with stays in its DID document: run npm run credential-key -- record (it reads ${SIGNING_KEY_VARIABLE}) and commit ${ISSUER_KEYS_FILE}.`,
    );
  }
  const keys = await describeKeys(file);
  const current = keys[0];
  if (!current || current.x !== key.x) {
    const listed = keys.find((k) => k.x === key.x);
    throw new SigningKeyError(
      listed
        ? `${SIGNING_KEY_VARIABLE} holds the key ${key.kid}, which ${ISSUER_KEYS_FILE} says was retired on ${listed.retired}${listed.compromised ? ' and is compromised' : ''}. Set the secret to the current key (${current?.kid}, from ${current?.from}), the one npm run credential-key -- rotate printed.`
        : `${SIGNING_KEY_VARIABLE} holds the key ${key.kid}, which ${ISSUER_KEYS_FILE} does not list; its current key is ${current?.kid} (from ${current?.from}). Set the secret to that key, or, if this is a new key, record it with npm run credential-key -- record.`,
    );
  }
  return keys;
}

/** A throwaway key as the only key of a build. */
export function throwawayKeys(key: SigningKey, buildDate: string): IssuerKey[] {
  return [{ ...key, from: buildDate }];
}

/** The record with a new current key from `today`; the previous current key retires today. */
export function withNewKey(file: IssuerKeys | undefined, x: string, today: string): IssuerKeys {
  const keys = (file?.keys ?? []).map((k) => (k.retired === undefined ? { ...k, retired: today } : k));
  if (keys.some((k) => k.publicKey === x)) throw new Error('this key is already recorded');
  return { keys: [...keys, { publicKey: x, from: today }] };
}

/** The record with a retired key marked compromised. */
export function withCompromisedKey(file: IssuerKeys, x: string, date: string, reason: string): IssuerKeys {
  return { keys: file.keys.map((k) => (k.publicKey === x ? { ...k, compromised: { date, reason } } : k)) };
}

const HEADER = `# The public keys the program has signed credentials with (see README, "After graduation").
# Written by npm run credential-key; commit it after every change. Public halves only: the private key
# of the current key is the deployment's secret CREDENTIAL_SIGNING_KEY and never belongs in a file.
# Keep every key listed: credentials signed with an old key stay verifiable only while it is here.
`;

export function issuerKeysYaml(file: IssuerKeys): string {
  return `${HEADER}${stringify(file, { lineWidth: 0 })}`;
}

export function writeIssuerKeys(root: string, file: IssuerKeys): void {
  const checked = issuerKeysSchema.parse(file);
  writeFileSync(join(root, ISSUER_KEYS_FILE), issuerKeysYaml(checked));
}

/**
 * The credentials whose holders may hold a copy signed with `key`: every credential issued on or
 * before the day the key retired (a credential issued earlier was signed again with each new key,
 * but copies already sent keep the old signature).
 */
export function signedWith<T extends { issued: string }>(key: Pick<IssuerKey, 'from' | 'retired'>, credentials: readonly T[]): T[] {
  return credentials.filter((c) => key.retired === undefined || c.issued <= key.retired);
}

/**
 * What to re-issue: each key marked compromised, with the valid credentials whose holders may hold
 * a copy it signed. One rule for `npm run credential-key` and the faculty site's Certified trainers.
 */
export function toReissue<T extends { issued: string }>(keys: readonly IssuerKey[], valid: readonly T[]): { key: IssuerKey; compromised: { date: string; reason: string }; credentials: T[] }[] {
  return keys.flatMap((key) => (key.compromised ? [{ key, compromised: key.compromised, credentials: signedWith(key, valid) }] : []));
}
