/**
 * What the coordinator's pages need from the faculty build: the to-do list as of the build date,
 * the records the forms check their files against, and the current text of the files the forms
 * edit. Loaded once per build. Faculty build only: the routes using it exist nowhere else.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../lib/content-model.ts';
import { buildDateFromEnv } from '../lib/build-date.ts';
import { contextRecord, type ContextRecord } from '../lib/coordinator/check.ts';
import { computeTodo, todoInputFromContent, type TodoContentItem, type TodoItem } from '../lib/coordinator/todo.ts';
import { asOf } from './assessment.ts';
import { getCredentialRecords } from './credentials.ts';
import { getCohorts, getModules, getSessions, isDemo } from './program.ts';
import { formatWhen } from '../lib/time.ts';
import type { ApprovalFormProps } from '../islands/coordinator/ApprovalForm.tsx';
import type { AttendanceFormProps } from '../islands/coordinator/AttendanceForm.tsx';
import type { CycleFormProps } from '../islands/coordinator/CycleForm.tsx';
import type { EnrolFormProps } from '../islands/coordinator/EnrolForm.tsx';
import type { DecisionChoice, ReleaseFormProps } from '../islands/coordinator/ReleaseForm.tsx';
import type { RevokeFormProps } from '../islands/coordinator/RevokeForm.tsx';
import type { SessionFormProps } from '../islands/coordinator/SessionForm.tsx';
import { APPROVAL_STEP_LABELS, approvalPath } from '../schemas/approval.ts';
import { OUTCOME_LABELS } from '../schemas/decision.ts';
import { PARTICIPANT_ROLES, PARTICIPANT_ROLE_LABELS } from '../schemas/participant.ts';

/** The build's program day, YYYY-MM-DD: what the forms offer as "today". */
export const today = buildDateFromEnv(process.env);

const COLLECTIONS = ['cohorts', 'modules', 'sessions', 'faculty', 'sites', 'participants', 'portfolios', 'framework', 'attendance', 'approvals', 'assessments', 'decisions', 'resources'] as const;
type Loaded = (typeof COLLECTIONS)[number];

export interface RecordFile<C extends Loaded = Loaded> {
  collection: C;
  id: string;
  /** Project-relative path, e.g. content/demo/participants/teo-pastizal.yaml. */
  file: string;
  demo: boolean;
  entry: CollectionEntry<C>;
}

let loaded: Promise<RecordFile[]> | undefined;
function records(): Promise<RecordFile[]> {
  loaded ??= (async () => {
    const out: RecordFile[] = [];
    for (const collection of COLLECTIONS) {
      for (const entry of await getCollection(collection)) {
        out.push({ collection, id: entry.id, file: entry.filePath ?? '', demo: isDemo(entry), entry } as RecordFile);
      }
    }
    return out;
  })();
  return loaded;
}

/** The records of one collection, by id. */
export async function recordsOf<C extends Loaded>(collection: C): Promise<RecordFile<C>[]> {
  return (await records()).filter((r): r is RecordFile<C> => r.collection === collection).sort((a, b) => a.id.localeCompare(b.id));
}

/** The text of a content file as it is now, for a form that changes it. */
export function fileText(file: string): string {
  return readFileSync(join(process.cwd(), file), 'utf8');
}

/** Participants whose credential has a recipient record (recipients are read by the credentials loader only). */
async function recipientsRecorded(): Promise<{ participant: string; demo: boolean }[]> {
  return (await getCredentialRecords()).flatMap((r) => (r.faculty?.recipientRecorded ? [{ participant: r.faculty.participant, demo: r.demo }] : []));
}

let context: Promise<ContextRecord[]> | undefined;
/**
 * The records a form checks its file against. Portfolio entries are only the application-project
 * ones (the approval form's proposals), to keep every form's page small.
 */
export function getFormContext(): Promise<ContextRecord[]> {
  context ??= (async () => {
    const out: ContextRecord[] = [];
    for (const r of await records()) {
      const data = r.entry.data as unknown as Record<string, unknown>;
      if (r.collection === 'portfolios' && data['type'] !== 'application-project') continue;
      const slim = contextRecord(r.collection as CollectionName, r.id, r.file, r.demo, data);
      if (slim) out.push(slim);
    }
    for (const { participant, demo } of await recipientsRecorded()) {
      const slim = contextRecord('recipients', participant, `${demo ? 'content/demo' : 'content'}/recipients/${participant}.yaml`, demo, {});
      if (slim) out.push(slim);
    }
    return out;
  })();
  return context;
}

/** Does this participant's credential have a recipient record? */
export async function hasRecipient(participant: string): Promise<boolean> {
  return (await recipientsRecorded()).some((r) => r.participant === participant);
}

let todo: Promise<TodoItem[]> | undefined;
/** What is overdue on the build date, each item with the form that resolves it. */
export function getTodo(): Promise<TodoItem[]> {
  todo ??= (async () => {
    const items: TodoContentItem[] = (await records()).map((r) => ({ collection: r.collection, id: r.id, data: r.entry.data as unknown as Record<string, unknown>, demo: r.demo }));
    return computeTodo(todoInputFromContent(items, { today, now: asOf() }));
  })();
  return todo;
}

/** Faculty by name, coordinators first; demo faculty are the only ones a demo record may name. */
export async function facultyChoices(): Promise<{ id: string; name: string; coordinator: boolean; assessor: boolean; demo: boolean }[]> {
  return (await recordsOf('faculty'))
    .map((f) => ({ id: f.id, name: f.entry.data.name, coordinator: f.entry.data.role === 'coordinator', assessor: f.entry.data.assessor, demo: f.demo }))
    .sort((a, b) => Number(b.coordinator) - Number(a.coordinator) || a.name.localeCompare(b.name));
}

export async function attendanceFormProps(): Promise<Omit<AttendanceFormProps, 'edit'>> {
  const now = asOf().getTime();
  const sessions = (await getSessions())
    .filter((s) => s.interval !== undefined)
    .map((s) => ({
      id: s.id,
      cohort: s.cohort,
      title: s.entry.data.title,
      demo: s.demo,
      date: s.entry.data.start.slice(0, 10),
      when: s.interval ? formatWhen(s.interval, s.entry.data.timeZone) : '',
      held: (s.interval?.end.getTime() ?? Infinity) <= now,
    }))
    // held sessions first, the latest on top; then those to come, the next on top
    .sort((a, b) => Number(b.held) - Number(a.held) || (a.held ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)) || a.id.localeCompare(b.id));
  const records: AttendanceFormProps['records'] = {};
  for (const r of await recordsOf('attendance')) {
    records[r.id] = { file: r.file, text: fileText(r.file), present: r.entry.data.present, absent: r.entry.data.absent, recordedBy: r.entry.data.recordedBy, recordedOn: r.entry.data.recordedOn };
  }
  return {
    sessions,
    participants: (await recordsOf('participants')).map((p) => ({ id: p.id, name: p.entry.data.name, cohort: p.entry.data.cohort, joined: p.entry.data.joined })).sort((a, b) => a.name.localeCompare(b.name)),
    records,
    faculty: await facultyChoices(),
    context: await getFormContext(),
    today,
  };
}

/** IANA zone names the forms offer (this machine's list; the schema checks the one chosen). */
export const zones: string[] = Intl.supportedValuesOf('timeZone');

export async function cycleFormProps(): Promise<Omit<CycleFormProps, 'edit'>> {
  return {
    cohorts: (await getCohorts()).map((c) => ({ id: c.id, title: c.entry.data.title, demo: c.demo, data: c.entry.data as unknown as Record<string, unknown> })),
    zones,
    context: await getFormContext(),
    today,
  };
}

export async function sessionFormProps(): Promise<Omit<SessionFormProps, 'edit'>> {
  const [cohorts, modules, faculty, resources, sessions] = await Promise.all([getCohorts(), getModules(), facultyChoices(), recordsOf('resources'), recordsOf('sessions')]);
  return {
    cohorts: cohorts.map((c) => ({ id: c.id, title: c.entry.data.title, demo: c.demo, calls: c.entry.data.calls })),
    modules: modules.map((m) => ({ id: m.id, number: m.entry.data.number, title: m.entry.data.title })),
    faculty: faculty.map((f) => ({ id: f.id, name: f.name })),
    resources: resources.map((r) => ({ id: r.id, title: r.entry.data.title })),
    sessions: sessions.map((s) => ({ id: s.id, cohort: s.id.split('/')[0] ?? '', title: s.entry.data.title, demo: s.demo, file: s.file, text: fileText(s.file), data: s.entry.data })),
    zones,
    context: await getFormContext(),
    today,
  };
}

export async function enrolFormProps(): Promise<Omit<EnrolFormProps, 'edit'>> {
  const [cohorts, sites, participants] = await Promise.all([getCohorts(), recordsOf('sites'), recordsOf('participants')]);
  return {
    cohorts: cohorts.map((c) => ({ id: c.id, title: c.entry.data.title, demo: c.demo })),
    sites: sites.map((s) => ({ id: s.id, name: s.entry.data.name })).sort((a, b) => a.name.localeCompare(b.name)),
    roles: PARTICIPANT_ROLES.map((id) => ({ id, label: PARTICIPANT_ROLE_LABELS[id] })),
    participants: participants.map((p) => ({ id: p.id, demo: p.demo, file: p.file, text: fileText(p.file), data: p.entry.data })).sort((a, b) => a.data.name.localeCompare(b.data.name)),
    context: await getFormContext(),
    today,
  };
}

async function decisionChoices(): Promise<DecisionChoice[]> {
  const [decisions, participants] = await Promise.all([recordsOf('decisions'), recordsOf('participants')]);
  const names = new Map(participants.map((p) => [p.id, p.entry.data.name]));
  const out: DecisionChoice[] = [];
  for (const d of decisions) {
    const participant = d.id.split('/')[0] ?? '';
    out.push({
      id: d.id,
      participant,
      name: names.get(participant) ?? participant,
      outcome: d.entry.data.outcome,
      outcomeLabel: OUTCOME_LABELS[d.entry.data.outcome],
      date: d.entry.data.date,
      released: d.entry.data.released,
      revoked: d.entry.data.revoked,
      certificateId: d.entry.data.certificateId,
      demo: d.demo,
      file: d.file,
      text: fileText(d.file),
      recipient: await hasRecipient(participant),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name));
}

export async function releaseFormProps(): Promise<Omit<ReleaseFormProps, 'edit'>> {
  return { decisions: (await decisionChoices()).filter((d) => d.released === undefined), context: await getFormContext(), today };
}

export async function revokeFormProps(): Promise<Omit<RevokeFormProps, 'edit'>> {
  return {
    decisions: (await decisionChoices()).filter((d) => d.outcome === 'certified' && d.released !== undefined && d.revoked === undefined),
    context: await getFormContext(),
    today,
  };
}

export async function approvalFormProps(): Promise<Omit<ApprovalFormProps, 'edit'>> {
  const [participants, entries, approvals, faculty] = await Promise.all([recordsOf('participants'), recordsOf('portfolios'), recordsOf('approvals'), facultyChoices()]);
  const steps = new Map<string, ApprovalFormProps['proposals'][number]['steps']>();
  for (const a of approvals) {
    const where = approvalPath(a.id);
    if (!where) continue;
    const recorded = steps.get(where.entry) ?? {};
    recorded[where.step] = { file: a.file, text: fileText(a.file), by: a.entry.data.by, date: a.entry.data.date, note: a.entry.data.note };
    steps.set(where.entry, recorded);
  }
  return {
    participants: participants.map((p) => ({ id: p.id, name: p.entry.data.name, demo: p.demo })).sort((a, b) => a.name.localeCompare(b.name)),
    proposals: entries
      .filter((e) => e.entry.data.type === 'application-project' && e.entry.data.stage === 'proposal')
      .map((e) => ({ id: e.id, participant: e.id.split('/')[0] ?? '', title: e.entry.data.title, date: e.entry.data.date, steps: steps.get(e.id) ?? {} }))
      .sort((a, b) => b.date.localeCompare(a.date)),
    stepLabels: APPROVAL_STEP_LABELS,
    assessors: faculty.filter((f) => f.assessor).map((f) => ({ id: f.id, name: f.name, demo: f.demo })),
    context: await getFormContext(),
    today,
  };
}
