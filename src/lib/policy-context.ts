/** Reads what the audience rule needs (participants' cohort and consent) straight from content/. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from './source-file.ts';
import type { PolicyContext, PolicyParticipant } from './exposure.ts';

function participantFiles(root: string, demo: boolean): string[] {
  const dirs = [join(root, 'content/participants')];
  if (demo) dirs.push(join(root, 'content/demo/participants'));
  return dirs.flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.ya?ml$/.test(f))
          .map((f) => join(dir, f))
      : [],
  );
}

export function readPolicyContext(root: string, demo: boolean): PolicyContext {
  const participants = new Map<string, PolicyParticipant>();
  const parts: string[] = [];
  for (const path of participantFiles(root, demo).sort()) {
    const id = path.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    const { data } = parseSource(path, readFileSync(path, 'utf8'));
    if (!data || typeof data !== 'object') continue;
    const record = data as Record<string, unknown>;
    if (typeof record['cohort'] !== 'string') continue;
    // consent counts only when written exactly as true; anything else keeps the profile private
    const entry = { cohort: record['cohort'], publicProfile: record['publicProfile'] === true };
    participants.set(id, entry);
    parts.push(`${id}:${entry.cohort}:${entry.publicProfile}`);
  }
  return { participants, fingerprint: parts.join('|') };
}

let cached: { signature: string; context: PolicyContext } | undefined;

/**
 * readPolicyContext, read again only when a participant file was added, removed or changed (by
 * its size and modification time): every collection's loader asks for it, and in `astro dev` the
 * loaders run again after each edit.
 */
export function currentPolicyContext(root: string, demo: boolean): PolicyContext {
  const signature = participantFiles(root, demo)
    .sort()
    .map((path) => {
      const stat = statSync(path);
      return `${path}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
  if (cached?.signature !== signature) cached = { signature, context: readPolicyContext(root, demo) };
  return cached.context;
}
