/**
 * Evidence coverage: for each participant and each qualification criterion, whether the
 * portfolio, the attendance records and the proposal approvals meet the criterion's declarative
 * rule (src/schemas/framework.ts) as of a given moment, which evidence supports it, and what is
 * missing, in words.
 *
 * Pure: no Astro, no file system. The faculty pages, the CSV export and the tests call it with
 * plain data.
 *
 * Dates and months (decided here, once):
 * - Portfolio entries, approvals, cohort start/end and a participant's `joined` are calendar dates
 *   without a time. An entry belongs to the month of its own date: 2026-10-31 is October, whatever
 *   zone its author lives in.
 * - A session is an instant; its calendar date is its start's date in the session's own time zone
 *   (a call at 21:00 in New York on 31 October is on 31 October, although it is 1 November in
 *   UTC). That date is compared with `joined`: sessions before a participant joined are not
 *   required of them.
 * - `asOf` is an instant. The evaluation date ("today") is its calendar date in `timeZone`
 *   (default America/New_York, the zone the program's sessions are held in). Months are required
 *   up to and including the evaluation date's month; entries and approvals dated after it do not
 *   count yet (so an export "as of" a past date shows the state on that date).
 * - A session is required once it is over by `asOf` (its end, or its start when it has no end);
 *   sessions whose start is tba, or that are still to come, are not required.
 * - Entries dated outside the cohort's year count for nothing, except an application-project
 *   proposal written before the year: the program reviews proposals before the year starts.
 *
 * The application project (`project` rule) needs both approval steps of its proposal: reviewed
 * before the year, and finalised after the first workshop (src/schemas/approval.ts). What is
 * missing names the step; `project` in the result says which steps are recorded, when and by whom.
 *
 * Statuses:
 * - `complete`: the rule holds as of the evaluation date. For rules that run all year (monthly,
 *   attendance) that means "up to date", not "finished".
 * - `none`: something is due and there is no supporting evidence at all.
 * - `in-progress`: everything else: some evidence but not enough, or nothing due yet
 *   (`progress.need` is 0, e.g. before the first workshop).
 *
 * Cost: one pass over the entries, the sessions, the attendance records and the approvals builds
 * the indexes; each participant-criterion cell then reads only the indexes (its own entries of
 * the rule's types, the months of the year, the cohort's sessions of one kind), never all entries.
 */
import { DateTime } from 'luxon';
import { APPROVAL_STEP_LABELS, APPROVAL_STEPS, approvalPath, type Approval, type ApprovalStep } from '../schemas/approval.ts';
import type { Attendance } from '../schemas/attendance.ts';
import type { Cohort } from '../schemas/cohort.ts';
import { ruleBasis, type Criterion, type EvidenceRule, type SourceKind } from '../schemas/framework.ts';
import type { Participant } from '../schemas/participant.ts';
import type { EntryType, PortfolioEntry, ProjectStage } from '../schemas/portfolio-entry.ts';
import type { Session, SessionKind } from '../schemas/session.ts';
import { sessionInterval } from './time.ts';
import { PROGRAM_TIME_ZONE } from './build-date.ts';

/** Zone in which `asOf` is read as a calendar date, unless the input names another. */
export { PROGRAM_TIME_ZONE };

export type CoverageStatus = 'none' | 'in-progress' | 'complete';

export interface CoverageCriterion {
  /** Criterion id: its file name in content/framework/. */
  id: string;
  evidence: EvidenceRule;
}

export interface CoverageCohort {
  id: string;
  /** YYYY-MM-DD, or 'tba'. */
  start: string;
  /** YYYY-MM-DD, or 'tba'. */
  end: string;
}

export interface CoverageSession {
  /** `<cohort>/<session>`, as in content/sessions/. */
  id: string;
  cohort: string;
  kind: SessionKind;
  title: string;
  module?: string | undefined;
  /** Start instant; undefined while the start is tba. */
  start: Date | undefined;
  /** End instant, when known; a session is required once it is over. */
  end?: Date | undefined;
  /** The session's IANA zone, for its calendar date. */
  timeZone: string;
}

export interface CoverageAttendance {
  /** `<cohort>/<session>`. */
  session: string;
  present: readonly string[];
  absent?: readonly { participant: string; reason: string }[] | undefined;
}

/** One approval step of an application project (content/approvals/<participant>/<entry>/<step>.yaml). */
export interface CoverageApproval {
  /** The proposal entry, `<participant>/<entry>`. */
  entry: string;
  /** review: the proposal reviewed before the year; final: the project finalised after the first workshop. */
  step: ApprovalStep;
  /** Ids of the assessing faculty who took the step. */
  by: readonly string[];
  /** YYYY-MM-DD. */
  date: string;
}

/** A recorded approval step, as coverage reports it. */
export interface ApprovalStepRecord {
  /** YYYY-MM-DD. */
  date: string;
  by: readonly string[];
}

/** The application project behind a `project` rule: the proposal counted and its two approval steps. */
export interface ProjectApproval {
  /** The proposal entry (`participant/entry`) the steps belong to; undefined when there is no proposal. */
  proposal: string | undefined;
  /** Steps recorded by the evaluation date; a step left out is not recorded (yet). */
  review?: ApprovalStepRecord | undefined;
  final?: ApprovalStepRecord | undefined;
  /** The steps still missing, in order. */
  missing: ApprovalStep[];
}

export interface CoverageParticipant {
  id: string;
  cohort: string;
  /** YYYY-MM-DD, when later than the cohort start. */
  joined?: string | undefined;
}

export interface CoverageEntry {
  /** `<participant>/<entry>`, as in content/portfolios/. */
  id: string;
  participant: string;
  type: EntryType;
  /** YYYY-MM-DD. */
  date: string;
  /** Application-project entries only. */
  stage?: ProjectStage | undefined;
  /** Criterion ids the entry lists. */
  criteria: readonly string[];
}

export interface CoverageInput {
  /** In the order they should be shown. */
  criteria: readonly CoverageCriterion[];
  cohorts: readonly CoverageCohort[];
  sessions: readonly CoverageSession[];
  attendance: readonly CoverageAttendance[];
  approvals: readonly CoverageApproval[];
  participants: readonly CoverageParticipant[];
  entries: readonly CoverageEntry[];
  asOf: Date;
  /** Zone in which `asOf` is read as a calendar date; default America/New_York. */
  timeZone?: string | undefined;
}

export interface CriterionCoverage {
  criterion: string;
  status: CoverageStatus;
  /** Ids of the entries (`participant/entry`) and sessions (`cohort/session`) that support it. */
  supporting: { entries: string[]; sessions: string[] };
  /** What is lacking, in words; '' when complete. */
  missing: string;
  /** What there is, in words, e.g. "2 of 3 workshops attended". */
  summary: string;
  /** Steps met and steps due so far (have ≤ need); need is 0 when nothing is due yet. */
  progress: { have: number; need: number };
  /** For a criterion whose rule includes the application project: its proposal and approval steps. */
  project?: ProjectApproval | undefined;
  /**
   * What the criterion's rule rests on: `brochure` (every part stated by the program), `faculty`
   * (some part set by the faculty), or `proposal` (some part only proposed, not yet confirmed by the
   * faculty, so the requirement may still change).
   */
  basis?: SourceKind | undefined;
}

export type IgnoreReason = 'before-cohort' | 'after-cohort' | 'after-as-of';

export interface IgnoredEntry {
  entry: string;
  date: string;
  reason: IgnoreReason;
  /** e.g. "dated 2026-05-02, before the cohort started on 2026-06-14". */
  message: string;
}

export interface ParticipantCoverage {
  participant: string;
  cohort: string;
  /** Keyed by criterion id, in the order of `input.criteria`. */
  criteria: Map<string, CriterionCoverage>;
  /** Entries that count for nothing, and why. */
  ignored: IgnoredEntry[];
}

export interface CoverageResult {
  /** The evaluation date, YYYY-MM-DD in `timeZone`. */
  asOf: string;
  timeZone: string;
  /** Criterion ids, in order. */
  criteria: string[];
  /** Keyed by participant id, in the order of `input.participants`. */
  participants: Map<string, ParticipantCoverage>;
}

// ---------------------------------------------------------------------------------------------
// dates and words

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!date.isValid) throw new Error(`"${timeZone}" is not an IANA time zone name; write one like America/New_York`);
  return date.toISODate() ?? '';
}

/** "2026-10" for "2026-10-31". */
export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

/** "October 2026" for "2026-10". */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`;
}

/** Every month from the month of `from` to the month of `to`, inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = monthOf(to);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    out.push(key);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return out;
}

const NOUNS: Record<EntryType, [one: string, many: string]> = {
  reflection: ['reflection', 'reflections'],
  'workshop-reflection': ['workshop reflection', 'workshop reflections'],
  'call-prework': ['call pre-work entry', 'call pre-work entries'],
  'application-project': ['application project entry', 'application project entries'],
  coaching: ['coaching entry', 'coaching entries'],
  'buddy-checkin': ['buddy check-in', 'buddy check-ins'],
  'practice-log': ['practice log', 'practice logs'],
};

const STAGE_NOUNS: Record<ProjectStage, [one: string, many: string]> = {
  proposal: ['application project proposal', 'application project proposals'],
  update: ['application project update', 'application project updates'],
  'final-report': ['application project final report', 'application project final reports'],
};

const KIND_NOUNS: Record<SessionKind, [one: string, many: string]> = {
  workshop: ['workshop', 'workshops'],
  call: ['call', 'calls'],
};

/** "coaching entry", "reflections or workshop reflections": how messages and pages name the entries a rule counts. */
export function nounFor(types: readonly EntryType[], stage: ProjectStage | undefined, plural: boolean): string {
  const index = plural ? 1 : 0;
  if (stage !== undefined) return STAGE_NOUNS[stage][index];
  return types.map((t) => NOUNS[t][index]).join(' or ');
}

function count(n: number, noun: [one: string, many: string]): string {
  return `${n} ${n === 1 ? noun[0] : noun[1]}`;
}

// ---------------------------------------------------------------------------------------------
// indexes

interface HeldSession {
  session: CoverageSession;
  /** Calendar date of the start in the session's zone. */
  date: string;
}

interface AttendanceIndex {
  present: Set<string>;
  absent: Map<string, string>;
}

/** A participant's counted entries, indexed by the keys rules ask for. */
interface ParticipantEntries {
  /** key: type, `application-project/<stage>`, or either followed by `#<criterion>` (tagged). */
  byKey: Map<string, CoverageEntry[]>;
  /** key as above → month → number of entries. */
  monthCounts: Map<string, Map<string, number>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function entryKeys(entry: CoverageEntry): string[] {
  const base = [entry.type as string];
  if (entry.type === 'application-project' && entry.stage !== undefined) base.push(`application-project/${entry.stage}`);
  const keys = [...base];
  for (const criterion of new Set(entry.criteria)) for (const b of base) keys.push(`${b}#${criterion}`);
  return keys;
}

function ruleKey(type: EntryType, stage: ProjectStage | undefined, tagged: string | undefined): string {
  const base = stage !== undefined && type === 'application-project' ? `application-project/${stage}` : type;
  return tagged === undefined ? base : `${base}#${tagged}`;
}

const byDateThenId = (a: CoverageEntry, b: CoverageEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// rules

interface Outcome {
  status: CoverageStatus;
  entries: string[];
  sessions: string[];
  missing: string;
  summary: string;
  have: number;
  need: number;
  project?: ProjectApproval | undefined;
}

interface CellContext {
  criterion: string;
  participant: CoverageParticipant;
  entries: ParticipantEntries;
  /** Months the participant's year requires so far, YYYY-MM. */
  months: string[];
  heldSessions: (kind: SessionKind) => HeldSession[];
  attendance: Map<string, AttendanceIndex>;
  /** Approval steps by proposal entry, only those dated by the evaluation date. */
  approvalSteps: Map<string, CoverageApproval[]>;
  asOfDate: string;
}

function statusOf(have: number, need: number, evidence: number): CoverageStatus {
  if (need > 0 && have >= need) return 'complete';
  if (need > 0 && evidence === 0) return 'none';
  return 'in-progress';
}

function uniq(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

function entriesOf(ctx: CellContext, types: readonly EntryType[], stage: ProjectStage | undefined, tagged: boolean): CoverageEntry[] {
  const lists = types.map((t) => ctx.entries.byKey.get(ruleKey(t, stage, tagged ? ctx.criterion : undefined)) ?? []);
  if (lists.length === 1) return lists[0] ?? [];
  return lists.flat().sort(byDateThenId);
}

function evaluate(rule: EvidenceRule, ctx: CellContext): Outcome {
  switch (rule.rule) {
    case 'entries': {
      const found = entriesOf(ctx, rule.type, rule.stage, rule.tagged);
      const need = rule.min;
      const have = Math.min(found.length, need);
      const many = nounFor(rule.type, rule.stage, true);
      const one = nounFor(rule.type, rule.stage, false);
      const tagNote = rule.tagged ? ` listing ${ctx.criterion}` : '';
      const summary = `${found.length} ${found.length === 1 ? one : many}${tagNote} (${need} needed)`;
      let missing = '';
      if (found.length === 0) missing = `no ${one}${tagNote} yet; ${need} needed`;
      else if (found.length < need) missing = `${found.length} of ${need} ${many}${tagNote}; ${need - found.length} more needed`;
      return { status: statusOf(have, need, found.length), entries: found.map((e) => e.id), sessions: [], missing, summary, have, need };
    }
    case 'monthly': {
      const keys = rule.type.map((t) => ruleKey(t, undefined, undefined));
      const countIn = (month: string) => keys.reduce((sum, k) => sum + (ctx.entries.monthCounts.get(k)?.get(month) ?? 0), 0);
      const short = ctx.months.filter((m) => countIn(m) < rule.min);
      const need = ctx.months.length;
      const have = need - short.length;
      const required = new Set(ctx.months);
      const found = entriesOf(ctx, rule.type, undefined, false).filter((e) => required.has(monthOf(e.date)));
      const one = nounFor(rule.type, undefined, false);
      const many = nounFor(rule.type, undefined, true);
      const per = rule.min === 1 ? `a ${one}` : `${rule.min} ${many}`;
      const summary = need === 0 ? 'nothing due yet: no month of the year has begun' : `${have} of ${need} ${need === 1 ? 'month' : 'months'} with ${per}`;
      const months = short.map(monthLabel).join(', ');
      const missing = short.length === 0 ? '' : rule.min === 1 ? `no ${one} in ${months}` : `fewer than ${rule.min} ${many} in ${months}`;
      return { status: statusOf(have, need, found.length), entries: found.map((e) => e.id), sessions: [], missing, summary, have, need };
    }
    case 'attendance': {
      const noun = KIND_NOUNS[rule.kind];
      const joined = ctx.participant.joined;
      const held = ctx.heldSessions(rule.kind);
      const required = joined === undefined ? held : held.filter((h) => h.date >= joined);
      const attendedAny = held.filter((h) => ctx.attendance.get(h.session.id)?.present.has(ctx.participant.id));
      const gaps: string[] = [];
      let have = 0;
      for (const { session } of required) {
        const record = ctx.attendance.get(session.id);
        if (record?.present.has(ctx.participant.id)) {
          have++;
          continue;
        }
        const reason = record?.absent.get(ctx.participant.id);
        const note = reason !== undefined ? `absent: ${reason}` : record ? 'not recorded as present' : 'attendance not recorded yet';
        gaps.push(`${session.title} (${note})`);
      }
      const need = required.length;
      const since = joined !== undefined && required.length < held.length ? ' since joining' : '';
      const summary = need === 0 ? `nothing due yet: no ${noun[0]} held${since}` : `${have} of ${count(need, noun)} attended${since}`;
      const missing = gaps.length === 0 ? '' : `${summary}; missing: ${gaps.join('; ')}`;
      return {
        status: statusOf(have, need, attendedAny.length),
        entries: [],
        sessions: attendedAny.map((h) => h.session.id),
        missing,
        summary,
        have,
        need,
      };
    }
    case 'project': {
      const all = ctx.entries.byKey.get('application-project') ?? [];
      const proposals = ctx.entries.byKey.get('application-project/proposal') ?? [];
      // the proposal whose approval went furthest (the later one on a tie: a revised proposal)
      let best: { proposal: CoverageEntry; steps: Map<ApprovalStep, CoverageApproval> } | undefined;
      for (const proposal of proposals) {
        const steps = new Map<ApprovalStep, CoverageApproval>();
        for (const a of ctx.approvalSteps.get(proposal.id) ?? []) {
          const known = steps.get(a.step);
          if (!known || a.date > known.date) steps.set(a.step, a);
        }
        if (!best || steps.size >= best.steps.size) best = { proposal, steps };
      }
      const record = (step: ApprovalStep): ApprovalStepRecord | undefined => {
        const a = best?.steps.get(step);
        return a ? { date: a.date, by: a.by } : undefined;
      };
      const project: ProjectApproval = { proposal: best?.proposal.id, review: record('review'), final: record('final'), missing: [] };
      const gaps: string[] = best ? [] : ['no application project proposal yet'];
      const parts: string[] = best ? ['proposal written'] : [...gaps];
      for (const step of APPROVAL_STEPS) {
        const done = project[step];
        if (done) {
          parts.push(`${APPROVAL_STEP_LABELS[step]}: ${done.date}`);
          continue;
        }
        project.missing.push(step);
        gaps.push(`${APPROVAL_STEP_LABELS[step]}: not recorded`);
        parts.push(`${APPROVAL_STEP_LABELS[step]}: not recorded`);
      }
      const need = APPROVAL_STEPS.length;
      const have = need - project.missing.length;
      const summary = parts.join('; ');
      const missing = project.missing.length === 0 ? '' : gaps.join('; ');
      return { status: statusOf(have, need, all.length), entries: all.map((e) => e.id), sessions: [], missing, summary, have, need, project };
    }
    case 'all': {
      const outcomes = rule.rules.map((r) => evaluate(r, ctx));
      const have = outcomes.reduce((s, o) => s + o.have, 0);
      const need = outcomes.reduce((s, o) => s + o.need, 0);
      const status: CoverageStatus = outcomes.every((o) => o.status === 'complete')
        ? 'complete'
        : outcomes.every((o) => o.status === 'none')
          ? 'none'
          : 'in-progress';
      return {
        status,
        entries: uniq(outcomes.flatMap((o) => o.entries)),
        sessions: uniq(outcomes.flatMap((o) => o.sessions)),
        missing: outcomes.map((o) => o.missing).filter((m) => m !== '').join('; '),
        summary: outcomes.map((o) => o.summary).join('; '),
        have,
        need,
        project: outcomes.find((o) => o.project)?.project,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Coverage of every criterion for every participant given, as of `input.asOf`. */
export function evaluateCoverage(input: CoverageInput): CoverageResult {
  const timeZone = input.timeZone ?? PROGRAM_TIME_ZONE;
  const asOfDate = localDate(input.asOf, timeZone);
  const asOfMs = input.asOf.getTime();

  const cohorts = new Map(input.cohorts.map((c) => [c.id, c]));

  // sessions over by asOf, per cohort and kind, in start order, with their own calendar date
  const held = new Map<string, HeldSession[]>();
  for (const session of input.sessions) {
    if (session.start === undefined) continue;
    const over = (session.end ?? session.start).getTime() <= asOfMs;
    if (!over) continue;
    push(held, `${session.cohort}\u0000${session.kind}`, { session, date: localDate(session.start, session.timeZone) });
  }
  for (const list of held.values()) list.sort((a, b) => (a.session.start?.getTime() ?? 0) - (b.session.start?.getTime() ?? 0) || (a.session.id < b.session.id ? -1 : 1));

  const attendance = new Map<string, AttendanceIndex>();
  for (const record of input.attendance) {
    const index = attendance.get(record.session) ?? { present: new Set<string>(), absent: new Map<string, string>() };
    for (const id of record.present) index.present.add(id);
    for (const a of record.absent ?? []) index.absent.set(a.participant, a.reason);
    attendance.set(record.session, index);
  }

  const bases = new Map(input.criteria.map((c) => [c.id, ruleBasis(c.evidence)]));

  const approvalSteps = new Map<string, CoverageApproval[]>();
  for (const approval of input.approvals) if (approval.date <= asOfDate) push(approvalSteps, approval.entry, approval);

  const entriesByParticipant = new Map<string, CoverageEntry[]>();
  for (const entry of input.entries) push(entriesByParticipant, entry.participant, entry);

  const participants = new Map<string, ParticipantCoverage>();
  for (const participant of input.participants) {
    const cohort = cohorts.get(participant.cohort);
    const cohortStart = cohort && cohort.start !== 'tba' ? cohort.start : undefined;
    const cohortEnd = cohort && cohort.end !== 'tba' ? cohort.end : undefined;

    const ignored: IgnoredEntry[] = [];
    const own: ParticipantEntries = { byKey: new Map(), monthCounts: new Map() };
    const mine = [...(entriesByParticipant.get(participant.id) ?? [])].sort(byDateThenId);
    for (const entry of mine) {
      // a proposal comes before the year: the program reviews proposals before the year starts
      const early = entry.type === 'application-project' && entry.stage === 'proposal';
      if (cohortStart !== undefined && entry.date < cohortStart && !early) {
        ignored.push({ entry: entry.id, date: entry.date, reason: 'before-cohort', message: `dated ${entry.date}, before the cohort started on ${cohortStart}` });
        continue;
      }
      if (cohortEnd !== undefined && entry.date > cohortEnd) {
        ignored.push({ entry: entry.id, date: entry.date, reason: 'after-cohort', message: `dated ${entry.date}, after the cohort ended on ${cohortEnd}` });
        continue;
      }
      if (entry.date > asOfDate) {
        ignored.push({ entry: entry.id, date: entry.date, reason: 'after-as-of', message: `dated ${entry.date}, after the evaluation date ${asOfDate}` });
        continue;
      }
      const month = monthOf(entry.date);
      for (const key of entryKeys(entry)) {
        push(own.byKey, key, entry);
        if (key.includes('#')) continue;
        const months = own.monthCounts.get(key) ?? new Map<string, number>();
        months.set(month, (months.get(month) ?? 0) + 1);
        own.monthCounts.set(key, months);
      }
    }

    // months of the participant's year so far: from the later of cohort start and joined,
    // to the earlier of cohort end and the evaluation date
    let months: string[] = [];
    if (cohortStart !== undefined) {
      const from = participant.joined !== undefined && participant.joined > cohortStart ? participant.joined : cohortStart;
      const to = cohortEnd !== undefined && cohortEnd < asOfDate ? cohortEnd : asOfDate;
      if (from <= to) months = monthsBetween(from, to);
    }

    const ctxBase = {
      participant,
      entries: own,
      months,
      heldSessions: (kind: SessionKind) => held.get(`${participant.cohort}\u0000${kind}`) ?? [],
      attendance,
      approvalSteps,
      asOfDate,
    };
    const criteria = new Map<string, CriterionCoverage>();
    for (const criterion of input.criteria) {
      const outcome = evaluate(criterion.evidence, { ...ctxBase, criterion: criterion.id });
      criteria.set(criterion.id, {
        criterion: criterion.id,
        status: outcome.status,
        supporting: { entries: outcome.entries, sessions: outcome.sessions },
        missing: outcome.missing,
        summary: outcome.summary,
        progress: { have: outcome.have, need: outcome.need },
        ...(outcome.project ? { project: outcome.project } : {}),
        basis: bases.get(criterion.id),
      });
    }
    participants.set(participant.id, { participant: participant.id, cohort: participant.cohort, criteria, ignored });
  }

  return { asOf: asOfDate, timeZone, criteria: input.criteria.map((c) => c.id), participants };
}

// ---------------------------------------------------------------------------------------------
// from content

/** A content file as the validator's records and Astro's collection entries both carry it. */
export interface ContentItem {
  collection: string;
  /** Id within the collection, e.g. `maria-lopez/project-proposal`. */
  id: string;
  /** Data that passed the collection's schema (defaults filled in). */
  data: Record<string, unknown>;
}

export interface FromContentOptions {
  /** Only this cohort's participants, sessions and entries; all cohorts when omitted. */
  cohort?: string | undefined;
  asOf: Date;
  timeZone?: string | undefined;
}

/**
 * The coverage input from schema-valid content items (collections framework, cohorts, sessions,
 * attendance, approvals, participants, portfolios; others are ignored). Criteria are ordered by
 * `order`, then id; participants by id.
 */
export function coverageInputFromContent(items: Iterable<ContentItem>, options: FromContentOptions): CoverageInput {
  const criteria: (CoverageCriterion & { order: number })[] = [];
  const cohorts: CoverageCohort[] = [];
  const sessions: CoverageSession[] = [];
  const attendance: CoverageAttendance[] = [];
  const approvals: CoverageApproval[] = [];
  const participants: CoverageParticipant[] = [];
  const portfolio: { id: string; data: PortfolioEntry }[] = [];
  const wanted = (cohort: string) => options.cohort === undefined || cohort === options.cohort;

  // the data passed the collection's schema, so it has that schema's output type
  for (const item of items) {
    switch (item.collection) {
      case 'framework': {
        const data = item.data as unknown as Criterion;
        criteria.push({ id: item.id, evidence: data.evidence, order: data.order });
        break;
      }
      case 'cohorts': {
        const data = item.data as unknown as Cohort;
        cohorts.push({ id: item.id, start: data.start, end: data.end });
        break;
      }
      case 'sessions': {
        const data = item.data as unknown as Session;
        const cohort = item.id.split('/')[0] ?? '';
        if (!wanted(cohort)) break;
        const interval = sessionInterval(data);
        sessions.push({
          id: item.id,
          cohort,
          kind: data.kind,
          title: data.title,
          module: data.module,
          start: interval?.start,
          end: interval?.end,
          timeZone: data.timeZone,
        });
        break;
      }
      case 'attendance': {
        if (!wanted(item.id.split('/')[0] ?? '')) break;
        const data = item.data as unknown as Attendance;
        attendance.push({ session: item.id, present: data.present, absent: data.absent });
        break;
      }
      case 'approvals': {
        const data = item.data as unknown as Approval;
        const where = approvalPath(item.id);
        if (where) approvals.push({ entry: where.entry, step: where.step, by: data.by, date: data.date });
        break;
      }
      case 'participants': {
        const data = item.data as unknown as Participant;
        if (wanted(data.cohort)) participants.push({ id: item.id, cohort: data.cohort, joined: data.joined });
        break;
      }
      case 'portfolios':
        portfolio.push({ id: item.id, data: item.data as unknown as PortfolioEntry });
        break;
      default:
        break;
    }
  }

  const members = new Set(participants.map((p) => p.id));
  const entries: CoverageEntry[] = [];
  for (const { id, data } of portfolio) {
    const participant = id.split('/')[0] ?? '';
    if (!members.has(participant)) continue;
    entries.push({
      id,
      participant,
      type: data.type,
      date: data.date,
      stage: data.type === 'application-project' ? data.stage : undefined,
      criteria: data.criteria,
    });
  }

  criteria.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  participants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    criteria: criteria.map(({ id, evidence }) => ({ id, evidence })),
    cohorts,
    sessions,
    attendance,
    approvals,
    participants,
    entries,
    asOf: options.asOf,
    timeZone: options.timeZone,
  };
}
