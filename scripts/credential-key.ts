/**
 * node scripts/credential-key.ts
 *
 * Prints a new Ed25519 signing key for credentials, as the one line of JSON that the
 * CREDENTIAL_SIGNING_KEY environment variable (a deployment secret) takes, and its public part
 * and key id for the record. Keep the private key out of the repository: whoever has it can
 * issue credentials in the program's name. Changing it later makes the credentials signed with
 * the old key unverifiable (the DID document lists the current key only).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';

const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
const jwk = await exportJWK(privateKey);
const { kty, crv, x } = jwk;
process.stderr.write(
  `Set this as the secret CREDENTIAL_SIGNING_KEY of the deployment (one line):\n\n`,
);
process.stdout.write(`${JSON.stringify({ kty, crv, x, d: jwk.d })}\n`);
process.stderr.write(`\nPublic key: ${JSON.stringify({ kty, crv, x })}\nKey id (JWK thumbprint): ${await calculateJwkThumbprint({ kty: kty ?? 'OKP', crv: crv ?? 'Ed25519', x: x ?? '' })}\n`);
