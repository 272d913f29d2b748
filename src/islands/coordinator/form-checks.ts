/**
 * The coordinator forms' heavy half, loaded on the first touch of a form: writing the file (new,
 * or an existing one changed in place), checking it as `npm run validate` would, and saying when a
 * session happens. The same code the validator and the build run.
 */
import { suggestId, type CollectionName } from '../../lib/content-model.ts';
import { checkFormFile, contextRecord, type ContextRecord } from '../../lib/coordinator/check.ts';
import { checkCollectionFile } from '../../lib/validate/check-file.ts';
import { changedFields, contentFilePath, DEMO_HEADER, editYamlFile, newSalt, newYamlFile } from '../../lib/coordinator/files.ts';
import type { Problem } from '../../lib/problems.ts';
import { formatWhen, sessionInterval, type SessionTimes } from '../../lib/time.ts';

/** The file's problems; a check that fails is itself a problem to report, never a broken form. */
function safeCheck(path: string, text: string, context: readonly ContextRecord[]): Problem[] {
  try {
    return checkFormFile(path, text, context);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return [{ file: path, line: 1, column: 1, severity: 'error', rule: 'check', message: `the check could not finish (${why}); send the file anyway and read the check on the pull request` }];
  }
}

export interface WrittenFile {
  path: string;
  text: string;
  /** The file exists already: it is changed on its edit page. */
  exists: boolean;
  problems: Problem[];
}

/** A new file of a collection, with the demo header under content/demo/. */
export function writeNew(collection: CollectionName, id: string, demo: boolean, data: Record<string, unknown>, context: readonly ContextRecord[]): WrittenFile {
  const path = contentFilePath(collection, id, demo);
  const text = newYamlFile(data, demo ? [DEMO_HEADER] : []);
  return { path, text, exists: false, problems: safeCheck(path, text, context) };
}

/**
 * An existing file with some keys changed (undefined removes a key), comments and order kept. With
 * `before` (the form's data when it opened), only the fields the person changed are written.
 */
export function writeEdit(path: string, original: string, changes: Record<string, unknown>, context: readonly ContextRecord[], before?: Record<string, unknown>): WrittenFile {
  const text = editYamlFile(original, before ? changedFields(before, changes) : changes);
  return { path, text, exists: true, problems: safeCheck(path, text, context) };
}

/** When a session happens, in its zone and in the reader's own, or why it cannot be said yet. */
export function describeWhen(times: SessionTimes, readerZone: string): string {
  try {
    const interval = sessionInterval(times);
    if (!interval) return 'To be announced.';
    const there = formatWhen(interval, times.timeZone);
    if (readerZone === times.timeZone) return `${there}.`;
    return `${there}; in your time zone (${readerZone}): ${formatWhen(interval, readerZone)}.`;
  } catch {
    return '';
  }
}

/** A file the form wrote, as the context of the other files it writes (they are merged together). */
export function asContext(path: string, text: string): ContextRecord[] {
  const record = checkCollectionFile(path, text).record;
  const slim = record ? contextRecord(record.collection, record.id, record.file, record.demo, record.data) : undefined;
  return slim ? [slim] : [];
}

export { newSalt, suggestId };
