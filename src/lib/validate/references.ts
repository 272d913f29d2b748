/**
 * Every reference between content files, checked over the whole set of records: a session's
 * module and speakers, a participant's cohort, site and buddies, a portfolio entry's owner,
 * module, session, buddies and criteria, unique git handles, and public entries only with
 * consent. Each message names both files: the one with the reference and the one it needs.
 *
 * Pure: works on the records only, never on the disk, so the browser composer can run it too.
 * Demo content may refer to real content, but real content may not depend on demo content,
 * which a real deployment leaves out (`demo: false` in content/settings.yaml).
 */
import { COLLECTIONS } from '../content-model.ts';
import { problem, type Problem } from '../problems.ts';
import { suggest } from '../schema-problems.ts';
import type { PathSegment } from '../source-file.ts';
import type { ContentRecord } from './read-content.ts';
import { RecordIndex, listIds, str, strs } from './record-index.ts';

const SESSION_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The collection of qualification criteria; checked as soon as it has records. */
export const FRAMEWORK_COLLECTION = 'framework';

const NAMES: Record<string, [one: string, many: string]> = {
  cohorts: ['cohort', 'cohorts'],
  modules: ['module', 'modules'],
  sessions: ['session', 'sessions'],
  faculty: ['faculty member', 'faculty members'],
  sites: ['site', 'sites'],
  participants: ['participant', 'participants'],
  portfolios: ['portfolio entry', 'portfolio entries'],
  program: ['program page', 'program pages'],
  [FRAMEWORK_COLLECTION]: ['criterion', 'criteria'],
};

/** Which session kind each entry type must name. */
export const SESSION_KIND_FOR_TYPE: Readonly<Record<string, string>> = {
  'workshop-reflection': 'workshop',
  'call-prework': 'call',
};

function anyStrings(data: Record<string, unknown>, key: string): string[] {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

type Index = RecordIndex<ContentRecord>;

/** The record a reference from `fromDemo` content may use, and a demo-only one it may not. */
function find(index: Index, collection: string, id: string, fromDemo: boolean): { record?: ContentRecord; demoOnly?: ContentRecord } {
  const record = index.find(collection, id, fromDemo);
  if (record) return { record };
  const demoOnly = index.demoOnly(collection, id);
  return demoOnly ? { demoOnly } : {};
}

function expectedFile(index: Index, collection: string, id: string, fromDemo: boolean): string {
  const spec = COLLECTIONS.find((c) => c.name === collection);
  let folder: string = spec?.folder ?? collection;
  let ext: string = spec?.kinds[0] ?? 'md';
  if (!spec) {
    // a collection not in the table yet: learn its folder and kind from an existing file
    const sample = index.records(collection)[0];
    const m = sample ? /^content\/(?:demo\/)?([^/]+)\/.*\.([a-z]+)$/.exec(sample.file) : null;
    if (m) {
      folder = m[1] ?? folder;
      ext = m[2] ?? ext;
    }
  }
  const real = `content/${folder}/${id}.${ext}`;
  return fromDemo && (spec?.demo ?? true) ? `content/demo/${folder}/${id}.${ext} or ${real}` : real;
}

interface Ref {
  collection: string;
  id: string;
  fromDemo: boolean;
  /** Ids to offer instead (default: every usable id of the collection). */
  known?: string[];
  /** How to name the known ids, e.g. "Sessions of cohort 2020-2021". */
  knownLabel?: string;
}

/** "no file content/modules/x.md. Known modules: a, b; did you mean a?" */
function whyMissing(index: Index, ref: Ref, found: { demoOnly?: ContentRecord }): string {
  const [, many] = NAMES[ref.collection] ?? [ref.collection, ref.collection];
  const known = ref.known ?? index.ids(ref.collection, ref.fromDemo);
  const close = suggest(ref.id, known);
  const label = ref.knownLabel ?? `Known ${many}`;
  const tail = `${label}: ${listIds(known)}${close ? `; did you mean ${close}?` : ''}`;
  if (found.demoOnly) {
    return `it exists only in the demo content (${found.demoOnly.file}), which a real deployment leaves out (demo: false in content/settings.yaml), so real content cannot refer to it. ${tail}`;
  }
  return `no file ${expectedFile(index, ref.collection, ref.id, ref.fromDemo)}. ${tail}`;
}

export function checkReferences(records: readonly ContentRecord[]): Problem[] {
  const index = new RecordIndex(records);
  const problems: Problem[] = [];
  const at = (record: ContentRecord, path: readonly PathSegment[], rule: string, message: string, severity: 'error' | 'warning' = 'error') => {
    const pos = path.length ? record.locate(path) : { line: 1, column: 1 };
    problems.push(problem(record.file, pos.line, pos.column, rule, message, severity));
  };

  /** Check one reference; returns the record it points to when it exists. */
  const ref = (record: ContentRecord, path: readonly PathSegment[], r: Ref, subject?: string, fix?: string): ContentRecord | undefined => {
    const found = find(index, r.collection, r.id, r.fromDemo);
    if (found.record) return found.record;
    const [one] = NAMES[r.collection] ?? [r.collection];
    const why = whyMissing(index, r, found);
    const message = `${subject ?? `${one} "${r.id}" does not exist`}: ${why}${fix ? `${why.endsWith('?') ? ' ' : '. '}${fix}` : ''}`;
    at(record, path, 'reference', message);
    return undefined;
  };

  const hasFramework = index.records(FRAMEWORK_COLLECTION).length > 0;

  for (const record of records) {
    const { data, demo } = record;
    switch (record.collection) {
      case 'sessions': {
        const cohort = record.id.split('/')[0] ?? '';
        ref(
          record,
          [],
          { collection: 'cohorts', id: cohort, fromDemo: demo },
          `the folder ${record.file.slice(0, record.file.lastIndexOf('/'))}/ is named after cohort "${cohort}", which does not exist`,
          `Move this session into the folder of its cohort, content/sessions/<cohort>/, or add the cohort file`,
        );
        const module = str(data, 'module');
        if (module) ref(record, ['module'], { collection: 'modules', id: module, fromDemo: demo });
        for (const { index: i, value } of strs(data, 'speakers')) {
          ref(record, ['speakers', i], { collection: 'faculty', id: value, fromDemo: demo }, `speakers: faculty member "${value}" does not exist`);
        }
        for (const { index: i, value } of strs(data, 'resources')) {
          ref(record, ['resources', i], { collection: 'resources', id: value, fromDemo: demo }, `resources: the pre-work resource "${value}" does not exist`);
        }
        break;
      }
      case 'participants': {
        const cohort = str(data, 'cohort');
        if (cohort) ref(record, ['cohort'], { collection: 'cohorts', id: cohort, fromDemo: demo });
        const site = str(data, 'site');
        if (site) ref(record, ['site'], { collection: 'sites', id: site, fromDemo: demo });
        for (const { index: i, value } of strs(data, 'buddies')) {
          if (value === record.id) {
            at(record, ['buddies', i], 'reference', `buddies lists ${value}, the participant this file describes; a buddy is another participant, so remove ${value} from the list`);
            continue;
          }
          const buddy = ref(record, ['buddies', i], { collection: 'participants', id: value, fromDemo: demo }, `buddies: participant "${value}" does not exist`);
          if (buddy?.valid && !anyStrings(buddy.data, 'buddies').includes(record.id)) {
            at(
              record,
              ['buddies', i],
              'buddy-not-mutual',
              `${value} is listed as a buddy here, but ${buddy.file} does not list ${record.id} back; add ${record.id} to buddies in ${buddy.file} (for example buddies: [${record.id}]), or remove ${value} here`,
              'warning',
            );
          }
        }
        break;
      }
      case 'portfolios': {
        const owner = record.id.split('/')[0] ?? '';
        const folder = record.file.slice(0, record.file.lastIndexOf('/'));
        const participant = ref(
          record,
          [],
          { collection: 'participants', id: owner, fromDemo: demo },
          `this entry is in the folder ${folder}/, but there is no participant "${owner}"`,
          `Each portfolio folder is named after its participant's file: rename the folder to the participant's id, or add the participant file`,
        );
        const participantCohort = participant ? str(participant.data, 'cohort') : undefined;
        const type = typeof data['type'] === 'string' ? data['type'] : undefined;

        const module = str(data, 'module');
        if (module) ref(record, ['module'], { collection: 'modules', id: module, fromDemo: demo });

        const sessionId = str(data, 'session', SESSION_ID);
        if (sessionId) {
          const wantedKind = type ? SESSION_KIND_FOR_TYPE[type] : undefined;
          const fitting = (r: ContentRecord) =>
            (!participantCohort || r.id.startsWith(`${participantCohort}/`)) && (!wantedKind || r.data['kind'] === wantedKind);
          const known = index.ids('sessions', demo, fitting);
          const describe = `${wantedKind ? `${wantedKind[0]?.toUpperCase()}${wantedKind.slice(1)}s` : 'Sessions'}${participantCohort ? ` of cohort ${participantCohort}` : ''}`;
          const session = ref(record, ['session'], { collection: 'sessions', id: sessionId, fromDemo: demo, known, knownLabel: describe });
          if (session && participant) {
            const sessionCohort = sessionId.split('/')[0];
            if (participantCohort && sessionCohort !== participantCohort) {
              at(
                record,
                ['session'],
                'reference',
                `session "${sessionId}" (${session.file}) belongs to cohort ${sessionCohort}, but ${participant.file} puts ${owner} in cohort ${participantCohort}; choose a session of ${participantCohort}. ${describe}: ${listIds(known)}`,
              );
            } else if (wantedKind && typeof session.data['kind'] === 'string' && session.data['kind'] !== wantedKind) {
              at(
                record,
                ['session'],
                'reference',
                `session "${sessionId}" is a ${session.data['kind']} (kind: ${session.data['kind']} in ${session.file}), but a ${type} entry must name a ${wantedKind}${
                  type === 'workshop-reflection' ? '; for a call, write type: call-prework or reflection instead' : type === 'call-prework' ? '; for a workshop, write type: workshop-reflection instead' : ''
                }. ${describe}: ${listIds(known)}`,
              );
            }
          }
        }

        const ownBuddies = participant ? anyStrings(participant.data, 'buddies') : undefined;
        for (const { index: i, value } of strs(data, 'buddies')) {
          if (value === owner) {
            at(record, ['buddies', i], 'reference', `buddies lists ${value}, the owner of this portfolio; name the participants you checked in with`);
            continue;
          }
          const buddy = ref(record, ['buddies', i], { collection: 'participants', id: value, fromDemo: demo }, `buddies: participant "${value}" does not exist`);
          if (buddy && participant && ownBuddies && !ownBuddies.includes(value)) {
            at(
              record,
              ['buddies', i],
              'buddy-not-listed',
              `${value} is not among ${owner}'s buddies in ${participant.file} (buddies: [${ownBuddies.join(', ')}]); if ${value} is a buddy, add ${value} to buddies in ${participant.file}`,
              'warning',
            );
          }
        }

        if (hasFramework) {
          const criteria = new Set(index.records(FRAMEWORK_COLLECTION).map((r) => r.id));
          for (const { index: i, value } of strs(data, 'criteria')) {
            if (!criteria.has(value)) {
              ref(record, ['criteria', i], { collection: FRAMEWORK_COLLECTION, id: value, fromDemo: demo }, `criteria: criterion "${value}" does not exist`);
            }
          }
        }

        if (data['visibility'] === 'public' && participant && participant.data['publicProfile'] !== true) {
          at(
            record,
            ['visibility'],
            'public-without-consent',
            `visibility is public, but ${owner} has not agreed to a public profile: ${participant.file} does not say publicProfile: true, so this entry would never be published. Either set publicProfile: true in ${participant.file} (only if ${owner} agreed to be public), or change this line to visibility: cohort (your cohort and faculty) or visibility: faculty (faculty only)`,
          );
        }
        break;
      }
      default:
        break;
    }
  }

  // git handles decide who may change which folder: one person, one handle
  const handles = new Map<string, ContentRecord[]>();
  for (const record of records) {
    if (record.collection !== 'participants' && record.collection !== 'faculty') continue;
    const handle = record.data['gitHandle'];
    if (typeof handle !== 'string' || handle === '') continue;
    const key = handle.toLowerCase();
    handles.set(key, [...(handles.get(key) ?? []), record]);
  }
  for (const group of handles.values()) {
    if (group.length < 2) continue;
    for (const record of group) {
      const mine = String(record.data['gitHandle']);
      const others = group
        .filter((r) => r !== record)
        .map((r) => {
          const theirs = String(r.data['gitHandle']);
          return theirs === mine ? r.file : `${r.file} (written "${theirs}"; handles do not distinguish capital letters)`;
        });
      at(
        record,
        ['gitHandle'],
        'duplicate-git-handle',
        `gitHandle "${mine}" is also used in ${others.join(' and ')}; each person signs in with their own account, so a handle may appear only once. Correct the handle in whichever file is wrong`,
      );
    }
  }
  return problems;
}
