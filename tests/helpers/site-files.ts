/**
 * Every byte a built site would serve, as searchable text: HTML, XML, JSON, scripts, styles,
 * images, and Pagefind's index files decompressed (they are gzip, and their words lower-cased).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface SiteFile {
  path: string;
  bytes: Buffer;
  /** The file's text (Pagefind files decompressed), lower-cased for case-blind matching. */
  text: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function readSite(dir: string): SiteFile[] {
  return walk(dir).map((full) => {
    const raw = readFileSync(full);
    let bytes = raw;
    if (/\.pf_[a-z]+$|\.pagefind$/.test(full) || (raw[0] === 0x1f && raw[1] === 0x8b)) {
      try {
        bytes = gunzipSync(raw);
      } catch {
        bytes = raw;
      }
    }
    return { path: relative(dir, full), bytes: raw, text: bytes.toString('latin1').toLowerCase() + '\n' + bytes.toString('utf8').toLowerCase() };
  });
}

/** Files of a site that contain a needle (case-blind). */
export function filesContaining(site: readonly SiteFile[], needle: string): string[] {
  const lower = needle.toLowerCase();
  return site.filter((f) => f.text.includes(lower)).map((f) => f.path);
}

/** Files whose raw bytes contain a binary needle (for private images and attachments). */
export function filesWithBytes(site: readonly SiteFile[], needle: Buffer): string[] {
  return site.filter((f) => f.bytes.includes(needle)).map((f) => f.path);
}
