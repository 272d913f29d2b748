/**
 * npm run credential-key -- new | rotate [--compromised REASON] | record | compromised KEY --reason REASON | list
 *
 * The issuer's keys, for the coordinator (README, "After graduation"). Private keys are printed once,
 * on standard output, as the one line of JSON the deployment secret CREDENTIAL_SIGNING_KEY takes;
 * public halves go into content/issuer-keys.yaml, which is committed. Every key stays listed there,
 * so the DID document keeps every public key and what an old key signed stays verifiable.
 *
 * Exit status: 0 done, 1 a problem with the key record or the key, 2 wrong usage.
 */
import { parseCommand, requireContentFolder, usageError } from './lib/cli.ts';
import { buildDateFromEnv } from '../src/lib/build-date.ts';
import { deriveCredentials } from '../src/lib/credentials/derive.ts';
import { describeKeys, ISSUER_KEYS_FILE, readIssuerKeys, toReissue, withCompromisedKey, withNewKey, writeIssuerKeys, type IssuerKey } from '../src/lib/credentials/key-registry.ts';
import { newSigningKey, SIGNING_KEY_VARIABLE, signingKeyFromJwk, SigningKeyError } from '../src/lib/credentials/keys.ts';
import { readCredentialSources } from '../src/lib/credentials/read-sources.ts';
import { ContentError } from '../src/lib/problems.ts';
import { readSettings } from '../src/lib/settings.ts';

const COMMAND = {
  name: 'credential-key',
  usage: `Usage: npm run --silent credential-key -- COMMAND

  new                       make the program's first signing key
  rotate                    make a new key; the current one retires but stays published,
                            so everything it signed stays verifiable
  rotate --compromised "why"  the same, and mark the retired key compromised at once
  record                    record the key in ${SIGNING_KEY_VARIABLE} (a key made before
                            ${ISSUER_KEYS_FILE} existed, or made elsewhere) as the current key
  compromised KEY --reason "why"
                            mark a retired key compromised: its signatures stop verifying,
                            and the certificates to re-issue are listed
  list                      the keys, and what must be re-issued (the default)

new and rotate print the new private key once, on standard output: store it as the deployment's
secret ${SIGNING_KEY_VARIABLE}, commit ${ISSUER_KEYS_FILE}, and build.`,
};

const out = (text: string) => process.stdout.write(`${text}\n`);
const say = (text: string) => process.stderr.write(`${text}\n`);
const short = (k: IssuerKey) => `${k.kid} (${k.publicKeyMultibase.slice(0, 12)}…)`;

function issuedCredentials(root: string, today: string) {
  const settings = readSettings(root);
  const sources = readCredentialSources(root, { demo: settings.demo });
  return deriveCredentials(sources.records, { audience: { kind: 'faculty' }, buildDate: today }).records.filter((r) => r.status === 'valid');
}

function listReissue(root: string, keys: readonly IssuerKey[], today: string): void {
  if (!keys.some((k) => k.compromised)) return;
  for (const { key, compromised, credentials: affected } of toReissue(keys, issuedCredentials(root, today))) {
    say(`\nKey ${short(key)} is compromised (${compromised.date}: ${compromised.reason}).`);
    if (affected.length === 0) {
      say('No valid credential was issued while it was in use.');
      continue;
    }
    say(`Re-issue these ${affected.length} certificate(s): the next build signs them with the current key (same certificate number,`);
    say('same revocation entry); send each graduate the new badge from the faculty site (Certified trainers → badge).');
    for (const r of affected) say(`  ${r.certificateId}  ${r.faculty?.name ?? ''}  issued ${r.issued}`);
  }
}

function printNewKey(secret: string, kid: string): void {
  say(`New signing key ${kid}. Store the line below as the deployment's secret ${SIGNING_KEY_VARIABLE} (it is shown only now):\n`);
  out(secret);
  say(`\nThen commit ${ISSUER_KEYS_FILE} and build. Keep the key out of every file and chat: whoever has it can issue certificates in the program's name.`);
}

async function main(): Promise<number> {
  const parsed = parseCommand(COMMAND, process.argv.slice(2), { compromised: { type: 'string' }, reason: { type: 'string' } }, true);
  if ('exit' in parsed) return parsed.exit ?? 2;
  const root = process.cwd();
  const missing = requireContentFolder(COMMAND, root);
  if (missing !== undefined) return missing;
  const [command = 'list', ...rest] = parsed.positionals;
  const today = buildDateFromEnv(process.env);
  try {
    const file = readIssuerKeys(root);
    switch (command) {
      case 'new': {
        if (file) return usageError(COMMAND, `${ISSUER_KEYS_FILE} already has a key; use rotate to replace it`);
        const { key, secret } = await newSigningKey();
        writeIssuerKeys(root, withNewKey(undefined, key.x, today));
        printNewKey(secret, key.kid);
        return 0;
      }
      case 'rotate': {
        if (!file) return usageError(COMMAND, `there is no ${ISSUER_KEYS_FILE} yet; use new to make the first key`);
        const { key, secret } = await newSigningKey();
        const previous = (await describeKeys(file))[0];
        let next = withNewKey(file, key.x, today);
        if (parsed.values.compromised !== undefined && previous) next = withCompromisedKey(next, previous.x, today, parsed.values.compromised);
        writeIssuerKeys(root, next);
        printNewKey(secret, key.kid);
        if (previous) say(`The previous key ${short(previous)} retired today${parsed.values.compromised !== undefined ? ' and is marked compromised' : '; it stays in the DID document, so what it signed stays verifiable'}.`);
        listReissue(root, await describeKeys(next), today);
        return 0;
      }
      case 'record': {
        const text = process.env[SIGNING_KEY_VARIABLE]?.trim();
        if (!text) return usageError(COMMAND, `record reads the key from ${SIGNING_KEY_VARIABLE}, which is not set`);
        const key = await signingKeyFromJwk(text);
        if (file?.keys.some((k) => k.publicKey === key.x)) {
          say(`The key ${key.kid} is already in ${ISSUER_KEYS_FILE}.`);
          return 0;
        }
        writeIssuerKeys(root, withNewKey(file, key.x, today));
        say(`Recorded ${key.kid} as the current key in ${ISSUER_KEYS_FILE}${file ? ' (the previous key retired today)' : ''}; commit the file.`);
        return 0;
      }
      case 'compromised': {
        if (!file) return usageError(COMMAND, `there is no ${ISSUER_KEYS_FILE}`);
        const which = rest[0];
        const reason = parsed.values.reason;
        if (!which || !reason) return usageError(COMMAND, 'compromised needs the key (its id or z6Mk… name, as list shows) and --reason "what happened"');
        const keys = await describeKeys(file);
        const key = keys.find((k) => k.kid === which || k.publicKeyMultibase === which || k.x === which);
        if (!key) return usageError(COMMAND, `no key ${which} in ${ISSUER_KEYS_FILE}; the keys are ${keys.map((k) => k.kid).join(', ')}`);
        if (key === keys[0]) return usageError(COMMAND, `${which} is the current key: replace and mark it in one step with rotate --compromised "${reason}"`);
        const next = withCompromisedKey(file, key.x, today, reason);
        writeIssuerKeys(root, next);
        say(`Marked ${short(key)} compromised; after the next build, verifiers refuse what it signed. Commit ${ISSUER_KEYS_FILE}.`);
        listReissue(root, await describeKeys(next), today);
        return 0;
      }
      case 'list': {
        if (!file) {
          say(`There is no ${ISSUER_KEYS_FILE}: builds sign with a throwaway key and mark every credential demo. Make the program's key with: npm run --silent credential-key -- new`);
          return 0;
        }
        const keys = await describeKeys(file);
        for (const [i, k] of keys.entries()) {
          const state = i === 0 ? 'current' : k.compromised ? `compromised ${k.compromised.date}` : `retired ${k.retired}`;
          out(`${k.kid}  ${k.publicKeyMultibase}  from ${k.from}  ${state}`);
        }
        listReissue(root, keys, today);
        return 0;
      }
      default:
        return usageError(COMMAND, `unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof ContentError || error instanceof SigningKeyError) {
      say(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
