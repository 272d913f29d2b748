/**
 * What the cross-file checks share: records indexed by collection and id, with the demo rule
 * (real content may not depend on demo-only files; demo content may use both), and the small
 * readers for fields of data that may not have passed its schema.
 */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface IndexedRecord {
  collection: string;
  id: string;
  demo: boolean;
}

export class RecordIndex<R extends IndexedRecord> {
  private readonly byCollection = new Map<string, Map<string, R[]>>();

  constructor(records: readonly R[]) {
    for (const r of records) {
      let ids = this.byCollection.get(r.collection);
      if (!ids) this.byCollection.set(r.collection, (ids = new Map()));
      const list = ids.get(r.id);
      if (list) list.push(r);
      else ids.set(r.id, [r]);
    }
  }

  /** The record a reference from demo (or real) content may use: real first; demo only from demo. */
  find(collection: string, id: string, fromDemo: boolean): R | undefined {
    const all = this.byCollection.get(collection)?.get(id) ?? [];
    return all.find((r) => !r.demo) ?? (fromDemo ? all[0] : undefined);
  }

  /** A demo-only record that real content may not use, for the message that says so. */
  demoOnly(collection: string, id: string): R | undefined {
    const all = this.byCollection.get(collection)?.get(id) ?? [];
    return all.length > 0 && all.every((r) => r.demo) ? all[0] : undefined;
  }

  /** Ids a reference from demo (or real) content may name, sorted. */
  ids(collection: string, fromDemo: boolean, keep: (r: R) => boolean = () => true): string[] {
    const out: string[] = [];
    for (const [id, list] of this.byCollection.get(collection) ?? []) {
      if (list.some((r) => (fromDemo || !r.demo) && keep(r))) out.push(id);
    }
    return out.sort();
  }

  records(collection: string): R[] {
    return [...(this.byCollection.get(collection)?.values() ?? [])].flat();
  }
}

/** A string field that looks like an id (or matches `pattern`). */
export function str(data: Record<string, unknown>, key: string, pattern: RegExp = ID): string | undefined {
  const v = data[key];
  return typeof v === 'string' && pattern.test(v) ? v : undefined;
}

/** The id-like strings of a list field, with their positions. */
export function strs(data: Record<string, unknown>, key: string): { index: number; value: string }[] {
  const v = data[key];
  if (!Array.isArray(v)) return [];
  const out: { index: number; value: string }[] = [];
  v.forEach((item: unknown, index) => {
    if (typeof item === 'string' && ID.test(item)) out.push({ index, value: item });
  });
  return out;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A non-empty string field, whatever it looks like. */
export function text(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const MAX_LISTED = 12;

/** "a, b, c and 4 more": the ids a message offers as the ones that exist. */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return 'none yet';
  const shown = ids.slice(0, MAX_LISTED).join(', ');
  return ids.length > MAX_LISTED ? `${shown} and ${ids.length - MAX_LISTED} more` : shown;
}
