/**
 * The coordinator's to-do list: what the records say is overdue on a given day, each item naming
 * the form that resolves it. Computed at build time from content and the build date, so the list
 * empties as the files the forms produce are merged and the site is rebuilt.
 *
 * Pure: no Astro, no file system. The faculty site's to-do page and the tests call it with plain
 * data (see `todoInputFromContent`).
 *
 * When each kind of item is due (decided here, once; the coordinator's guide says the same):
 * - attendance: a dated session is over (its end has passed) and the cohort had participants
 *   then (those who had joined by the session's date), but no attendance file records it, or the
 *   file leaves some of them out;
 * - to be announced: a session whose start is still `tba`, from NOTICE_DAYS before its module
 *   begins (the start of the cohort's workshop for that module) or, when that workshop has no date
 *   either, from NOTICE_DAYS before the cycle begins; not once the cycle has ended;
 * - participants: enrolled without buddies or without a git handle (while the cycle runs);
 *   (a cycle runs until its end date or, while that is tba, for a year from its start);
 * - approvals: a participant's application project needs two steps: reviewed before the year
 *   (due from NOTICE_DAYS before the cycle begins, or before the participant joined, if later) and
 *   finalised after the first workshop (due once the cohort's earliest workshop is over and the
 *   participant has joined); a participant with no proposal at all is listed too;
 * - assessments: a participant in graduation (from GRADUATION_NOTICE_DAYS before the cohort's
 *   graduation workshop, or as soon as any faculty member has assessed them) who is not certified
 *   and has fewer than the two assessments a decision's panel needs;
 * - decisions: a further-work decision with no `released` date (the participant has not been told);
 * - credentials: a certified decision with no `released` date (its credential is issued on release).
 */
import { PROGRAM_TIME_ZONE } from '../build-date.ts';
import { localDate } from '../coverage.ts';
import { formatDate, sessionInterval } from '../time.ts';
import { nextYearDate } from './cycle.ts';
import { APPROVAL_STEP_LABELS, approvalPath, type ApprovalStep } from '../../schemas/approval.ts';

/** Days before a module (or the cycle) that its sessions must be announced, and its proposals reviewed. */
export const NOTICE_DAYS = 30;
/** Days before the graduation workshop from which every participant needs their assessments. */
export const GRADUATION_NOTICE_DAYS = 60;
/** Assessments a decision needs: its panel is at least two assessing faculty who each assessed. */
export const ASSESSMENTS_NEEDED = 2;

export const TODO_KINDS = ['attendance', 'tba', 'participant', 'approval', 'assessment', 'release', 'credential'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_KIND_TITLES: Record<TodoKind, { title: string; help: string }> = {
  attendance: { title: 'Attendance to record', help: 'Sessions that are over, with no attendance recorded for some or all of the cohort.' },
  tba: { title: 'Sessions to announce', help: `Sessions still “to be announced” within ${NOTICE_DAYS} days of their module, or of the start of the cycle.` },
  participant: { title: 'Enrolments to complete', help: 'Participants without buddies, or without the git handle they need to send entries.' },
  approval: { title: 'Application projects to approve', help: 'Projects not yet reviewed before the year, or not yet finalised after the first workshop.' },
  assessment: { title: 'Assessments missing at graduation', help: `Participants in graduation who are not certified and have fewer than ${ASSESSMENTS_NEEDED} assessments.` },
  release: { title: 'Decisions to release', help: 'Further-work decisions the participant has not been told yet.' },
  credential: { title: 'Credentials to issue', help: 'Certified decisions not released yet: the credential is issued when the decision is released.' },
};

/** The forms of the faculty site that resolve items (routes under /coordinator/, or the assessment composer). */
export type TodoForm = 'attendance' | 'session' | 'enrol' | 'approval' | 'assess' | 'release' | 'compose';

export interface TodoAction {
  form: TodoForm;
  /** Query parameters that open the form on the right record. */
  params: Record<string, string>;
  /** The link's text. */
  label: string;
}

export interface TodoItem {
  kind: TodoKind;
  /** Stable: `<kind>:<record id>`. */
  key: string;
  cohort: string;
  demo: boolean;
  /** What the item is about, e.g. a session's title or a participant's name. */
  subject: string;
  /** What is missing, in words. */
  missing: string;
  /** YYYY-MM-DD from which the task was due. */
  due: string;
  action: TodoAction;
}

export interface TodoCohort {
  id: string;
  title: string;
  /** YYYY-MM-DD or 'tba'. */
  start: string;
  end: string;
  demo: boolean;
}

export interface TodoModule {
  id: string;
  number: number;
}

export interface TodoSession {
  /** `<cohort>/<session>`. */
  id: string;
  cohort: string;
  kind: 'workshop' | 'call';
  title: string;
  module?: string | undefined;
  /** Local wall time YYYY-MM-DDTHH:MM, or 'tba'. */
  start: string;
  end?: string | undefined;
  durationMinutes?: number | undefined;
  timeZone: string;
  demo: boolean;
}

export interface TodoAttendance {
  /** `<cohort>/<session>`. */
  id: string;
  present: readonly string[];
  absent: readonly { participant: string }[];
}

export interface TodoParticipant {
  id: string;
  name: string;
  cohort: string;
  buddies: readonly string[];
  gitHandle?: string | undefined;
  joined?: string | undefined;
  demo: boolean;
}

export interface TodoProposal {
  /** `<participant>/<entry>`. */
  id: string;
  participant: string;
  title: string;
  date: string;
}

export interface TodoApproval {
  /** The proposal entry, `<participant>/<entry>`. */
  entry: string;
  step: ApprovalStep;
  date: string;
}

export interface TodoDecision {
  /** `<participant>/<date>`. */
  id: string;
  participant: string;
  outcome: 'certified' | 'further-work';
  date: string;
  released?: string | undefined;
}

export interface TodoInput {
  /** The build's program day, YYYY-MM-DD. */
  today: string;
  /** The instant the build speaks for: sessions that ended by then are over. */
  now: Date;
  cohorts: readonly TodoCohort[];
  modules: readonly TodoModule[];
  sessions: readonly TodoSession[];
  attendance: readonly TodoAttendance[];
  participants: readonly TodoParticipant[];
  proposals: readonly TodoProposal[];
  approvals: readonly TodoApproval[];
  /** One per assessment file. */
  assessments: readonly { participant: string; assessor: string; date: string }[];
  decisions: readonly TodoDecision[];
}

/** YYYY-MM-DD plus (or minus) a number of days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

const isDate = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * The last day of a cycle: its end, or, while the end is to be announced, a year after its start
 * (the program runs for one year), so a past cycle whose end was never written stops asking for
 * sessions to be announced.
 */
export function cycleEnd(cohort: Pick<TodoCohort, 'start' | 'end'> | undefined): string | undefined {
  if (!cohort) return undefined;
  if (isDate(cohort.end)) return cohort.end;
  return isDate(cohort.start) ? addDays(nextYearDate(cohort.start), -1) : undefined;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function names(ids: readonly string[], byId: ReadonlyMap<string, TodoParticipant>): string {
  const list = ids.map((id) => byId.get(id)?.name ?? id);
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(list);
}

export function computeTodo(input: TodoInput): TodoItem[] {
  const { today, now } = input;
  const items: TodoItem[] = [];
  const cohorts = new Map(input.cohorts.map((c) => [c.id, c]));
  const participantsById = new Map(input.participants.map((p) => [p.id, p]));
  const attendance = new Map(input.attendance.map((a) => [a.id, a]));
  const ended = (cohort: string) => {
    const end = cycleEnd(cohorts.get(cohort));
    return end !== undefined && end < today;
  };
  const timed = input.sessions.map((s) => ({ s, interval: sessionInterval(s) }));
  const sessionDate = (s: TodoSession) => s.start.slice(0, 10);
  /** A cohort's dated workshop for a module (the earliest, should there be two). */
  const workshopOf = (cohort: string, module: string | undefined) =>
    module === undefined
      ? undefined
      : timed
          .filter((t): t is { s: TodoSession; interval: { start: Date; end: Date } } => t.s.cohort === cohort && t.s.kind === 'workshop' && t.s.module === module && t.interval !== undefined)
          .sort((a, b) => a.interval.start.getTime() - b.interval.start.getTime())[0];
  /** The first day of a cohort's module: the start of its workshop for that module, when dated. */
  const moduleStart = (cohort: string, module: string | undefined): string | undefined => {
    const workshop = workshopOf(cohort, module);
    return workshop ? sessionDate(workshop.s) : undefined;
  };
  /** A cohort's first workshop: its earliest dated one (as the validator's approval rules read it). */
  const firstWorkshopOf = (cohort: string) =>
    timed
      .filter((t): t is { s: TodoSession; interval: { start: Date; end: Date } } => t.s.cohort === cohort && t.s.kind === 'workshop' && t.interval !== undefined)
      .sort((a, b) => a.interval.start.getTime() - b.interval.start.getTime())[0];
  const lastModule = [...input.modules].sort((a, b) => a.number - b.number).at(-1);
  const members = (cohort: string) => input.participants.filter((p) => p.cohort === cohort);

  // attendance
  for (const { s, interval } of timed) {
    if (!interval || interval.end.getTime() > now.getTime()) continue;
    const held = sessionDate(s);
    const expected = members(s.cohort).filter((p) => !isDate(p.joined) || p.joined <= held);
    if (expected.length === 0) continue;
    const due = localDate(interval.end, s.timeZone);
    const record = attendance.get(s.id);
    const base = { key: `attendance:${s.id}`, kind: 'attendance' as const, cohort: s.cohort, demo: s.demo, subject: s.title, due };
    if (!record) {
      items.push({ ...base, missing: `held on ${formatDate(held)}; no attendance recorded`, action: { form: 'attendance', params: { session: s.id }, label: 'Record attendance' } });
      continue;
    }
    const listed = new Set([...record.present, ...record.absent.map((a) => a.participant)]);
    const left = expected.filter((p) => !listed.has(p.id)).map((p) => p.id);
    if (left.length > 0) {
      items.push({
        ...base,
        missing: `held on ${formatDate(held)}; the attendance record does not say whether ${names(left, participantsById)} ${left.length === 1 ? 'was' : 'were'} there`,
        action: { form: 'attendance', params: { session: s.id }, label: 'Complete the attendance' },
      });
    }
  }

  // sessions to announce
  for (const s of input.sessions) {
    if (s.start !== 'tba' || ended(s.cohort)) continue;
    const cohort = cohorts.get(s.cohort);
    const module = moduleStart(s.cohort, s.module);
    const reference = module ?? (isDate(cohort?.start) ? cohort.start : undefined);
    if (reference === undefined) continue;
    const due = addDays(reference, -NOTICE_DAYS);
    if (today < due) continue;
    items.push({
      key: `tba:${s.id}`,
      kind: 'tba',
      cohort: s.cohort,
      demo: s.demo,
      subject: s.title,
      due,
      missing: `still to be announced; ${module !== undefined ? 'its module begins' : 'the cycle begins'} on ${formatDate(reference)}`,
      action: { form: 'session', params: { session: s.id }, label: 'Announce the session' },
    });
  }

  // enrolments to complete
  for (const p of input.participants) {
    if (ended(p.cohort)) continue;
    const gaps: string[] = [];
    if (p.buddies.length === 0) gaps.push('no buddies');
    if (!p.gitHandle) gaps.push('no git handle, so they cannot send entries yet');
    if (gaps.length === 0) continue;
    const start = cohorts.get(p.cohort)?.start;
    items.push({
      key: `participant:${p.id}`,
      kind: 'participant',
      cohort: p.cohort,
      demo: p.demo,
      subject: p.name,
      due: isDate(p.joined) ? p.joined : isDate(start) ? start : today,
      missing: gaps.join('; '),
      action: { form: 'enrol', params: { participant: p.id }, label: 'Complete the enrolment' },
    });
  }

  // application projects: two approval steps
  const stepsOf = new Map<string, Set<ApprovalStep>>();
  for (const a of input.approvals) stepsOf.set(a.entry, (stepsOf.get(a.entry) ?? new Set()).add(a.step));
  for (const p of input.participants) {
    if (ended(p.cohort)) continue;
    const cohort = cohorts.get(p.cohort);
    if (!isDate(cohort?.start)) continue;
    // a participant who joined later has their year, and their proposal's review, from the day they joined
    const yearStart = isDate(p.joined) && p.joined > cohort.start ? p.joined : cohort.start;
    const reviewDue = addDays(yearStart, -NOTICE_DAYS);
    const firstWorkshop = firstWorkshopOf(p.cohort);
    const workshopEnd = firstWorkshop ? localDate(firstWorkshop.interval.end, firstWorkshop.s.timeZone) : undefined;
    const finalDue = workshopEnd !== undefined && isDate(p.joined) && p.joined > workshopEnd ? p.joined : workshopEnd;
    const finalIsDue = firstWorkshop !== undefined && finalDue !== undefined && firstWorkshop.interval.end.getTime() <= now.getTime() && finalDue <= today;
    if (today < reviewDue && !finalIsDue) continue;
    const proposals = input.proposals
      .filter((e) => e.participant === p.id)
      .map((e) => ({ e, steps: stepsOf.get(e.id) ?? new Set<ApprovalStep>() }))
      .sort((a, b) => b.steps.size - a.steps.size || b.e.date.localeCompare(a.e.date) || a.e.id.localeCompare(b.e.id));
    const base = { kind: 'approval' as const, cohort: p.cohort, demo: p.demo };
    const best = proposals[0];
    if (!best) {
      items.push({
        ...base,
        key: `approval:${p.id}`,
        subject: p.name,
        due: reviewDue,
        missing: 'no application-project proposal yet, so there is nothing to review; the participant writes one with the entry composer',
        action: { form: 'compose', params: { participant: p.id, type: 'application-project' }, label: 'Open the composer for them' },
      });
      continue;
    }
    const missing: ApprovalStep[] = [];
    if (!best.steps.has('review') && today >= reviewDue) missing.push('review');
    if (!best.steps.has('final') && finalIsDue) missing.push('final');
    const first = missing[0];
    if (first === undefined) continue;
    items.push({
      ...base,
      key: `approval:${best.e.id}`,
      subject: `${p.name}: ${best.e.title}`,
      due: first === 'review' ? reviewDue : (finalDue ?? today),
      missing: missing.map((step) => `${APPROVAL_STEP_LABELS[step]}: not recorded`).join('; '),
      action: { form: 'approval', params: { entry: best.e.id, step: first }, label: `Record the ${first === 'review' ? 'review' : 'final approval'}` },
    });
  }

  // assessments at graduation
  const assessorsOf = new Map<string, Set<string>>();
  // a build as of an earlier day does not see records written after it
  for (const a of input.assessments.filter((x) => x.date <= today)) assessorsOf.set(a.participant, (assessorsOf.get(a.participant) ?? new Set()).add(a.assessor));
  const decisions = input.decisions.filter((d) => d.date <= today);
  const certified = new Set(decisions.filter((d) => d.outcome === 'certified').map((d) => d.participant));
  for (const p of input.participants) {
    if (certified.has(p.id)) continue;
    const assessors = assessorsOf.get(p.id)?.size ?? 0;
    if (assessors >= ASSESSMENTS_NEEDED) continue;
    const cohort = cohorts.get(p.cohort);
    const graduation = moduleStart(p.cohort, lastModule?.id) ?? cycleEnd(cohort);
    const windowOpens = graduation !== undefined ? addDays(graduation, -GRADUATION_NOTICE_DAYS) : undefined;
    const inGraduation = (windowOpens !== undefined && today >= windowOpens) || assessors > 0;
    if (!inGraduation) continue;
    items.push({
      key: `assessment:${p.id}`,
      kind: 'assessment',
      cohort: p.cohort,
      demo: p.demo,
      subject: p.name,
      due: windowOpens !== undefined && windowOpens <= today ? windowOpens : today,
      missing: `assessed by ${plural(assessors, 'faculty member', 'faculty members')}; a decision needs ${ASSESSMENTS_NEEDED}${graduation !== undefined ? ` (graduation begins on ${formatDate(graduation)})` : ''}`,
      action: { form: 'assess', params: { participant: p.id }, label: 'Record an assessment' },
    });
  }

  // decisions and credentials
  for (const d of decisions) {
    if (d.released !== undefined) continue;
    const p = participantsById.get(d.participant);
    const certifiedDecision = d.outcome === 'certified';
    items.push({
      key: `${certifiedDecision ? 'credential' : 'release'}:${d.id}`,
      kind: certifiedDecision ? 'credential' : 'release',
      cohort: p?.cohort ?? '',
      demo: p?.demo ?? false,
      subject: p?.name ?? d.participant,
      due: d.date,
      missing: certifiedDecision
        ? `certified on ${formatDate(d.date)}; the credential is issued once the decision is released`
        : `further work decided on ${formatDate(d.date)}; not released to the participant yet`,
      action: { form: 'release', params: { decision: d.id }, label: certifiedDecision ? 'Release and issue the credential' : 'Release the decision' },
    });
  }

  const order = new Map(TODO_KINDS.map((k, i) => [k, i]));
  return items.sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0) || a.due.localeCompare(b.due) || a.key.localeCompare(b.key));
}

/** One content file's data, as the build's collections or the validator's records give it. */
export interface TodoContentItem {
  collection: string;
  id: string;
  data: Record<string, unknown>;
  demo: boolean;
}

const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The to-do input from content files that passed their schemas (build collections or validator
 * records), as of `today` (the build's program day) and `now` (the instant the build speaks for).
 * Recipients are not needed; approvals are read in the two-step model
 * (`approvals/<participant>/<entry>/<review|final>`).
 */
export function todoInputFromContent(items: Iterable<TodoContentItem>, options: { today: string; now: Date }): TodoInput {
  const input: { -readonly [K in keyof TodoInput]: TodoInput[K] extends readonly (infer T)[] ? T[] : TodoInput[K] } = {
    today: options.today,
    now: options.now,
    cohorts: [],
    modules: [],
    sessions: [],
    attendance: [],
    participants: [],
    proposals: [],
    approvals: [],
    assessments: [],
    decisions: [],
  };
  for (const { collection, id, data, demo } of items) {
    const [first = '', second = ''] = id.split('/');
    switch (collection) {
      case 'cohorts':
        input.cohorts.push({ id, title: s(data['title']) ?? id, start: s(data['start']) ?? 'tba', end: s(data['end']) ?? 'tba', demo });
        break;
      case 'modules':
        input.modules.push({ id, number: typeof data['number'] === 'number' ? data['number'] : 0 });
        break;
      case 'sessions':
        input.sessions.push({
          id,
          cohort: first,
          kind: data['kind'] === 'workshop' ? 'workshop' : 'call',
          title: s(data['title']) ?? second,
          module: s(data['module']),
          start: s(data['start']) ?? 'tba',
          end: s(data['end']),
          durationMinutes: typeof data['durationMinutes'] === 'number' ? data['durationMinutes'] : undefined,
          timeZone: s(data['timeZone']) ?? PROGRAM_TIME_ZONE,
          demo,
        });
        break;
      case 'attendance':
        input.attendance.push({
          id,
          present: list(data['present']),
          absent: (Array.isArray(data['absent']) ? data['absent'] : []).flatMap((a: unknown) => {
            const participant = a && typeof a === 'object' ? s((a as Record<string, unknown>)['participant']) : undefined;
            return participant ? [{ participant }] : [];
          }),
        });
        break;
      case 'participants':
        input.participants.push({
          id,
          name: s(data['name']) ?? id,
          cohort: s(data['cohort']) ?? '',
          buddies: list(data['buddies']),
          gitHandle: s(data['gitHandle']),
          joined: s(data['joined']),
          demo,
        });
        break;
      case 'portfolios':
        if (data['type'] === 'application-project' && data['stage'] === 'proposal') {
          input.proposals.push({ id, participant: first, title: s(data['title']) ?? second, date: s(data['date']) ?? '' });
        }
        break;
      case 'approvals': {
        const where = approvalPath(id);
        if (where) input.approvals.push({ entry: where.entry, step: where.step, date: s(data['date']) ?? '' });
        break;
      }
      case 'assessments':
        input.assessments.push({ participant: first, assessor: s(data['assessor']) ?? second, date: s(data['date']) ?? '' });
        break;
      case 'decisions': {
        const outcome = data['outcome'] === 'certified' ? 'certified' : 'further-work';
        input.decisions.push({ id, participant: first, outcome, date: s(data['date']) ?? second, released: s(data['released']) });
        break;
      }
      default:
        break;
    }
  }
  return input;
}
