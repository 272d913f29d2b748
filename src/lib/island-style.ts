/**
 * Astro writes the islands' one style rule (`astro-island, astro-slot { display: contents }`) as a
 * <style> element just before the first island of a page, wherever that island sits. HTML allows
 * a <style> in the body only as the first child of its parent, and never inside a paragraph, so
 * the W3C checker refuses a page whose first island follows other content (the visitor's local
 * time, inside the paragraph that gives a session's time). After the build the rule moves into
 * <head>, unchanged: the page's content security policy allows it by a hash of its text, not of
 * its place.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ISLAND_STYLE = /<style>astro-island[^<]*<\/style>/g;
const MARKER = Buffer.from('<style>astro-island');

/** Whether a page's bytes hold an island style rule at all (most pages have no island): no need to decode the others. */
export function hasIslandStyle(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(MARKER) >= 0;
}

/** The page with every island style rule taken out of the body and written once at the end of <head>. */
export function hoistIslandStyle(html: string): string {
  const bodyAt = html.search(/<body[\s>]/i);
  const headEnd = html.search(/<\/head>/i);
  if (bodyAt < 0 || headEnd < 0 || headEnd > bodyAt) return html;
  const body = html.slice(bodyAt);
  const found = body.match(ISLAND_STYLE);
  if (!found) return html;
  const head = html.slice(0, headEnd);
  const styles = [...new Set(found)].filter((s) => !head.includes(s)).join('');
  return `${head}${styles}${html.slice(headEnd, bodyAt)}${body.replace(ISLAND_STYLE, '')}`;
}

function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) htmlFiles(path, out);
    else if (item.isFile() && item.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/** Rewrite the built pages of a site that have an island style in their body; returns how many changed. */
export function hoistIslandStyles(siteDir: string): number {
  let changed = 0;
  for (const file of htmlFiles(siteDir)) {
    // most pages have no island: look for the bytes before decoding the text
    const bytes = readFileSync(file);
    if (!hasIslandStyle(bytes)) continue;
    const html = bytes.toString('utf8');
    const fixed = hoistIslandStyle(html);
    if (fixed !== html) {
      writeFileSync(file, fixed);
      changed++;
    }
  }
  return changed;
}
