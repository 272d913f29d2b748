/**
 * Where a credential is issued to: `content/recipients/<participant>.yaml`, one file per
 * participant with a certified decision. Faculty-only, and more than that: no build reads the
 * address. The credentials loader turns it into a salted SHA-256 hash (Open Badges 3.0
 * `IdentityObject`) and keeps only the hash and the salt, so a holder can prove the credential is
 * theirs by showing the address, and nobody can read the address off the credential.
 */
import { z } from 'zod';
import { field } from './common.ts';

/** Letters, digits, _ and -; long enough that the hash cannot be looked up in a table of common addresses. */
export const SALT = /^[A-Za-z0-9_-]{16,128}$/;

const EMAIL = /^[^\s@<>()[\],;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export const recipientSchema = z.strictObject({
  email: field(
    z
      .string({ error: 'expected the email address the credential is issued to, for example maria.lopez@example.org' })
      .trim()
      .max(254, { message: 'email must be at most 254 characters' })
      .regex(EMAIL, { message: 'email must be one address without a name or <brackets>, for example email: maria.lopez@example.org' }),
    {
      description: 'the address the credential is issued to (hashed with the salt; case does not matter); it never appears on any site',
      example: 'maria.lopez@example.org',
    },
  ),
  salt: field(
    z
      .string({ error: 'expected the salt as text, for example 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4' })
      .regex(SALT, {
        message:
          'salt must be 16 to 128 letters, digits, _ or -, different for every person, for example 3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4 (make one with: node -e "console.log(crypto.randomUUID())")',
      }),
    {
      description: 'a random string mixed into the hash of the address, different for every person; never change it once a credential is issued',
      example: '3f9c1b7e2a6d4c08b5e1f0a9d2c7b6e4',
    },
  ),
});

export type Recipient = z.infer<typeof recipientSchema>;
