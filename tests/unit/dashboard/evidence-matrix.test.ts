/** The evidence matrix as faculty read it: states, figures, marks, disagreement and the cohort overview, from coverage. */
import { describe, expect, it } from 'vitest';
import { evaluateCoverage, type CoverageInput } from '../../../src/lib/coverage.ts';
import { criterionLabels, evidenceMatrix, figureOf, initialsOf, type MatrixInput } from '../../../src/lib/evidence-matrix.ts';
import { wallTimeToInstant } from '../../../src/lib/time.ts';
import type { EvidenceRule } from '../../../src/schemas/framework.ts';

const NY = 'America/New_York';
const at = (local: string) => wallTimeToInstant(local, NY);

const CRITERIA: { id: string; title: string; evidence: EvidenceRule }[] = [
  { id: 'calls', title: 'Joins the monthly virtual calls', evidence: { rule: 'attendance', kind: 'call' } },
  { id: 'coaching', title: 'Coaches others in the practices', evidence: { rule: 'entries', type: ['coaching'], min: 3, tagged: false } },
  { id: 'reflections', title: 'Builds a reflective portfolio', evidence: { rule: 'entries', type: ['reflection', 'workshop-reflection'], min: 6, tagged: false } },
  { id: 'buddies', title: 'Keeps a regular check-in with their buddies', evidence: { rule: 'monthly', type: ['buddy-checkin'], min: 1 } },
];

function call(n: number, start: string) {
  const s = at(start);
  return { id: `c1/call-${n}`, cohort: 'c1', kind: 'call' as const, title: `Call ${n}`, start: s, end: new Date(s.getTime() + 3 * 3600_000), timeZone: NY };
}

const coverageInput: CoverageInput = {
  criteria: CRITERIA.map(({ id, evidence }) => ({ id, evidence })),
  cohorts: [{ id: 'c1', start: '2026-09-01', end: '2027-06-30' }],
  sessions: [call(1, '2026-09-10T09:00'), call(2, '2026-10-08T09:00'), call(3, '2026-11-12T09:00')],
  attendance: [
    { session: 'c1/call-1', present: ['ana', 'ben'] },
    { session: 'c1/call-2', present: ['ana', 'ben'] },
    { session: 'c1/call-3', present: ['ana'], absent: [{ participant: 'ben', reason: 'ill' }] },
  ],
  approvals: [],
  participants: [
    { id: 'ana', cohort: 'c1' },
    { id: 'ben', cohort: 'c1' },
    { id: 'cy', cohort: 'c2' },
  ],
  entries: [
    { id: 'ana/c1', participant: 'ana', type: 'coaching', date: '2026-09-20', criteria: [] },
    { id: 'ana/c2', participant: 'ana', type: 'coaching', date: '2026-10-20', criteria: [] },
    { id: 'ana/c3', participant: 'ana', type: 'coaching', date: '2026-11-20', criteria: [] },
    { id: 'ana/c4', participant: 'ana', type: 'coaching', date: '2026-11-21', criteria: [] },
    { id: 'ana/r1', participant: 'ana', type: 'reflection', date: '2026-09-21', criteria: [] },
    { id: 'ana/w1', participant: 'ana', type: 'workshop-reflection', date: '2026-10-21', criteria: [] },
    { id: 'ana/b9', participant: 'ana', type: 'buddy-checkin', date: '2026-09-03', criteria: [] },
    { id: 'ana/b10', participant: 'ana', type: 'buddy-checkin', date: '2026-10-03', criteria: [] },
    { id: 'ana/b11', participant: 'ana', type: 'buddy-checkin', date: '2026-11-03', criteria: [] },
  ],
  asOf: at('2026-11-28T12:00'),
};

function input(over: Partial<MatrixInput> = {}): MatrixInput {
  return {
    criteria: CRITERIA,
    participants: [
      { id: 'ben', name: 'Ben Okafor', cohort: 'c1', site: { id: 'north', name: 'North Hub' }, demo: false },
      { id: 'ana', name: 'Ana Ruiz', cohort: 'c1', site: { id: 'south', name: 'South Hub' }, demo: false },
      { id: 'cy', name: 'Cy Lam', cohort: 'c2', site: { id: 'north', name: 'North Hub' }, demo: true },
    ],
    cohorts: [
      { id: 'c1', title: 'Cohort one', demo: false },
      { id: 'c2', title: 'Cohort two', demo: true },
      { id: 'c3', title: 'Cohort without anyone', demo: false },
    ],
    coverage: evaluateCoverage(coverageInput),
    assessments: [
      {
        participant: 'ana',
        assessor: 'mette',
        date: '2026-11-20',
        recommendation: 'certify',
        levels: {
          calls: { level: 'meets', comment: 'Every call.' },
          coaching: { level: 'exceeds', comment: 'Strong.' },
          reflections: { level: 'developing', comment: 'Two so far.' },
          buddies: { level: 'meets', comment: 'Monthly.' },
        },
      },
      {
        participant: 'ana',
        assessor: 'peter',
        date: '2026-11-21',
        recommendation: 'further-work',
        levels: { coaching: { level: 'developing', comment: 'Thin.' }, calls: { level: 'meets', comment: 'Fine.' } },
      },
    ],
    decisions: [
      { participant: 'ben', outcome: 'further-work', date: '2026-11-01', released: '2026-11-02' },
      { participant: 'ben', outcome: 'certified', date: '2026-11-25' },
    ],
    assessors: [
      { id: 'mette', name: 'Mette Miriam Boell' },
      { id: 'peter', name: 'Peter M. Senge' },
      { id: 'hanna', name: 'Hanna Aagot' },
    ],
    ...over,
  };
}

describe('the evidence matrix', () => {
  const matrix = evidenceMatrix(input());
  const c1 = matrix.cohorts.find((c) => c.id === 'c1');
  const ana = c1?.rows.find((r) => r.id === 'ana');
  const ben = c1?.rows.find((r) => r.id === 'ben');
  const cell = (row: typeof ana, criterion: string) => row?.cells.find((c) => c.criterion === criterion);

  it('has a row per participant, in the given order, in a section per cohort that has participants', () => {
    expect(matrix.cohorts.map((c) => [c.id, c.rows.map((r) => r.id)])).toEqual([
      ['c1', ['ben', 'ana']],
      ['c2', ['cy']],
    ]);
    expect(matrix.criteria.map((c) => c.label)).toEqual(['Calls', 'Coaching', 'Reflections', 'Buddy check-ins']);
    expect(matrix.sites).toEqual([
      { id: 'north', name: 'North Hub' },
      { id: 'south', name: 'South Hub' },
    ]);
    expect(matrix.asOf).toBe('2026-11-28');
  });

  it('gives each cell the coverage status and a short figure of what is due so far', () => {
    expect(cell(ana, 'calls')).toMatchObject({ status: 'complete', figure: { text: '3/3 calls', words: '3 of 3 calls' } });
    expect(cell(ben, 'calls')).toMatchObject({ status: 'in-progress', figure: { text: '2/3 calls' } });
    expect(cell(ana, 'coaching')?.figure.text).toBe('3/3 entries');
    expect(cell(ana, 'reflections')?.figure.text).toBe('2/6 reflections');
    expect(cell(ben, 'reflections')).toMatchObject({ status: 'none', figure: { text: '0/6 reflections' } });
    expect(cell(ana, 'buddies')).toMatchObject({ status: 'complete', figure: { text: '3/3 months' } });
    expect(ana?.complete).toBe(3);
    expect(ben?.complete).toBe(0);
  });

  it('says the whole state of a cell in one sentence, without repeating what coverage already said', () => {
    expect(cell(ben, 'calls')?.description).toBe(
      'Joins the monthly virtual calls: in progress. 2 of 3 calls attended. Missing: Call 3 (absent: ill). Not assessed yet.',
    );
    expect(cell(ana, 'coaching')?.description).toBe(
      'Coaches others in the practices: complete. 4 coaching entries (3 needed). Assessors: Mette Miriam Boell, exceeds; Peter M. Senge, developing. The assessors disagree.',
    );
  });

  it('shows each assessor’s level as initials and a step, and flags cells where they are two or more steps apart', () => {
    expect(cell(ana, 'coaching')?.marks.map((m) => [m.initials, m.step, m.label])).toEqual([
      ['MB', 4, 'Exceeds'],
      ['PS', 2, 'Developing'],
    ]);
    expect(cell(ana, 'coaching')?.disagree).toBe(true);
    expect(cell(ana, 'calls')?.disagree).toBe(false);
    expect(cell(ana, 'reflections')?.disagree).toBe(false);
    expect(ana?.disagreements).toBe(1);
  });

  it('knows who has assessed a participant on every criterion, and who still has to while there is no decision', () => {
    expect(ana?.assessedBy).toEqual(['mette']);
    expect(ana?.awaiting).toEqual(['peter', 'hanna']);
    expect(ben?.awaiting).toEqual([]);
  });

  it('has demo participants await the invented demo assessors only, and real participants the real faculty only', () => {
    const m = evidenceMatrix(
      input({
        assessors: [
          { id: 'mette', name: 'Mette Miriam Boell', demo: false },
          { id: 'sigrun', name: 'Sigrun Morgenlys', demo: true },
          { id: 'kaede', name: 'Kaede Kirinomori', demo: true },
        ],
      }),
    );
    const rows = m.cohorts.flatMap((c) => c.rows);
    expect(rows.find((r) => r.id === 'cy')?.awaiting).toEqual(['sigrun', 'kaede']);
    expect(rows.find((r) => r.id === 'ana')?.awaiting).toEqual([]);
    expect(rows.find((r) => r.id === 'ben')?.awaiting).toEqual([]);
  });

  it('takes the latest decision', () => {
    expect(ben?.decision).toEqual({ outcome: 'certified', date: '2026-11-25', released: undefined, revoked: undefined });
    expect(ana?.decision).toBeUndefined();
  });

  it('counts each cohort’s participants per state on every criterion', () => {
    expect(c1?.overview).toEqual([
      { criterion: 'calls', complete: 1, 'in-progress': 1, none: 0, disagree: 0 },
      { criterion: 'coaching', complete: 1, 'in-progress': 0, none: 1, disagree: 1 },
      { criterion: 'reflections', complete: 0, 'in-progress': 1, none: 1, disagree: 0 },
      { criterion: 'buddies', complete: 1, 'in-progress': 0, none: 1, disagree: 0 },
    ]);
    expect(c1).toMatchObject({ allComplete: 0, withDisagreement: 1, decided: 1 });
  });

  it('counts a participant complete on every criterion', () => {
    const m = evidenceMatrix(input({ criteria: CRITERIA.filter((c) => c.id !== 'reflections') }));
    expect(m.cohorts[0]?.allComplete).toBe(1);
    expect(m.cohorts[0]?.rows.find((r) => r.id === 'ana')?.complete).toBe(3);
  });

  it('names an assessor who is not listed as one by their faculty name, or their id', () => {
    const m = evidenceMatrix(input({ assessors: [{ id: 'mette', name: 'Mette Miriam Boell' }], facultyNames: new Map([['peter', 'Peter M. Senge']]) }));
    const marks = m.cohorts[0]?.rows.find((r) => r.id === 'ana')?.cells.find((c) => c.criterion === 'coaching')?.marks;
    expect(marks?.map((x) => [x.name, x.initials])).toEqual([
      ['Mette Miriam Boell', 'MB'],
      ['Peter M. Senge', 'PS'],
    ]);
  });
});

describe('words and marks', () => {
  it('says "none due" when nothing is due yet', () => {
    expect(figureOf({ rule: 'attendance', kind: 'workshop' }, { have: 0, need: 0 })).toMatchObject({ text: 'none due', count: '' });
    expect(figureOf({ rule: 'attendance', kind: 'workshop' }, { have: 1, need: 1 }).text).toBe('1/1 workshop');
    expect(figureOf({ rule: 'project' }, { have: 1, need: 2 }).text).toBe('1/2 steps');
    expect(figureOf({ rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false }, { have: 0, need: 1 }).text).toBe('0/1 report');
  });

  it('labels columns from the rule, and falls back to the title where two labels would be the same', () => {
    const labels = criterionLabels([
      { id: 'a', title: 'First reflections', evidence: { rule: 'entries', type: ['reflection'], min: 2, tagged: true } },
      { id: 'b', title: 'More reflections', evidence: { rule: 'entries', type: ['reflection'], min: 6, tagged: false } },
      { id: 'c', title: 'Practice and buddies', evidence: { rule: 'all', rules: [{ rule: 'monthly', type: ['practice-log'], min: 1 }, { rule: 'project' }] } },
    ]);
    expect(labels.map((l) => l.label)).toEqual(['First reflections', 'More reflections', 'Practice + Project']);
  });

  it('gives assessors initials no two of them share', () => {
    const initials = initialsOf([
      { id: 'a', name: 'Peter M. Senge' },
      { id: 'b', name: 'Paula Sandoval' },
      { id: 'c', name: 'Mette Miriam Boell' },
      { id: 'd', name: 'Ngozi' },
    ]);
    expect(Object.fromEntries(initials)).toEqual({ a: 'PMS', b: 'PS', c: 'MB', d: 'NG' });
    expect(new Set(initials.values()).size).toBe(4);
  });
});
