/**
 * The files the coordinator's forms write: where each one goes, and its YAML text. A new file is
 * written from data with a comment header; an existing file is changed in place, keeping its
 * comments, its key order and the way untouched values are written, so the pull request shows only
 * what the form changed.
 *
 * Pure: the forms load it in the browser; the tests call it directly.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { collectionSpec, CONTENT_DIR, DEMO_DIR, type CollectionName } from '../content-model.ts';

/** The project-relative path of a content file, e.g. `content/demo/sessions/demo-2026/call-2026-12.yaml`. */
export function contentFilePath(collection: CollectionName, id: string, demo: boolean): string {
  const spec = collectionSpec(collection);
  return `${demo && spec.demo ? DEMO_DIR : CONTENT_DIR}/${spec.folder}/${id}.${spec.kinds[0]}`;
}

/** The first lines of every file the forms write into content/demo/ (demo files say so at the top). */
export const DEMO_HEADER = 'DEMO CONTENT: fictional, for trying the site. It describes no real person, place or event.';

/**
 * Words YAML 1.1 readers take for booleans or null, and times they take for numbers (09:00 is 540
 * in base 60): written in quotes so every reader sees text.
 */
const AMBIGUOUS = /^(?:y|yes|n|no|on|off|true|false|null|~|[-+]?\d+(?::[0-5]?\d)+(?:\.\d*)?)$/i;

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A value as a YAML node: lists of plain values on one line, [a, b]; ambiguous words quoted. */
function nodeFor(doc: Document, value: unknown): Node {
  if (typeof value === 'string' && AMBIGUOUS.test(value)) {
    const scalar = new Scalar(value);
    scalar.type = Scalar.QUOTE_DOUBLE;
    return scalar;
  }
  if (Array.isArray(value)) {
    const flat = value.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    const seq = doc.createNode([]) as unknown as { items: Node[]; flow: boolean };
    for (const v of value) seq.items.push(nodeFor(doc, v));
    seq.flow = flat && !value.some((v) => typeof v === 'string' && /[\n\r]/.test(v));
    return seq as unknown as Node;
  }
  if (value !== null && typeof value === 'object') {
    const map = doc.createNode({}) as YAMLMap;
    for (const [k, v] of Object.entries(value)) if (v !== undefined) map.set(k, nodeFor(doc, v));
    return map as unknown as Node;
  }
  return doc.createNode(value) as Node;
}

/** A new YAML file: optional comment lines at the top, then the data (undefined values left out). */
export function newYamlFile(data: Record<string, unknown>, header: readonly string[] = []): string {
  const doc = new Document({});
  for (const [key, value] of Object.entries(data)) if (value !== undefined) doc.set(key, nodeFor(doc, value));
  if (header.length) doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  return doc.toString(TO_STRING);
}

function plain(node: unknown): unknown {
  return node && typeof node === 'object' && 'toJSON' in node ? (node as { toJSON: () => unknown }).toJSON() : node;
}

/** Text compared without the line break a block scalar (|) ends with, which the schemas trim anyway. */
function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\s+$/, '');
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

/**
 * An existing YAML file with some keys changed: a value replaces the key's value (only when it
 * differs), undefined removes the key. Comments, order and untouched values stay as written; a
 * comment above a removed key moves to the next key, so a file's header is never lost.
 */
export function editYamlFile(original: string, changes: Record<string, unknown>): string {
  const doc = parseDocument(original, { schema: 'core', keepSourceTokens: false });
  if (!isMap(doc.contents)) {
    // not a mapping (the validator reports why): start the file again from the changes
    return newYamlFile(changes);
  }
  const map = doc.contents as YAMLMap;
  for (const [key, value] of Object.entries(changes)) {
    const index = map.items.findIndex((p: Pair) => (isScalar(p.key) ? p.key.value : p.key) === key);
    const pair = index >= 0 ? map.items[index] : undefined;
    if (value === undefined) {
      if (!pair) continue;
      const comment = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? (pair.key as { commentBefore?: string | null }).commentBefore : undefined;
      map.items.splice(index, 1);
      if (comment) {
        const next = map.items[index];
        if (next && (isScalar(next.key) || isMap(next.key) || isSeq(next.key))) {
          const target = next.key as { commentBefore?: string | null };
          target.commentBefore = target.commentBefore ? `${comment}\n${target.commentBefore}` : comment;
        } else {
          doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${comment}` : comment;
        }
      }
      continue;
    }
    if (pair && sameValue(plain(pair.value), value)) continue;
    if (pair) pair.value = nodeFor(doc, value);
    else map.set(key, nodeFor(doc, value));
  }
  return doc.toString(TO_STRING);
}

/**
 * The fields a form changed: those whose value differs between what the form showed when it opened
 * (`before`) and what it holds now (`after`); undefined for a field cleared. Passed to editYamlFile,
 * it leaves every field the person did not touch exactly as the file writes it.
 */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!sameValue(before[key], after[key])) out[key] = after[key];
  }
  return out;
}

/** The parsed data of a YAML file the forms start from (an empty object when it is not a mapping). */
export function yamlData(text: string): Record<string, unknown> {
  const data: unknown = parseDocument(text, { schema: 'core' }).toJS();
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** A random salt for a recipient record (what `node -e "console.log(crypto.randomUUID())"` gives, without hyphens). */
export function newSalt(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}
