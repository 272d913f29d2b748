/**
 * Reading the program's published documents (DID document, status list) for the verifier in the
 * browser: a public address of the site is fetched from the same origin the page came from, so a
 * preview or a mirror verifies against its own files and the page's content security policy
 * (connect-src 'self') holds. Addresses outside the public site are not fetched.
 */
import type { SiteReader } from './document-loader.ts';

export function fetchReader(siteRoot: string, localRoot: string): SiteReader {
  return async (url: string) => {
    if (!url.startsWith(siteRoot)) return undefined;
    const response = await fetch(`${localRoot}${url.slice(siteRoot.length)}`, { cache: 'no-store' });
    if (!response.ok) return undefined;
    return (await response.json()) as unknown;
  };
}
