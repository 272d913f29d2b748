/**
 * A credential record: what the `credentials` collection stores for one certified decision,
 * derived from the faculty records by src/lib/credentials/derive.ts. It holds only what the
 * build may publish; the decision, the recipient's address and the assessments never enter it.
 *
 * The fields that make up the signed credential (`certificateId`, `issued`, `statusListIndex`,
 * `recipient`, `holder`, `evidence`) are the same in every build, so the faculty build's badge
 * carries exactly the credential the public build serves.
 */
import { z } from 'zod';

export const CREDENTIAL_STATUSES = ['valid', 'revoked', 'pending'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

export const credentialRecordSchema = z.strictObject({
  /** CST-YYYY-NNNN; also the record's id. */
  certificateId: z.string(),
  /** Date of the decision, YYYY-MM-DD: the credential's validFrom. */
  issued: z.string(),
  /** valid or revoked; pending (certified, not yet released) exists in the faculty build only. */
  status: z.enum(CREDENTIAL_STATUSES),
  /** Date the credential was revoked, when it was. */
  revokedOn: z.string().optional(),
  statusListIndex: z.number().int().nonnegative(),
  /** Open Badges IdentityObject of the email address: hash and salt, never the address. */
  recipient: z.strictObject({ identityHash: z.string(), salt: z.string() }).optional(),
  /** Who holds it: only with the participant's public-profile consent. */
  holder: z
    .strictObject({
      name: z.string(),
      participant: z.string(),
      cohort: z.string(),
      site: z.string(),
    })
    .optional(),
  /** Portfolio entries the holder made public (path below the public site's root), only with consent. */
  evidence: z.array(z.strictObject({ path: z.string(), title: z.string() })),
  /** From the fictional demo content. */
  demo: z.boolean(),
  /** Faculty build only. */
  faculty: z
    .strictObject({
      participant: z.string(),
      name: z.string(),
      publicProfile: z.boolean(),
      released: z.string().optional(),
      revocationReason: z.string().optional(),
      recipientRecorded: z.boolean(),
      decisionFile: z.string(),
    })
    .optional(),
});

export type CredentialRecord = z.infer<typeof credentialRecordSchema>;
