/**
 * The JSON-LD document loader that signing and verifying use: it answers the contexts from the
 * installed context packages (contexts/index.ts), the program's own did:web DID document and its
 * verification methods, and documents of the public site (the status list) through a reader the
 * caller gives: files of a built site (the signing step, the tests) or same-origin requests (the
 * verification page in the browser). Anything else is refused, so nothing is ever fetched from
 * another host, and a credential naming another issuer cannot borrow its keys.
 *
 * No node: imports: the browser verifier bundles it.
 */
import { CONTEXTS, DID_CONTEXT_URL, MULTIKEY_CONTEXT_URL } from './contexts/index.ts';
import { didWebDocumentUrl } from './issuer.ts';

/** The JSON document a public address serves, or undefined when it serves none. */
export type SiteReader = (url: string) => Promise<unknown>;

export type DocumentLoader = DiDocumentLoader;

export class OfflineLoaderError extends Error {}

const answer = (url: string, document: unknown): DiRemoteDocument => ({ contextUrl: null, documentUrl: url, document });

export function createDocumentLoader(options: { did: string; read?: SiteReader }): DiDocumentLoader {
  const { did, read } = options;
  let didDocument: Promise<Record<string, unknown>> | undefined;
  const loadDid = () => {
    didDocument ??= (async () => {
      const url = didWebDocumentUrl(did);
      const doc = read ? await read(url) : undefined;
      if (!doc || typeof doc !== 'object') throw new OfflineLoaderError(`the issuer's DID document (${url}) could not be read`);
      if ((doc as Record<string, unknown>)['id'] !== did) throw new OfflineLoaderError(`the DID document at ${url} is not the document of ${did}`);
      return doc as Record<string, unknown>;
    })();
    return didDocument;
  };
  return async (url: string) => {
    const context = CONTEXTS[url];
    if (context) return answer(url, context);
    if (url.startsWith('did:')) {
      const [base = '', fragment] = url.split('#');
      if (base !== did) throw new OfflineLoaderError(`${base} is not the issuer of this program (${did}); only the program's own keys are accepted`);
      const doc = await loadDid();
      if (fragment === undefined) return answer(url, doc);
      const methods = Array.isArray(doc['verificationMethod']) ? (doc['verificationMethod'] as Record<string, unknown>[]) : [];
      const method = methods.find((m) => m['id'] === url);
      if (!method) throw new OfflineLoaderError(`the issuer's DID document lists no key ${url}`);
      return answer(url, { '@context': [DID_CONTEXT_URL, MULTIKEY_CONTEXT_URL], ...method });
    }
    const doc = read ? await read(url) : undefined;
    if (doc === undefined) throw new OfflineLoaderError(`${url} is not one of the program's published documents (offline: nothing else is fetched)`);
    return answer(url, doc);
  };
}
