/**
 * Reads `content/sources.yaml`: refuses anything that looks like a token before anything else, then
 * checks the schema. Also turns the sources into the mounts the edit links use (edit-links.ts), so
 * the sources file stays the one record of which repository holds what.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../source-file.ts';
import { checkSchema } from '../schema-problems.ts';
import { problem, type Problem } from '../problems.ts';
import type { PathSegment } from '../source-file.ts';
import type { SourceMount } from '../edit-links.ts';
import {
  defaultSourceName,
  lineHasKnownToken,
  looksLikeSecret,
  normaliseRepositoryPath,
  repositoryKind,
  repositoryWebUrl,
  SECRET_ADVICE,
  SECRET_KEY,
  SOURCES_FILE,
  sourcesSchema,
  type RepositoryKind,
  type RepositoryRules,
} from '../../schemas/sources.ts';

export { SOURCES_FILE };

/** One content folder a source fills. */
export interface SourceFolder {
  /** Folder under content/, e.g. `portfolios/maria-lopez`. */
  folder: string;
  /** Folder inside the repository; '' for its root. */
  path: string;
}

export interface Source {
  /** Position in the file, for messages: sources[2]. */
  index: number;
  name: string;
  repository: string;
  kind: RepositoryKind;
  branch: string;
  commit?: string | undefined;
  tokenVariable?: string | undefined;
  folders: SourceFolder[];
}

export interface SourcesRead {
  /** Is there a sources file? Without one, content is read from this repository (single-repository mode). */
  present: boolean;
  sources: Source[];
  problems: Problem[];
  /** The file's text, for the lock's fingerprint. */
  text: string;
}

/** Local repositories (file://) are for tests; they are allowed only when this variable is 1. */
export const ALLOW_LOCAL_ENV = 'CERT_SOURCES_ALLOW_LOCAL';

export function rulesFromEnv(env: Record<string, string | undefined> = process.env): RepositoryRules {
  return { allowLocal: env[ALLOW_LOCAL_ENV] === '1' };
}

function fieldName(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** Every place a token may have been written: keys named like secrets, values that look like one, comments. */
export function secretProblems(file: string, text: string, data: unknown, locate: (path: readonly PathSegment[]) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const lines = new Set<number>();
  const visit = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
      return;
    }
    if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const at = [...path, key];
        if (SECRET_KEY.test(key)) {
          const pos = locate(at);
          lines.add(pos.line);
          const named = typeof v === 'string' && /^[A-Z][A-Z0-9_]*$/.test(v) ? ` If ${v} is the name of an environment variable, write tokenVariable: ${v}.` : '';
          problems.push(problem(file, pos.line, pos.column, 'secret', `${fieldName(at)}: a source has no ${key} field. ${SECRET_ADVICE}.${named}`));
          continue;
        }
        if (looksLikeSecret(key, '')) {
          const pos = locate(at);
          lines.add(pos.line);
          problems.push(problem(file, pos.line, pos.column, 'secret', `${fieldName(at)} looks like an access token. ${SECRET_ADVICE}`));
          continue;
        }
        visit(v, at);
      }
      return;
    }
    if (typeof value === 'string' && looksLikeSecret(value, String(path[path.length - 1] ?? ''))) {
      const pos = locate(path);
      lines.add(pos.line);
      problems.push(problem(file, pos.line, pos.column, 'secret', `${fieldName(path) || 'the file'} looks like an access token or password. ${SECRET_ADVICE}`));
    }
  };
  visit(data, []);
  text.split(/\r?\n/).forEach((line, i) => {
    if (!lines.has(i + 1) && lineHasKnownToken(line)) {
      problems.push(problem(file, i + 1, Math.max(1, line.search(/\S/) + 1), 'secret', `this line holds an access token or a password in an address. ${SECRET_ADVICE}`));
    }
  });
  return problems;
}

/** Check the text of a sources file. */
export function parseSources(text: string, rules: RepositoryRules = {}, file = SOURCES_FILE): { sources: Source[]; problems: Problem[] } {
  const parsed = parseSource(file, text);
  const secrets = secretProblems(file, text, parsed.data, parsed.locate);
  if (parsed.problems.length) return { sources: [], problems: [...secrets, ...parsed.problems] };
  if (secrets.length) return { sources: [], problems: secrets };
  const check = checkSchema(sourcesSchema(rules), parsed.data, file, parsed.locate, 'the sources file');
  if (!check.value) return { sources: [], problems: check.problems };
  const sources: Source[] = check.value.sources.map((s, index) => ({
    index,
    name: s.name ?? defaultSourceName(s.repository),
    repository: s.repository,
    kind: repositoryKind(s.repository, rules) ?? 'https',
    branch: s.branch,
    commit: s.commit,
    tokenVariable: s.tokenVariable,
    folders: Object.entries(s.folders).map(([folder, path]) => ({ folder, path: normaliseRepositoryPath(path) })),
  }));
  return { sources, problems: [] };
}

/** Read `content/sources.yaml` of a project, if there is one. */
export function readSources(root: string, rules: RepositoryRules = rulesFromEnv()): SourcesRead {
  const path = join(root, SOURCES_FILE);
  if (!existsSync(path)) return { present: false, sources: [], problems: [], text: '' };
  const text = readFileSync(path, 'utf8');
  return { present: true, text, ...parseSources(text, rules) };
}

/** The mounts the edit links use: each content folder a source fills, on that repository's web page. */
export function mountsFromSources(sources: readonly Source[]): SourceMount[] {
  return sources.flatMap((s) =>
    s.folders.map((f) => ({
      folder: `content/${f.folder}`,
      repository: { url: repositoryWebUrl(s.repository), branch: s.branch },
      path: f.path,
    })),
  );
}

/** An address safe to print or store: never with credentials. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, '$1');
}
