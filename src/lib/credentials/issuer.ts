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
import { DID_CONTEXT_URL, JWS_2020_CONTEXT_URL, MULTIKEY_CONTEXT_URL } from './contexts/index.ts';

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

type VerificationMethod =
  | { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string; revoked?: string }
  | { id: string; type: 'JsonWebKey2020'; controller: string; publicKeyJwk: JWK; revoked?: string };

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
}

export interface PublishedKey {
  kid: string;
  publicKeyMultibase: string;
  publicJwk: JWK;
  compromised?: { date: string };
}

/**
 * The DID document: every key the program has signed with, each twice, as a Multikey (Data
 * Integrity proofs name it by its multibase key) and as a JsonWebKey2020 (the JWT form's kid is its
 * thumbprint). A key may sign (assertionMethod) unless it was compromised; a compromised key stays
 * listed with `revoked` set to the day it was found out.
 */
export function didDocument(did: string, keys: readonly PublishedKey[]): DidDocument {
  const verificationMethod: VerificationMethod[] = [];
  const assertionMethod: string[] = [];
  for (const key of keys) {
    const { kty, crv, x } = key.publicJwk;
    const revoked = key.compromised ? { revoked: `${key.compromised.date}T00:00:00Z` } : {};
    const multikey = { id: `${did}#${key.publicKeyMultibase}`, type: 'Multikey' as const, controller: did, publicKeyMultibase: key.publicKeyMultibase, ...revoked };
    const jwk = { id: `${did}#${key.kid}`, type: 'JsonWebKey2020' as const, controller: did, publicKeyJwk: { kty, crv, x } as JWK, ...revoked };
    verificationMethod.push(multikey, jwk);
    if (!key.compromised) assertionMethod.push(multikey.id, jwk.id);
  }
  return { '@context': [DID_CONTEXT_URL, MULTIKEY_CONTEXT_URL, JWS_2020_CONTEXT_URL], id: did, verificationMethod, assertionMethod };
}

/** The https address did:web resolves a DID document of this form to (did:web:host:a:b → https://host/a/b/did.json). */
export function didWebDocumentUrl(did: string): string {
  const [method, kind, host, ...path] = did.split(':');
  if (method !== 'did' || kind !== 'web' || !host) throw new Error(`${did} is not a did:web identifier`);
  const origin = `https://${decodeURIComponent(host)}`;
  return path.length === 0 ? `${origin}/.well-known/did.json` : `${origin}/${path.map(decodeURIComponent).join('/')}/did.json`;
}
