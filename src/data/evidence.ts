/**
 * The evidence matrix and each participant's evidence page, shaped once per build for the faculty
 * dashboard and evidence routes (which only render): rows, states, figures and marks from
 * src/lib/evidence-matrix.ts over the build's coverage, and for one participant the entries and
 * sessions behind each criterion, the assessors' comments, decisions and the year month by month.
 */
import { getCollection } from 'astro:content';
import { getCohorts, getFaculty, getSessions, isDemo } from './program.ts';
import { getParticipants, type Participant } from './portfolios.ts';
import { asOf, getAssessments, getCoverage, getCriteria, getDecisions } from './assessment.ts';
import { evidenceMatrix, type EvidenceMatrix, type MatrixCell, type MatrixCriterion, type MatrixRow } from '../lib/evidence-matrix.ts';
import { evidenceTimeline, type EvidenceTimeline } from '../lib/evidence-timeline.ts';
import { suggestedEntryType } from '../lib/assessment-view.ts';
import { OUTCOME_LABELS, type Outcome } from '../schemas/decision.ts';
import { RECOMMENDATION_LABELS } from '../schemas/assessment-levels.ts';
import type { EntryType } from '../schemas/entry-types.ts';
import { APPROVAL_STEPS, APPROVAL_STEP_LABELS, type ApprovalStep } from '../schemas/approval.ts';
import type { SourceKind } from '../schemas/framework.ts';

let matrix: Promise<EvidenceMatrix> | undefined;

/** Every cohort's matrix, computed once per build from the coverage, assessments and decisions. */
export function getEvidenceMatrix(): Promise<EvidenceMatrix> {
  matrix ??= (async () => {
    const [cohorts, participants, criteria, coverage, assessments, decisions, faculty] = await Promise.all([
      getCohorts(),
      getParticipants(),
      getCriteria(),
      getCoverage(),
      getAssessments(),
      getDecisions(),
      getFaculty(),
    ]);
    return evidenceMatrix({
      criteria: criteria.map((c) => ({ id: c.id, title: c.data.title, evidence: c.data.evidence })),
      participants: participants.map((p) => ({
        id: p.id,
        name: p.entry.data.name,
        cohort: p.entry.data.cohort,
        site: { id: p.entry.data.site, name: p.site?.data.name ?? p.entry.data.site },
        demo: p.demo,
      })),
      cohorts: cohorts.map((c) => ({ id: c.id, title: c.entry.data.title, demo: c.demo })),
      coverage,
      assessments: [...assessments.values()].flat().map((a) => ({
        participant: a.id.split('/')[0] ?? '',
        assessor: a.data.assessor,
        date: a.data.date,
        levels: a.data.levels,
        recommendation: a.data.recommendation,
      })),
      decisions: [...decisions.values()].flat().map((d) => ({
        participant: d.id.split('/')[0] ?? '',
        outcome: d.data.outcome,
        date: d.data.date,
        released: d.data.released,
        revoked: d.data.revoked,
      })),
      assessors: faculty.filter((f) => f.data.assessor).map((f) => ({ id: f.id, name: f.data.name, demo: isDemo(f) })),
      facultyNames: new Map(faculty.map((f) => [f.id, f.data.name])),
    });
  })();
  return matrix;
}

export interface CriterionEvidence {
  criterion: MatrixCriterion;
  cell: MatrixCell;
  entries: { id: string; title: string }[];
  sessions: { id: string; title: string }[];
  /** The kind of entry that would add evidence (a link to the composer), if the criterion is met by entries. */
  composeType: EntryType | undefined;
  /** What the criterion's rule rests on (`proposal`: part of it is not confirmed by the faculty yet). */
  basis: SourceKind | undefined;
  /** The application project's approval steps, each recorded (date, names) or not; undefined for other criteria. */
  approvalSteps: { step: ApprovalStep; label: string; recorded: { date: string; by: string[] } | undefined }[] | undefined;
}

export interface DecisionView {
  outcome: Outcome;
  label: string;
  date: string;
  panel: string[];
  conditions: string[];
  certificateId?: string | undefined;
  released?: string | undefined;
  revoked?: { date: string; reason: string } | undefined;
}

export interface ParticipantEvidence {
  participant: Participant;
  cohortTitle: string;
  asOf: string;
  criteria: MatrixCriterion[];
  row: MatrixRow;
  sections: CriterionEvidence[];
  /** Oldest first. */
  decisions: DecisionView[];
  recommendations: { assessor: string; date: string; label: string; summary?: string | undefined }[];
  timeline: EvidenceTimeline;
  /** Days practised, from the participant's practice logs. */
  practisedOn: string[];
}

let attendance: Promise<Map<string, { present: string[]; absent?: { participant: string; reason: string }[] | undefined }>> | undefined;
function getAttendance() {
  attendance ??= getCollection('attendance').then((all) => new Map(all.map((a) => [a.id, { present: a.data.present, absent: a.data.absent }])));
  return attendance;
}

/** Everything one participant's evidence page shows; undefined for someone this build does not have. */
export async function getParticipantEvidence(id: string): Promise<ParticipantEvidence | undefined> {
  const [m, participants, cohorts, criteria, sessions, assessments, decisions, faculty, records] = await Promise.all([
    getEvidenceMatrix(),
    getParticipants(),
    getCohorts(),
    getCriteria(),
    getSessions(),
    getAssessments(),
    getDecisions(),
    getFaculty(),
    getAttendance(),
  ]);
  const participant = participants.find((p) => p.id === id);
  const cohort = m.cohorts.find((c) => c.rows.some((r) => r.id === id));
  const row = cohort?.rows.find((r) => r.id === id);
  if (!participant || !cohort || !row) return undefined;
  const cohortEntry = cohorts.find((c) => c.id === cohort.id);
  const names = new Map(faculty.map((f) => [f.id, f.data.name]));
  const entryTitles = new Map(participant.entries.map((e) => [e.id, e.entry.data.title]));
  const cohortSessions = sessions.filter((s) => s.cohort === cohort.id);
  const sessionTitles = new Map(cohortSessions.map((s) => [s.id, s.entry.data.title]));
  const coverage = (await getCoverage()).participants.get(id);
  const rules = new Map(criteria.map((c) => [c.id, c.data.evidence]));

  const sections = m.criteria.map((criterion, i): CriterionEvidence => {
    const covered = coverage?.criteria.get(criterion.id);
    const supporting = covered?.supporting;
    const project = covered?.project;
    const rule = rules.get(criterion.id);
    return {
      criterion,
      cell: row.cells[i] as MatrixCell,
      entries: (supporting?.entries ?? []).map((e) => ({ id: e, title: entryTitles.get(e) ?? e })),
      sessions: (supporting?.sessions ?? []).map((s) => ({ id: s, title: sessionTitles.get(s) ?? s })),
      composeType: rule && suggestedEntryType(rule),
      basis: covered?.basis,
      approvalSteps:
        project &&
        APPROVAL_STEPS.map((step) => {
          const done = project[step];
          return { step, label: APPROVAL_STEP_LABELS[step], recorded: done && { date: done.date, by: done.by.map((f) => names.get(f) ?? f) } };
        }),
    };
  });

  return {
    participant,
    cohortTitle: cohort.title,
    asOf: m.asOf,
    criteria: m.criteria,
    row,
    sections,
    decisions: (decisions.get(id) ?? []).map((d) => ({
      outcome: d.data.outcome,
      label: OUTCOME_LABELS[d.data.outcome],
      date: d.data.date,
      panel: d.data.panel.map((p) => names.get(p) ?? p),
      conditions: d.data.conditions ?? [],
      certificateId: d.data.certificateId,
      released: d.data.released,
      revoked: d.data.revoked,
    })),
    recommendations: (assessments.get(id) ?? []).map((a) => ({
      assessor: names.get(a.data.assessor) ?? a.data.assessor,
      date: a.data.date,
      label: RECOMMENDATION_LABELS[a.data.recommendation],
      summary: a.data.summary,
    })),
    timeline: evidenceTimeline({
      cohort: { start: cohortEntry?.entry.data.start ?? 'tba', end: cohortEntry?.entry.data.end ?? 'tba' },
      joined: participant.entry.data.joined,
      entries: participant.entries.map((e) => ({ type: e.entry.data.type, date: e.entry.data.date })),
      sessions: cohortSessions.map((s) => ({
        id: s.id,
        kind: s.entry.data.kind,
        title: s.entry.data.title,
        start: s.interval?.start,
        end: s.interval?.end,
        timeZone: s.entry.data.timeZone,
      })),
      attendance: records,
      participant: id,
      asOf: asOf(),
      asOfDate: m.asOf,
    }),
    practisedOn: participant.entries.flatMap((e) => (e.entry.data.type === 'practice-log' ? e.entry.data.practisedOn : [])),
  };
}

/** The participants who have an evidence page: everyone in the matrix. */
export async function getEvidenceParticipants(): Promise<string[]> {
  return (await getEvidenceMatrix()).cohorts.flatMap((c) => c.rows.map((r) => r.id));
}
