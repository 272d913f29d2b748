/**
 * The content model as data: each collection's folder, file kinds, schema, component allow-list
 * and how its ids are formed. Astro's content config, the validator, the scaffolder and the
 * scope check all read this one table.
 */
import type { z } from 'zod';
import { resourceSchema } from '../schemas/resource.ts';
import { cohortSchema } from '../schemas/cohort.ts';
import { facultySchema } from '../schemas/faculty.ts';
import { moduleSchema } from '../schemas/module.ts';
import { participantSchema } from '../schemas/participant.ts';
import { portfolioEntrySchema } from '../schemas/portfolio-entry.ts';
import { programPageSchema } from '../schemas/program-page.ts';
import { sessionSchema } from '../schemas/session.ts';
import { siteSchema } from '../schemas/site.ts';
import { frameworkSchema } from '../schemas/framework.ts';
import { attendanceSchema } from '../schemas/attendance.ts';
import { APPROVAL_STEPS, APPROVAL_STEP_FILES, approvalSchema } from '../schemas/approval.ts';
import { assessmentSchema } from '../schemas/assessment.ts';
import { decisionSchema } from '../schemas/decision.ts';
import { recipientSchema } from '../schemas/recipient.ts';
import { PORTFOLIO_COMPONENTS, PROGRAM_COMPONENTS, type ComponentSpec } from './gate/allowlists.ts';

export type FileKind = 'yaml' | 'md' | 'mdx';

export interface CollectionSpec {
  /** Collection name in Astro and in messages. */
  name: string;
  /** Folder under content/ (and under content/demo/ for demo content). */
  folder: string;
  /** File kinds accepted. */
  kinds: readonly FileKind[];
  /**
   * Folder depth of files below `folder`: 0 = directly in it, 1 = in one sub-folder (cohort or
   * participant), 2 = two down (participant, then the entry the file is about).
   */
  depth: 0 | 1 | 2;
  /** The only names (without extension) a file may have, when the name says what the file is; with what each means. */
  fileNames?: Readonly<Record<string, string>>;
  /** The folder layout below `folder`, for messages, e.g. "<participant>/<proposal entry>/". */
  layout?: string;
  schema: z.ZodType;
  /** Components allowed in .mdx bodies. */
  components: Record<string, ComponentSpec>;
  /** "a portfolio entry": how messages name one file of this collection. */
  what: string;
  /** Can files of this collection come from content/demo/? */
  demo: boolean;
  /** A rule about the body, given the valid data: why it is not acceptable, or undefined. */
  bodyRule?: (data: Record<string, unknown>, body: string) => string | undefined;
}

export const COLLECTIONS = [
  { name: 'program', folder: 'program', kinds: ['md', 'mdx'], depth: 0, schema: programPageSchema, components: PROGRAM_COMPONENTS, what: 'a program page', demo: false },
  { name: 'cohorts', folder: 'cohorts', kinds: ['yaml'], depth: 0, schema: cohortSchema, components: {}, what: 'a cohort', demo: true },
  { name: 'modules', folder: 'modules', kinds: ['md'], depth: 0, schema: moduleSchema, components: {}, what: 'a module', demo: true },
  { name: 'sessions', folder: 'sessions', kinds: ['yaml'], depth: 1, schema: sessionSchema, components: {}, what: 'a session', demo: true },
  // demo faculty are the invented assessors of the demo cohort's records (never a real person)
  { name: 'faculty', folder: 'faculty', kinds: ['md'], depth: 0, schema: facultySchema, components: {}, what: 'a faculty member', demo: true },
  { name: 'sites', folder: 'sites', kinds: ['yaml'], depth: 0, schema: siteSchema, components: {}, what: 'a site', demo: true },
  { name: 'participants', folder: 'participants', kinds: ['yaml'], depth: 0, schema: participantSchema, components: {}, what: 'a participant', demo: true },
  { name: 'portfolios', folder: 'portfolios', kinds: ['md', 'mdx'], depth: 1, schema: portfolioEntrySchema, components: PORTFOLIO_COMPONENTS, what: 'a portfolio entry', demo: true },
  { name: 'framework', folder: 'framework', kinds: ['yaml'], depth: 0, schema: frameworkSchema, components: {}, what: 'a qualification criterion', demo: false },
  { name: 'attendance', folder: 'attendance', kinds: ['yaml'], depth: 1, schema: attendanceSchema, components: {}, what: 'an attendance record', demo: true },
  {
    name: 'approvals',
    folder: 'approvals',
    kinds: ['yaml'],
    depth: 2,
    schema: approvalSchema,
    components: {},
    what: 'an approval step of an application project',
    demo: true,
    fileNames: Object.fromEntries(APPROVAL_STEPS.map((s) => [s, APPROVAL_STEP_FILES[s]])),
    layout: '<participant>/<proposal entry>/',
  },
  { name: 'assessments', folder: 'assessments', kinds: ['yaml'], depth: 1, schema: assessmentSchema, components: {}, what: 'an assessment', demo: true },
  { name: 'decisions', folder: 'decisions', kinds: ['yaml'], depth: 1, schema: decisionSchema, components: {}, what: 'a decision', demo: true },
  {
    name: 'resources',
    folder: 'resources',
    kinds: ['md'],
    depth: 0,
    schema: resourceSchema,
    components: {},
    what: 'a resource',
    demo: true,
    bodyRule: (data, body) =>
      data['kind'] === 'recording' && body.trim().length < 40
        ? 'a recording needs its transcript as the text of this file, below the closing ---, so that people who cannot hear it can read it'
        : undefined,
  },
  { name: 'recipients', folder: 'recipients', kinds: ['yaml'], depth: 0, schema: recipientSchema, components: {}, what: 'a recipient record', demo: true },
] as const satisfies readonly CollectionSpec[];

export type CollectionName = (typeof COLLECTIONS)[number]['name'];

export function collectionSpec(name: CollectionName): CollectionSpec {
  const spec = COLLECTIONS.find((c) => c.name === name);
  if (!spec) throw new Error(`unknown collection ${name}`);
  return spec;
}

export const CONTENT_DIR = 'content';
export const DEMO_DIR = 'content/demo';

/** Nested collections whose sub-folder is a cohort (the others' is a participant). */
const COHORT_FOLDERS = new Set(['sessions', 'attendance']);

const ID_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Turn a file name (or a name or title) into the id an author should have used: "Søren Ærø" is soren-aero. */
export function suggestId(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[øæœßłđðþı]/g, (c) => LETTERS[c] ?? c)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'entry'
  );
}

export interface ContentPath {
  spec: CollectionSpec;
  /** Id within the collection: the path below the folder without the extension. */
  id: string;
  kind: FileKind;
  demo: boolean;
  /** Why the path cannot be a content file, if it cannot. */
  problem?: string;
}

/**
 * Classify a path relative to the project root (content/..., forward slashes). Returns undefined
 * for files that are not content of any collection (e.g. attachments, README files).
 */
export function classifyPath(path: string): ContentPath | undefined {
  let rest: string;
  let demo = false;
  if (path.startsWith(`${DEMO_DIR}/`)) {
    rest = path.slice(DEMO_DIR.length + 1);
    demo = true;
  } else if (path.startsWith(`${CONTENT_DIR}/`)) {
    rest = path.slice(CONTENT_DIR.length + 1);
  } else {
    return undefined;
  }
  const parts = rest.split('/');
  const folder = parts[0];
  const spec: CollectionSpec | undefined = COLLECTIONS.find((c) => c.folder === folder);
  if (!spec) return undefined;
  const file = parts[parts.length - 1] ?? '';
  const dot = file.lastIndexOf('.');
  const ext = dot > 0 ? file.slice(dot + 1) : '';
  const kind: FileKind | undefined = ext === 'yaml' || ext === 'yml' ? 'yaml' : ext === 'md' ? 'md' : ext === 'mdx' ? 'mdx' : undefined;
  if (!kind) return undefined; // attachments and other files belong to the entry next to them
  const segments = [...parts.slice(1, -1), dot > 0 ? file.slice(0, dot) : file];
  const id = segments.join('/');
  const out: ContentPath = { spec, id, kind, demo };
  if (demo && !spec.demo) out.problem = `${spec.folder} cannot have demo content; move the file to content/${spec.folder}/`;
  else if (!(spec.kinds as readonly FileKind[]).includes(kind)) out.problem = `files in ${spec.folder}/ must be ${spec.kinds.map((k) => `.${k}`).join(' or ')}`;
  else if (segments.length !== spec.depth + 1) out.problem = depthProblem(spec, segments, kind);
  else {
    const bad = segments.find((s) => !ID_SEGMENT.test(s));
    const name = segments[segments.length - 1] ?? '';
    if (bad !== undefined) {
      out.problem = `the name "${bad}" must use lowercase letters, digits and hyphens only, because it becomes a web address; rename it to "${suggestId(bad)}"`;
    } else if (spec.fileNames && !Object.hasOwn(spec.fileNames, name)) {
      out.problem = `a file in ${spec.folder}/${spec.layout ?? ''} is named ${fileNameList(spec.fileNames)}, not ${name}.${kind}; rename it to the step it records`;
    }
  }
  return out;
}

/** "review.yaml (the proposal reviewed …) or final.yaml (…)". */
function fileNameList(names: Readonly<Record<string, string>>): string {
  return Object.values(names).map((what) => what.replace(/^([^:]+): (.*)$/, '$1 ($2)')).join(' or ');
}

/** Why a file sits at the wrong depth, and where it goes instead. */
function depthProblem(spec: CollectionSpec, segments: readonly string[], kind: FileKind): string {
  const name = `${segments[segments.length - 1] ?? 'file'}.${kind}`;
  if (spec.depth === 0) return `files in ${spec.folder}/ go directly in that folder, not in a sub-folder`;
  if (spec.depth === 1) {
    const cohort = COHORT_FOLDERS.has(spec.folder);
    return `files in ${spec.folder}/ go one folder down, in ${spec.folder}/<${cohort ? 'cohort' : 'participant'}>/, for example ${spec.folder}/${cohort ? '2020-2021' : 'maria-lopez'}/${name}`;
  }
  const names = Object.keys(spec.fileNames ?? {});
  const first = names[0] ?? 'file';
  const where = `files in ${spec.folder}/ go two folders down, in ${spec.folder}/${spec.layout ?? '<participant>/<entry>/'}${names.length ? `, named ${fileNameList(spec.fileNames ?? {})}` : ''}`;
  // one level short: most likely a file written before the layout had its last folder
  if (segments.length === 2 && names.length) {
    const [participant = 'maria-lopez', entry = 'project-proposal'] = segments;
    return `${where}: move this file to ${names.map((n) => `${spec.folder}/${participant}/${entry}/${n}.${kind}`).join(' or ')}`;
  }
  return `${where}, for example ${spec.folder}/maria-lopez/project-proposal/${first}.${kind}`;
}
