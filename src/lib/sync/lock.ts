/**
 * The record of the last sync: `content/.sources-lock.json`, next to the content it describes.
 * It holds each source's commit and the files it brought, and a fingerprint of the sources file,
 * so the build can refuse to run on content that was not synced from the sources listed now, and
 * the faculty site's "about this build" page can say which commit each folder came from.
 * It is generated: do not edit it, do not commit it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSources, SOURCES_FILE } from './sources.ts';
import type { RepositoryRules } from '../../schemas/sources.ts';

export const LOCK_FILE = 'content/.sources-lock.json';

export interface LockedFolder {
  folder: string;
  path: string;
  /** Files written, relative to the project root (content/...). */
  files: string[];
}

export interface LockedSource {
  name: string;
  /** The address, without credentials. */
  repository: string;
  /** The repository's page on the git host. */
  web: string;
  branch: string;
  /** The commit the files came from. */
  commit: string;
  /** Was the commit pinned in the sources file? */
  pinned: boolean;
  folders: LockedFolder[];
}

export interface SourcesLock {
  version: 1;
  /** sha256 of content/sources.yaml as it was synced. */
  sourcesSha256: string;
  syncedAt: string;
  sources: LockedSource[];
}

export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function readLock(root: string): SourcesLock | undefined {
  const path = join(root, LOCK_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as SourcesLock;
    return data && data.version === 1 && Array.isArray(data.sources) ? data : undefined;
  } catch {
    return undefined;
  }
}

export function writeLock(root: string, lock: SourcesLock): void {
  writeFileSync(join(root, LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`);
}

export function removeLock(root: string): void {
  rmSync(join(root, LOCK_FILE), { force: true });
}

export type SyncState =
  | { mode: 'single' }
  | { mode: 'split'; lock: SourcesLock }
  | { mode: 'unsynced'; message: string };

/** Where the content of a project stands: one repository, synced split repositories, or not synced. */
export function syncState(root: string, rules?: RepositoryRules): SyncState {
  const sources = readSources(root, rules);
  if (!sources.present) return { mode: 'single' };
  if (sources.problems.length) {
    return { mode: 'unsynced', message: `${SOURCES_FILE} has problems (npm run sync lists them); fix them and run npm run sync before building` };
  }
  const lock = readLock(root);
  if (!lock) {
    return {
      mode: 'unsynced',
      message: `${SOURCES_FILE} lists the repositories content comes from, but they have not been synced (${LOCK_FILE} is missing, or the last sync failed). Run npm run sync, then build again: a build never runs without every source`,
    };
  }
  if (lock.sourcesSha256 !== fingerprint(sources.text)) {
    return { mode: 'unsynced', message: `${SOURCES_FILE} changed since the last sync (${lock.syncedAt}). Run npm run sync, then build again` };
  }
  return { mode: 'split', lock };
}
