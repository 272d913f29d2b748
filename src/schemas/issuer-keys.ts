/**
 * The issuer's public keys: `content/issuer-keys.yaml`, one file, written by
 * `npm run credential-key` and committed by the coordinator. Public halves only; the private key of
 * the current key lives in the deployment's secret CREDENTIAL_SIGNING_KEY and never in a file.
 *
 * Every key ever used stays listed, so everything it signed stays verifiable: the DID document
 * publishes them all. Exactly one key is current (no `retired` date); it signs. A key marked
 * `compromised` stays in the DID document for the record but is no longer allowed to sign, so its
 * signatures stop verifying.
 */
import { z } from 'zod';
import { field, isoDate, line } from './common.ts';

/** Where the record lives, from the project root. */
export const ISSUER_KEYS_FILE = 'content/issuer-keys.yaml';

/** The 32-byte Ed25519 public key in base64url, as the "x" of its JSON Web Key. */
export const ED25519_X = /^[A-Za-z0-9_-]{43}$/;

export const compromiseSchema = z.strictObject({
  date: field(isoDate, { description: 'the day the key was found compromised, YYYY-MM-DD', example: '2028-03-01' }),
  reason: field(line('the reason', 500), { description: 'what happened, in a sentence', example: 'The laptop holding a copy of the key was stolen.' }),
});

export const issuerKeySchema = z.strictObject({
  publicKey: field(
    z.string({ error: 'expected the public key as text' }).regex(ED25519_X, {
      message: 'publicKey must be the "x" of an Ed25519 JSON Web Key: 43 letters, digits, - or _; copy it from the output of npm run credential-key',
    }),
    { description: 'the public key (the "x" of the Ed25519 JSON Web Key)', example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
  ),
  from: field(isoDate, { description: 'the day this key started signing, YYYY-MM-DD', example: '2027-06-01' }),
  retired: field(isoDate.optional(), {
    description: 'the day a newer key took over; left out for the current key (what it signed stays verifiable)',
    example: '2028-06-01',
  }),
  compromised: field(compromiseSchema.optional(), {
    description: 'only if the private key leaked: its signatures stop verifying, and what it signed must be re-issued',
    example: '{ date: 2028-03-01, reason: The laptop holding a copy of the key was stolen. }',
  }),
});

export const issuerKeysSchema = z
  .strictObject({
    keys: field(z.array(issuerKeySchema).min(1, { message: 'keys must list at least one key; make one with npm run credential-key -- new' }), {
      description: 'every key the program has signed credentials with, oldest first',
      example: '[{ publicKey: 11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo, from: 2027-06-01 }]',
    }),
  })
  .superRefine((file, ctx) => {
    const current = file.keys.flatMap((k, i) => (k.retired === undefined ? [i] : []));
    if (current.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys'],
        message:
          current.length === 0
            ? 'one key must be current (without retired:); make a new one with npm run credential-key -- rotate'
            : `only one key can be current, but keys ${current.map((i) => i + 1).join(' and ')} have no retired: date; give the older one the day the newer one took over`,
      });
    }
    const seen = new Map<string, number>();
    file.keys.forEach((k, i) => {
      const first = seen.get(k.publicKey);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['keys', i, 'publicKey'], message: `this key is already listed as key ${first + 1}; list each key once` });
      seen.set(k.publicKey, i);
      if (k.retired !== undefined && k.retired < k.from) {
        ctx.addIssue({ code: 'custom', path: ['keys', i, 'retired'], message: `retired (${k.retired}) is before from (${k.from}); a key retires after it started` });
      }
      if (k.compromised !== undefined && k.retired === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['keys', i, 'compromised'],
          message: 'the current key cannot be marked compromised; run npm run credential-key -- rotate --compromised "reason" to replace it and mark it in one step',
        });
      }
    });
  });

export type IssuerKeys = z.infer<typeof issuerKeysSchema>;
export type IssuerKeyRecord = z.infer<typeof issuerKeySchema>;
