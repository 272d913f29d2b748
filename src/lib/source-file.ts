/**
 * Reading a content file safely: size limit, frontmatter split, YAML parsed with the core schema
 * (no custom tags, no aliases, no duplicate keys, no prototype keys), and positions for every key
 * so a message can name the line. Used by the build's loaders, the validator and the composer.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type Problem } from './problems.ts';

export const MAX_TEXT_FILE_BYTES = 256 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How Astro finds the frontmatter of an .mdx file it compiles (`@astrojs/internal-helpers`
 * frontmatter.ts): it ends at the first line that merely starts with --- or +++. The MDX compiler
 * reads the file itself, so the gate must split the file at the same place or it would check a
 * different body from the one that is compiled.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export type Position = { line: number; column: number };
export type PathSegment = string | number;

export interface ParsedYaml {
  data: unknown;
  problems: Problem[];
  /** Where the value at a path is written; falls back to the nearest written ancestor. */
  locate(path: readonly PathSegment[]): Position;
}

export interface ParsedSource extends ParsedYaml {
  /** The Markdown or MDX body after the frontmatter ('' for data files). */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** True when the file had a frontmatter block (always true for YAML data files). */
  hasFrontmatter: boolean;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Parse YAML text that starts at `lineOffset` lines into the file (0 for a .yaml file). */
export function parseYaml(file: string, text: string, lineOffset = 0): ParsedYaml {
  const lc = new LineCounter();
  const problems: Problem[] = [];
  const doc: Document.Parsed = parseDocument(text, {
    lineCounter: lc,
    uniqueKeys: true,
    schema: 'core',
    strict: true,
    prettyErrors: false,
    merge: false,
  });
  const pos = (offset: number): Position => {
    const { line, col } = lc.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  for (const err of doc.errors) {
    const p = pos(err.pos[0]);
    const message =
      err.code === 'DUPLICATE_KEY'
        ? 'this key is written twice; keep one of the two lines'
        : `the YAML cannot be read: ${err.message.split('\n')[0]}. Check indentation, and put text containing a colon in quotes`;
    problems.push(problem(file, p.line, p.column, err.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax', message));
  }
  for (const warn of doc.warnings) {
    const p = pos(warn.pos[0]);
    problems.push(problem(file, p.line, p.column, 'yaml-tag', `YAML tags are not allowed here (${warn.message}); write plain values`));
  }
  visit(doc, {
    Node(_key, node) {
      const start = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        const p = pos(start);
        problems.push(problem(file, p.line, p.column, 'yaml-alias', 'YAML aliases (*name) are not allowed; write the value out in full'));
        return visit.SKIP;
      }
      if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && !node.tag.startsWith('!')) {
        const p = pos(start);
        problems.push(problem(file, p.line, p.column, 'yaml-tag', `YAML tags such as ${node.tag.replace('tag:yaml.org,2002:', '!!')} are not allowed; write plain values`));
      }
      if ((isScalar(node) || isMap(node) || isSeq(node)) && typeof node.anchor === 'string') {
        // an anchor alone is harmless, but it only exists to be aliased
        const p = pos(start);
        problems.push(problem(file, p.line, p.column, 'yaml-alias', 'YAML anchors (&name) are not allowed; write each value out in full'));
      }
      return undefined;
    },
    Pair(_key, pair) {
      const key = pair.key;
      if (key && !isScalar(key)) {
        const p = pos((key as Node).range?.[0] ?? 0);
        problems.push(problem(file, p.line, p.column, 'yaml-syntax', 'keys must be plain words, such as title:'));
        return undefined;
      }
      if (isScalar(key) && String(key.value) === '<<') {
        // a merge key: other YAML readers (Astro's, for .mdx) copy the keys of its value into the
        // surrounding map, so keys this reader never sees (layout:) would appear there
        const p = pos(key.range?.[0] ?? 0);
        problems.push(problem(file, p.line, p.column, 'yaml-merge-key', 'YAML merge keys (<<) are not allowed; write each field out in full'));
        return undefined;
      }
      if (isScalar(key) && FORBIDDEN_KEYS.has(String(key.value))) {
        const p = pos(key.range?.[0] ?? 0);
        problems.push(problem(file, p.line, p.column, 'yaml-proto-key', `the key ${String(key.value)} is not allowed; remove this line`));
      }
      return undefined;
    },
  });

  // one problem per line and rule is enough: an alias bomb would otherwise list every alias
  const seen = new Set<string>();
  const distinct = problems.filter((p) => {
    const key = `${p.line}:${p.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  problems.splice(0, problems.length, ...distinct);

  let data: unknown = undefined;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 0 });
    } catch (error) {
      problems.push(problem(file, 1 + lineOffset, 1, 'yaml-syntax', `the YAML cannot be read: ${(error as Error).message}`));
    }
  }

  const locate = (path: readonly PathSegment[]): Position => {
    let node: unknown = doc.contents;
    let best: Position = { line: lineOffset + 1, column: 1 };
    if (node && typeof node === 'object' && 'range' in node) {
      const r = (node as Node).range;
      if (r) best = pos(r[0]);
    }
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyRange = (pair.key as Node | null)?.range;
        if (keyRange) best = pos(keyRange[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        if (item.range) best = pos(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return best;
  };

  return { data, problems, locate };
}

/** Split and parse a Markdown/MDX file with YAML frontmatter, or a YAML data file. */
export function parseSource(file: string, contents: string): ParsedSource {
  const problems: Problem[] = [];
  const bytes = byteLength(contents);
  const empty = { data: undefined, body: '', bodyLine: 1, hasFrontmatter: false, locate: () => ({ line: 1, column: 1 }) };
  if (bytes > MAX_TEXT_FILE_BYTES) {
    problems.push(
      problem(file, 1, 1, 'file-size', `the file is ${Math.ceil(bytes / 1024)} KB; text files may be at most ${MAX_TEXT_FILE_BYTES / 1024} KB. Split it into several entries, or move large material into an attachment`),
    );
    return { ...empty, problems };
  }
  if (contents.includes('\u0000')) {
    problems.push(problem(file, 1, 1, 'file-kind', 'the file contains binary data; save it as plain UTF-8 text'));
    return { ...empty, problems };
  }
  const text = contents.startsWith('\uFEFF') ? contents.slice(1) : contents;

  if (/\.ya?ml$/i.test(file)) {
    const parsed = parseYaml(file, text, 0);
    return { ...parsed, body: '', bodyLine: 1, hasFrontmatter: true };
  }

  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) {
    problems.push(problem(file, 1, 1, 'frontmatter-missing', 'the file must start with a line of three dashes (---), then its fields, then another --- line'));
    return { ...empty, body: text, problems };
  }
  const rest = text.slice(open[0].length);
  // the closing line, found by \n only (a JavaScript /m regex would also split at \r, U+2028 and U+2029)
  const closeLine = /^---[ \t]*\r?$/;
  let closeAt = -1;
  let closeLength = 0;
  for (let lineStart = 0; lineStart <= rest.length; ) {
    const lineEnd = rest.indexOf('\n', lineStart);
    const line = rest.slice(lineStart, lineEnd === -1 ? rest.length : lineEnd);
    if (closeLine.test(line)) {
      closeAt = lineStart;
      closeLength = line.length;
      break;
    }
    if (lineEnd === -1) break;
    lineStart = lineEnd + 1;
  }
  if (closeAt === -1) {
    problems.push(problem(file, 1, 1, 'frontmatter-missing', 'the frontmatter is not closed: add a line of three dashes (---) after the last field'));
    return { ...empty, problems };
  }
  const yamlText = rest.slice(0, closeAt);
  const yamlLines = yamlText.split('\n').length - 1;
  const astro = ASTRO_FRONTMATTER.exec(text);
  const astroCloseAt = astro ? astro.index + astro[0].length - 3 : -1;
  if (astroCloseAt !== open[0].length + closeAt) {
    const offending = yamlText.split('\n').findIndex((l) => /^(---|\+\+\+)/.test(l));
    problems.push(
      problem(
        file,
        offending === -1 ? 1 : 2 + offending,
        1,
        'frontmatter-delimiter',
        'a line inside the frontmatter starts with --- or +++, or uses an unusual line break; only the closing line may start with ---. Put that text in quotes on its field\'s line, or remove it',
      ),
    );
    return { ...empty, problems };
  }
  const afterClose = rest.slice(closeAt + closeLength).replace(/^\r?\n/, '');
  const bodyLine = 1 + yamlLines + 2;
  const parsed = parseYaml(file, yamlText, 1);
  return { ...parsed, problems: [...problems, ...parsed.problems], body: afterClose, bodyLine, hasFrontmatter: true };
}
