/**
 * The evidence matrix as faculty read it (pure): one row per participant, one cell per criterion,
 * each cell a state (complete, in progress, not started) with a short figure ("4/5 calls"), the
 * assessors' levels as compact marks, and whether the assessors disagree; the sentence that
 * explains the cell is kept for its accessible name. Per cohort, how many participants are in
 * each state on each criterion (the cohort overview).
 *
 * It reads evidence coverage (src/lib/coverage.ts) and never recomputes it: a cell's state is the
 * coverage status, its figure the coverage progress, its sentence the coverage summary and what is
 * missing. Pages, tests and any other reader get the same rows from here.
 */
import type { CoverageResult, CoverageStatus, CriterionCoverage } from './coverage.ts';
import { STATUS_TEXT, disagrees, levelRank } from './assessment-view.ts';
import type { EvidenceRule } from '../schemas/framework.ts';
import { LEVELS, LEVEL_LABELS, type Level } from '../schemas/assessment-levels.ts';
import type { EntryType, ProjectStage } from '../schemas/entry-types.ts';

export const CELL_STATES = ['complete', 'in-progress', 'none'] as const satisfies readonly CoverageStatus[];

export interface MatrixCriterionInput {
  id: string;
  title: string;
  evidence: EvidenceRule;
}

export interface MatrixParticipantInput {
  id: string;
  name: string;
  cohort: string;
  site: { id: string; name: string };
  demo: boolean;
}

export interface MatrixAssessmentInput {
  participant: string;
  assessor: string;
  /** YYYY-MM-DD. */
  date: string;
  levels: Readonly<Record<string, { level: Level; comment: string }>>;
  recommendation: string;
}

export interface MatrixDecisionInput {
  participant: string;
  outcome: 'certified' | 'further-work';
  /** YYYY-MM-DD. */
  date: string;
  released?: string | undefined;
  revoked?: { date: string } | undefined;
}

export interface MatrixInput {
  /** In the order the columns are shown. */
  criteria: readonly MatrixCriterionInput[];
  /** Rows, in this order within each cohort. */
  participants: readonly MatrixParticipantInput[];
  /** Cohorts in the order they are shown; cohorts without participants are left out. */
  cohorts: readonly { id: string; title: string; demo: boolean }[];
  coverage: CoverageResult;
  assessments: readonly MatrixAssessmentInput[];
  decisions: readonly MatrixDecisionInput[];
  /**
   * Faculty who assess (assessor: true), in the order they are listed. `demo`: an invented assessor
   * of the demo cohort, who is awaited by demo participants only (and real faculty by real ones).
   */
  assessors: readonly { id: string; name: string; demo?: boolean | undefined }[];
  /** Names of faculty who are not (or no longer) assessors but wrote an assessment. */
  facultyNames?: ReadonlyMap<string, string> | undefined;
}

export interface MatrixCriterion {
  id: string;
  title: string;
  /** A column heading of a word or two, from the evidence rule ("Calls", "Reflections"). */
  label: string;
}

export interface AssessorMark {
  assessor: string;
  name: string;
  /** Two or three letters, unique among the assessors of the matrix. */
  initials: string;
  level: Level;
  /** 1 (lowest) to the number of levels. */
  step: number;
  label: string;
  comment: string;
}

export interface MatrixFigure {
  have: number;
  need: number;
  /** "4/5 calls"; "none due" when nothing is due yet. */
  text: string;
  /** "4/5", or '' when nothing is due yet. */
  count: string;
  /** "calls", or "none due". */
  unit: string;
  /** "4 of 5 calls". */
  words: string;
}

export interface MatrixCell {
  criterion: string;
  status: CoverageStatus;
  figure: MatrixFigure;
  /** What there is, in words (coverage's summary). */
  summary: string;
  /** What is lacking, in words, not repeating the summary; '' when nothing more is said. */
  missing: string;
  marks: AssessorMark[];
  disagree: boolean;
  /** The whole state in one sentence: the cell's accessible name. */
  description: string;
}

export interface MatrixDecision {
  outcome: 'certified' | 'further-work';
  date: string;
  released?: string | undefined;
  revoked?: string | undefined;
}

export interface MatrixRow {
  id: string;
  name: string;
  cohort: string;
  site: { id: string; name: string };
  demo: boolean;
  cells: MatrixCell[];
  /** Criteria complete. */
  complete: number;
  /** Criteria the assessors disagree on. */
  disagreements: number;
  /** Assessors with a level on every criterion. */
  assessedBy: string[];
  /** Assessors still to assess (no level on some criterion), while no decision is recorded. */
  awaiting: string[];
  /** The latest decision. */
  decision: MatrixDecision | undefined;
}

export interface OverviewCount {
  criterion: string;
  complete: number;
  'in-progress': number;
  none: number;
  disagree: number;
}

export interface MatrixCohort {
  id: string;
  title: string;
  demo: boolean;
  rows: MatrixRow[];
  overview: OverviewCount[];
  /** Participants complete on every criterion. */
  allComplete: number;
  /** Participants with at least one disagreement. */
  withDisagreement: number;
  /** Participants with a decision. */
  decided: number;
}

export interface EvidenceMatrix {
  /** The evaluation date of the coverage, YYYY-MM-DD. */
  asOf: string;
  criteria: MatrixCriterion[];
  cohorts: MatrixCohort[];
  assessors: { id: string; name: string; initials: string }[];
  /** Sites of the participants shown, by name. */
  sites: { id: string; name: string }[];
}

// ---------------------------------------------------------------------------------------------
// words

const TYPE_UNITS: Record<EntryType, [one: string, many: string, column: string]> = {
  reflection: ['reflection', 'reflections', 'Reflections'],
  'workshop-reflection': ['reflection', 'reflections', 'Workshop reflections'],
  'call-prework': ['pre-work', 'pre-works', 'Call pre-work'],
  'application-project': ['entry', 'entries', 'Project'],
  coaching: ['entry', 'entries', 'Coaching'],
  'buddy-checkin': ['check-in', 'check-ins', 'Buddy check-ins'],
  'practice-log': ['log', 'logs', 'Practice'],
};

const STAGE_UNITS: Record<ProjectStage, [one: string, many: string, column: string]> = {
  proposal: ['proposal', 'proposals', 'Project proposal'],
  update: ['update', 'updates', 'Project updates'],
  'final-report': ['report', 'reports', 'Final report'],
};

/** What a figure counts, for a rule: [one, many]. */
export function unitOf(rule: EvidenceRule): [one: string, many: string] {
  switch (rule.rule) {
    case 'entries': {
      if (rule.stage !== undefined) return [STAGE_UNITS[rule.stage][0], STAGE_UNITS[rule.stage][1]];
      const units = new Set(rule.type.map((t) => TYPE_UNITS[t][1]));
      const [only] = units;
      return units.size === 1 && only !== undefined && rule.type[0] ? [TYPE_UNITS[rule.type[0]][0], only] : ['entry', 'entries'];
    }
    case 'monthly':
      return ['month', 'months'];
    case 'attendance':
      return rule.kind === 'call' ? ['call', 'calls'] : ['workshop', 'workshops'];
    case 'project':
    case 'all':
      return ['step', 'steps'];
  }
}

/** A column heading of a word or two for a rule. */
export function ruleLabel(rule: EvidenceRule): string {
  switch (rule.rule) {
    case 'entries':
      if (rule.stage !== undefined) return STAGE_UNITS[rule.stage][2];
      if (rule.type.length > 1 && rule.type.every((t) => t === 'reflection' || t === 'workshop-reflection')) return 'Reflections';
      return rule.type.map((t) => TYPE_UNITS[t][2]).join(' + ');
    case 'monthly':
      return rule.type.map((t) => TYPE_UNITS[t][2]).join(' + ');
    case 'attendance':
      return rule.kind === 'call' ? 'Calls' : 'Workshops';
    case 'project':
      return 'Project';
    case 'all':
      return rule.rules.map(ruleLabel).join(' + ');
  }
}

/** Column headings for the criteria: the rule's label, or the title where two labels would be the same. */
export function criterionLabels(criteria: readonly MatrixCriterionInput[]): MatrixCriterion[] {
  const labels = criteria.map((c) => ruleLabel(c.evidence));
  return criteria.map((c, i) => {
    const label = labels[i] ?? c.title;
    const clash = labels.filter((l) => l === label).length > 1;
    return { id: c.id, title: c.title, label: clash ? c.title : label };
  });
}

export function figureOf(rule: EvidenceRule, progress: { have: number; need: number }): MatrixFigure {
  const [one, many] = unitOf(rule);
  const { have, need } = progress;
  if (need === 0) return { have, need, text: 'none due', count: '', unit: 'none due', words: 'nothing due yet' };
  const unit = need === 1 ? one : many;
  return { have, need, text: `${have}/${need} ${unit}`, count: `${have}/${need}`, unit, words: `${have} of ${need} ${unit}` };
}

/** Two letters (first and last word), or every word's first letter, or more, until no two assessors share them. */
export function initialsOf(people: readonly { id: string; name: string }[]): Map<string, string> {
  const forms = (name: string): string[] => {
    const words = name.split(/[\s-]+/).filter(Boolean);
    const first = words[0] ?? '';
    const last = words.length > 1 ? (words.at(-1) ?? '') : '';
    return [`${first.slice(0, 1)}${last.slice(0, 1) || first.slice(1, 2)}`, words.map((w) => w.slice(0, 1)).join(''), `${first.slice(0, 2)}${last.slice(0, 1)}`].map((f) =>
      f.toUpperCase(),
    );
  };
  const out = new Map<string, string>();
  for (let level = 0; level < 3; level++) {
    const open = people.filter((p) => !out.has(p.id)).map((p) => ({ id: p.id, form: forms(p.name)[level] ?? '' }));
    const used = new Set(out.values());
    for (const { id, form } of open) {
      if (form && !used.has(form) && open.filter((o) => o.form === form).length === 1) out.set(id, form);
    }
  }
  for (const p of people) if (!out.has(p.id)) out.set(p.id, p.id);
  return out;
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return '';
  return `${t[0]?.toUpperCase() ?? ''}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

/** What is missing, without repeating the summary (attendance starts its "missing" with the summary). */
function missingOnly(cov: CriterionCoverage | undefined): string {
  const missing = cov?.missing ?? '';
  if (!cov?.summary || !missing.startsWith(cov.summary)) return missing;
  return missing.slice(cov.summary.length).replace(/^[;,\s]+/, '').replace(/^missing:\s*/i, '');
}

function describe(criterion: MatrixCriterion, status: CoverageStatus, summary: string, missing: string, marks: readonly AssessorMark[], disagree: boolean): string {
  const parts = [`${criterion.title}: ${STATUS_TEXT[status].label.toLowerCase()}.`];
  if (summary) parts.push(sentence(summary));
  if (missing) parts.push(`Missing: ${sentence(missing)}`);
  if (marks.length === 0) parts.push('Not assessed yet.');
  else parts.push(`Assessors: ${marks.map((m) => `${m.name}, ${m.label.toLowerCase()}`).join('; ')}.`);
  if (disagree) parts.push('The assessors disagree.');
  return parts.join(' ');
}

// ---------------------------------------------------------------------------------------------

/** The matrix of every cohort, row by row, as the dashboard and the evidence pages show it. */
export function evidenceMatrix(input: MatrixInput): EvidenceMatrix {
  const criteria = criterionLabels(input.criteria);
  const assessorIds = new Set(input.assessors.map((a) => a.id));
  const extraAssessors = [...new Set(input.assessments.map((a) => a.assessor))]
    .filter((id) => !assessorIds.has(id))
    .sort()
    .map((id) => ({ id, name: input.facultyNames?.get(id) ?? id }));
  const people = [...input.assessors, ...extraAssessors];
  const initials = initialsOf(people);
  const names = new Map(people.map((p) => [p.id, p.name]));

  const assessmentsOf = new Map<string, MatrixAssessmentInput[]>();
  for (const a of [...input.assessments].sort((x, y) => x.assessor.localeCompare(y.assessor))) {
    assessmentsOf.set(a.participant, [...(assessmentsOf.get(a.participant) ?? []), a]);
  }
  const latestDecision = new Map<string, MatrixDecisionInput>();
  for (const d of input.decisions) {
    const seen = latestDecision.get(d.participant);
    if (!seen || d.date >= seen.date) latestDecision.set(d.participant, d);
  }

  const rowOf = (p: MatrixParticipantInput): MatrixRow => {
    const cov = input.coverage.participants.get(p.id);
    const assessments = assessmentsOf.get(p.id) ?? [];
    const cells = criteria.map((criterion, i): MatrixCell => {
      const c = cov?.criteria.get(criterion.id);
      const marks = assessments.flatMap((a): AssessorMark[] => {
        const l = a.levels[criterion.id];
        if (!l) return [];
        return [
          {
            assessor: a.assessor,
            name: names.get(a.assessor) ?? a.assessor,
            initials: initials.get(a.assessor) ?? a.assessor,
            level: l.level,
            step: levelRank(l.level) + 1,
            label: LEVEL_LABELS[l.level],
            comment: l.comment,
          },
        ];
      });
      const disagree = disagrees(marks.map((m) => m.level));
      const rule = (input.criteria[i] as MatrixCriterionInput).evidence;
      const status = c?.status ?? 'none';
      const summary = c?.summary ?? '';
      const missing = missingOnly(c);
      return {
        criterion: criterion.id,
        status,
        figure: figureOf(rule, c?.progress ?? { have: 0, need: 0 }),
        summary,
        missing,
        marks,
        disagree,
        description: describe(criterion, status, summary, missing, marks, disagree),
      };
    });
    const decision = latestDecision.get(p.id);
    const assessedBy = assessments.filter((a) => criteria.every((c) => a.levels[c.id] !== undefined)).map((a) => a.assessor);
    return {
      id: p.id,
      name: p.name,
      cohort: p.cohort,
      site: p.site,
      demo: p.demo,
      cells,
      complete: cells.filter((c) => c.status === 'complete').length,
      disagreements: cells.filter((c) => c.disagree).length,
      assessedBy,
      awaiting: decision ? [] : input.assessors.filter((a) => (a.demo ?? false) === p.demo && !assessedBy.includes(a.id)).map((a) => a.id),
      decision: decision && { outcome: decision.outcome, date: decision.date, released: decision.released, revoked: decision.revoked?.date },
    };
  };

  const cohorts: MatrixCohort[] = [];
  for (const cohort of input.cohorts) {
    const rows = input.participants.filter((p) => p.cohort === cohort.id).map(rowOf);
    if (rows.length === 0) continue;
    const overview = criteria.map((criterion, i): OverviewCount => {
      const count: OverviewCount = { criterion: criterion.id, complete: 0, 'in-progress': 0, none: 0, disagree: 0 };
      for (const row of rows) {
        const cell = row.cells[i];
        if (!cell) continue;
        count[cell.status]++;
        if (cell.disagree) count.disagree++;
      }
      return count;
    });
    cohorts.push({
      ...cohort,
      rows,
      overview,
      allComplete: rows.filter((r) => criteria.length > 0 && r.complete === criteria.length).length,
      withDisagreement: rows.filter((r) => r.disagreements > 0).length,
      decided: rows.filter((r) => r.decision !== undefined).length,
    });
  }

  const shown = cohorts.flatMap((c) => c.rows);
  const sites = [...new Map(shown.map((r) => [r.site.id, r.site])).values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    asOf: input.coverage.asOf,
    criteria,
    cohorts,
    assessors: input.assessors.map((a) => ({ id: a.id, name: a.name, initials: initials.get(a.id) ?? a.id })),
    sites,
  };
}

/** The number of steps on the level scale (for drawing the marks). */
export const LEVEL_STEPS = LEVELS.length;
