/**
 * Who issues the credentials and where their public parts live, derived from the public site's
 * address. The issuer is a `did:web` identifier of the public site, so whoever controls the site
 * controls the issuer, and a verifier finds the public key where did:web says to look:
 *
 * | public site                          | issuer DID                          | DID document                                   |
 * |--------------------------------------|-------------------------------------|------------------------------------------------|
 * | https://example.org/                 | did:web:example.org                 | https://example.org/.well-known/did.json       |
 * | https://example.org/certification/   | did:web:example.org:certification   | https://example.org/certification/did.json     |
 * | https://example.org:8443/            | did:web:example.org%3A8443          | https://example.org:8443/.well-known/did.json  |
 *
 * Every build (the faculty build too, whose own base is /) issues with the public site's
 * address, so a credential baked into a badge on the faculty site points at the public pages.
 *
 * Pure: no Astro, no file system.
 */
import type { JWK } from 'jose';

export interface PublicSite {
  /** The public site's root, with its sub-path and a trailing slash: https://example.org/certification/ */
  root: string;
  /** Sub-path part only, with slashes: / or /certification/ */
  base: string;
}

/** The public site's address, as astro.config.mjs computes it for the public build. */
export function publicSite(env: Record<string, string | undefined>, settings: { site: string; base: string }): PublicSite {
  const site = new URL(env['SITE_URL'] || settings.site);
  let base = env['SITE_BASE'] || settings.base;
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;
  return { root: new URL(base, site.origin).href, base };
}

/** An absolute address on the public site, from a path below its root (no leading slash needed). */
export function publicUrl(site: PublicSite, path: string): string {
  return new URL(path.replace(/^\/+/, ''), site.root).href;
}

/** did:web for the public site (host, port as %3A, then each path segment after a colon). */
export function didWeb(site: PublicSite): string {
  const url = new URL(site.root);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = url.pathname.split('/').filter(Boolean).map((s) => encodeURIComponent(decodeURIComponent(s)));
  return ['did:web', host, ...segments].join(':');
}

/** Where the DID document is served, as a path below the public site's root. */
export function didDocumentPath(site: PublicSite): string {
  return site.base === '/' ? '.well-known/did.json' : 'did.json';
}

/** The route pattern that serves the DID document in a build whose base is `base`. */
export function didDocumentRoute(base: string): string {
  return base === '/' ? '/.well-known/did.json' : '/did.json';
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: JWK }[];
  assertionMethod: string[];
}

/** The DID document: one Ed25519 public key, allowed to sign credentials (assertionMethod). */
export function didDocument(did: string, key: { kid: string; publicJwk: JWK }): DidDocument {
  const id = `${did}#${key.kid}`;
  const { kty, crv, x } = key.publicJwk;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk: { kty, crv, x } as JWK }],
    assertionMethod: [id],
  };
}
