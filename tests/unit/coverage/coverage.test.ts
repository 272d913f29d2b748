import { describe, expect, it } from 'vitest';
import {
  evaluateCoverage,
  localDate,
  monthLabel,
  monthsBetween,
  type CoverageEntry,
  type CoverageInput,
  type CoverageSession,
  type CriterionCoverage,
} from '../../../src/lib/coverage.ts';
import { wallTimeToInstant } from '../../../src/lib/time.ts';
import type { EvidenceRule } from '../../../src/schemas/framework.ts';
import type { EntryType, ProjectStage } from '../../../src/schemas/portfolio-entry.ts';

const NY = 'America/New_York';

/** The instant of a wall time in New York. */
const ny = (local: string) => wallTimeToInstant(local, NY);

function session(id: string, kind: 'workshop' | 'call', title: string, start: string | undefined, durationMinutes = 180, timeZone = NY): CoverageSession {
  const instant = start === undefined ? undefined : wallTimeToInstant(start, timeZone);
  return {
    id: `c1/${id}`,
    cohort: 'c1',
    kind,
    title,
    start: instant,
    end: instant === undefined ? undefined : new Date(instant.getTime() + durationMinutes * 60_000),
    timeZone,
  };
}

let n = 0;
function entry(participant: string, type: EntryType, date: string, extra: { stage?: ProjectStage; criteria?: string[]; id?: string } = {}): CoverageEntry {
  n++;
  return {
    id: `${participant}/${extra.id ?? `${type}-${n}`}`,
    participant,
    type,
    date,
    stage: extra.stage,
    criteria: extra.criteria ?? [],
  };
}

const CRITERIA: { id: string; evidence: EvidenceRule }[] = [
  { id: 'workshops', evidence: { rule: 'attendance', kind: 'workshop' } },
  { id: 'calls', evidence: { rule: 'attendance', kind: 'call' } },
  { id: 'application-project', evidence: { rule: 'project' } },
  { id: 'coaching', evidence: { rule: 'entries', type: ['coaching'], min: 3, tagged: false } },
  { id: 'buddy-checkins', evidence: { rule: 'monthly', type: ['buddy-checkin'], min: 1 } },
  { id: 'reflective-portfolio', evidence: { rule: 'entries', type: ['reflection', 'workshop-reflection'], min: 2, tagged: false } },
];

function input(over: Partial<CoverageInput> = {}): CoverageInput {
  return {
    criteria: CRITERIA,
    cohorts: [{ id: 'c1', start: '2026-06-14', end: '2027-06-30' }],
    sessions: [],
    attendance: [],
    approvals: [],
    participants: [{ id: 'ana', cohort: 'c1' }],
    entries: [],
    asOf: ny('2026-11-28T12:00'),
    ...over,
  };
}

function cell(result: ReturnType<typeof evaluateCoverage>, participant: string, criterion: string): CriterionCoverage {
  const c = result.participants.get(participant)?.criteria.get(criterion);
  if (!c) throw new Error(`no cell ${participant} × ${criterion}`);
  return c;
}

describe('date helpers', () => {
  it('lists the months between two dates, inclusive, across a year end', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11-30', '2026-11-01')).toEqual(['2026-11']);
    expect(monthsBetween('2026-12-01', '2026-11-30')).toEqual([]);
    expect(monthLabel('2026-10')).toBe('October 2026');
  });
  it('reads an instant as a calendar date in a zone', () => {
    const late = ny('2026-10-31T21:00');
    expect(late.toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(localDate(late, NY)).toBe('2026-10-31');
    expect(localDate(late, 'UTC')).toBe('2026-11-01');
  });
});

describe('monthly rule', () => {
  const crit = [{ id: 'buddy-checkins', evidence: { rule: 'monthly', type: ['buddy-checkin'], min: 1 } as EvidenceRule }];

  it('counts an entry on the last day of a month for that month, and one on the first of the next for the next', () => {
    const result = evaluateCoverage(
      input({
        criteria: crit,
        cohorts: [{ id: 'c1', start: '2026-09-01', end: '2027-06-30' }],
        asOf: ny('2026-11-15T12:00'),
        entries: [entry('ana', 'buddy-checkin', '2026-09-30'), entry('ana', 'buddy-checkin', '2026-11-01')],
      }),
    );
    const c = cell(result, 'ana', 'buddy-checkins');
    expect(c.progress).toEqual({ have: 2, need: 3 });
    expect(c.status).toBe('in-progress');
    expect(c.missing).toBe('no buddy check-in in October 2026');
    expect(c.summary).toBe('2 of 3 months with a buddy check-in');
  });

  it('names every month without one', () => {
    const result = evaluateCoverage(
      input({ criteria: crit, entries: [entry('ana', 'buddy-checkin', '2026-06-20'), entry('ana', 'buddy-checkin', '2026-07-03'), entry('ana', 'buddy-checkin', '2026-08-31'), entry('ana', 'buddy-checkin', '2026-09-01')] }),
    );
    expect(cell(result, 'ana', 'buddy-checkins').missing).toBe('no buddy check-in in October 2026, November 2026');
  });

  it('requires the month the cohort starts in, and the current month', () => {
    const result = evaluateCoverage(input({ criteria: crit, asOf: ny('2026-07-01T08:00') }));
    const c = cell(result, 'ana', 'buddy-checkins');
    expect(c.progress).toEqual({ have: 0, need: 2 });
    expect(c.status).toBe('none');
    expect(c.missing).toBe('no buddy check-in in June 2026, July 2026');
  });

  it('reads "today" in the program zone: 02:00 UTC on 1 December is still 30 November in New York', () => {
    const result = evaluateCoverage(input({ criteria: crit, asOf: new Date('2026-12-01T02:00:00Z'), cohorts: [{ id: 'c1', start: '2026-11-01', end: '2027-06-30' }] }));
    expect(result.asOf).toBe('2026-11-30');
    expect(cell(result, 'ana', 'buddy-checkins').progress.need).toBe(1);
    const utc = evaluateCoverage(input({ criteria: crit, asOf: new Date('2026-12-01T02:00:00Z'), timeZone: 'UTC', cohorts: [{ id: 'c1', start: '2026-11-01', end: '2027-06-30' }] }));
    expect(utc.asOf).toBe('2026-12-01');
    expect(cell(utc, 'ana', 'buddy-checkins').progress.need).toBe(2);
  });

  it('does not require months before a late joiner joined', () => {
    const result = evaluateCoverage(
      input({
        criteria: crit,
        participants: [{ id: 'teo', cohort: 'c1', joined: '2026-09-01' }],
        entries: [entry('teo', 'buddy-checkin', '2026-09-17'), entry('teo', 'buddy-checkin', '2026-10-15'), entry('teo', 'buddy-checkin', '2026-11-02')],
      }),
    );
    const c = cell(result, 'teo', 'buddy-checkins');
    expect(c.progress).toEqual({ have: 3, need: 3 });
    expect(c.status).toBe('complete');
    expect(c.missing).toBe('');
  });

  it('stops at the cohort end', () => {
    const result = evaluateCoverage(
      input({ criteria: crit, cohorts: [{ id: 'c1', start: '2026-06-14', end: '2026-08-15' }], asOf: ny('2027-01-10T09:00'), entries: [entry('ana', 'buddy-checkin', '2026-06-30'), entry('ana', 'buddy-checkin', '2026-07-30'), entry('ana', 'buddy-checkin', '2026-08-02')] }),
    );
    expect(cell(result, 'ana', 'buddy-checkins').progress).toEqual({ have: 3, need: 3 });
  });

  it('asks for nothing while the cohort start is tba', () => {
    const result = evaluateCoverage(input({ criteria: crit, cohorts: [{ id: 'c1', start: 'tba', end: 'tba' }] }));
    const c = cell(result, 'ana', 'buddy-checkins');
    expect(c.progress).toEqual({ have: 0, need: 0 });
    expect(c.status).toBe('in-progress');
    expect(c.summary).toBe('nothing due yet: no month of the year has begun');
  });

  it('with min 2, names the months with too few', () => {
    const result = evaluateCoverage(
      input({
        criteria: [{ id: 'p', evidence: { rule: 'monthly', type: ['practice-log'], min: 2 } }],
        cohorts: [{ id: 'c1', start: '2026-10-01', end: '2027-06-30' }],
        entries: [entry('ana', 'practice-log', '2026-10-01'), entry('ana', 'practice-log', '2026-10-31'), entry('ana', 'practice-log', '2026-11-03')],
      }),
    );
    const c = cell(result, 'ana', 'p');
    expect(c.missing).toBe('fewer than 2 practice logs in November 2026');
    expect(c.supporting.entries).toHaveLength(3);
  });
});

describe('entries outside the cohort', () => {
  it('do not count and are named in ignored', () => {
    const early = entry('ana', 'coaching', '2026-06-13', { id: 'early' });
    const late = entry('ana', 'coaching', '2027-07-01', { id: 'late' });
    const future = entry('ana', 'coaching', '2026-12-24', { id: 'future' });
    const first = entry('ana', 'coaching', '2026-06-14', { id: 'first-day' });
    const result = evaluateCoverage(input({ entries: [late, early, future, first] }));
    const c = cell(result, 'ana', 'coaching');
    expect(c.supporting.entries).toEqual(['ana/first-day']);
    expect(c.missing).toBe('1 of 3 coaching entries; 2 more needed');
    expect(result.participants.get('ana')?.ignored).toEqual([
      { entry: 'ana/early', date: '2026-06-13', reason: 'before-cohort', message: 'dated 2026-06-13, before the cohort started on 2026-06-14' },
      { entry: 'ana/future', date: '2026-12-24', reason: 'after-as-of', message: 'dated 2026-12-24, after the evaluation date 2026-11-28' },
      { entry: 'ana/late', date: '2027-07-01', reason: 'after-cohort', message: 'dated 2027-07-01, after the cohort ended on 2027-06-30' },
    ]);
  });
});

describe('attendance rule', () => {
  const sessions = [
    session('module-1-workshop', 'workshop', 'Module 1 workshop', '2026-06-14T14:00', 5 * 24 * 60),
    session('module-2-workshop', 'workshop', 'Module 2 workshop', '2026-11-01T14:00', 5 * 24 * 60),
    session('module-3-workshop', 'workshop', 'Module 3 workshop', '2027-06-20T14:00', 5 * 24 * 60),
    session('extra-workshop', 'workshop', 'Extra workshop', undefined),
    session('call-2026-10', 'call', 'Monthly call, October 2026', '2026-10-31T21:00', 120),
    session('call-2026-11', 'call', 'Monthly call, November 2026', '2026-11-10T09:00'),
  ];

  it('says which workshop is missing, and why', () => {
    const result = evaluateCoverage(
      input({
        sessions,
        attendance: [
          { session: 'c1/module-1-workshop', present: ['ana'] },
          { session: 'c1/module-2-workshop', present: [], absent: [{ participant: 'ana', reason: 'family emergency' }] },
        ],
      }),
    );
    const c = cell(result, 'ana', 'workshops');
    expect(c.progress).toEqual({ have: 1, need: 2 });
    expect(c.status).toBe('in-progress');
    expect(c.missing).toBe('1 of 2 workshops attended; missing: Module 2 workshop (absent: family emergency)');
    expect(c.supporting.sessions).toEqual(['c1/module-1-workshop']);
  });

  it('does not require tba sessions, sessions to come, or a session still under way', () => {
    const during = evaluateCoverage(input({ sessions, asOf: ny('2026-11-03T10:00'), attendance: [{ session: 'c1/module-1-workshop', present: ['ana'] }] }));
    const c = cell(during, 'ana', 'workshops');
    expect(c.progress).toEqual({ have: 1, need: 1 });
    expect(c.status).toBe('complete');
    expect(c.missing).toBe('');
  });

  it('a held session without a record is named as not recorded', () => {
    const result = evaluateCoverage(input({ sessions, attendance: [{ session: 'c1/module-1-workshop', present: ['ana'] }] }));
    expect(cell(result, 'ana', 'workshops').missing).toBe('1 of 2 workshops attended; missing: Module 2 workshop (attendance not recorded yet)');
    const other = evaluateCoverage(input({ sessions, attendance: [{ session: 'c1/module-1-workshop', present: ['bo'] }, { session: 'c1/module-2-workshop', present: ['ana'] }] }));
    expect(cell(other, 'ana', 'workshops').missing).toBe('1 of 2 workshops attended; missing: Module 1 workshop (not recorded as present)');
  });

  it('a call at 21:00 New York on 31 October is before a 1 November join date, although it is 1 November in UTC', () => {
    const result = evaluateCoverage(
      input({
        sessions,
        participants: [{ id: 'teo', cohort: 'c1', joined: '2026-11-01' }],
        attendance: [
          { session: 'c1/call-2026-10', present: [], absent: [{ participant: 'teo', reason: 'not yet a participant' }] },
          { session: 'c1/call-2026-11', present: ['teo'] },
        ],
      }),
    );
    const c = cell(result, 'teo', 'calls');
    expect(c.progress).toEqual({ have: 1, need: 1 });
    expect(c.status).toBe('complete');
    expect(c.summary).toBe('1 of 1 call attended since joining');
  });

  it('the same call is required of someone who joined on 31 October', () => {
    const result = evaluateCoverage(input({ sessions, participants: [{ id: 'teo', cohort: 'c1', joined: '2026-10-31' }], attendance: [{ session: 'c1/call-2026-11', present: ['teo'] }] }));
    expect(cell(result, 'teo', 'calls').missing).toBe('1 of 2 calls attended; missing: Monthly call, October 2026 (attendance not recorded yet)');
  });

  it('before anything is held, nothing is due', () => {
    const result = evaluateCoverage(input({ sessions, asOf: ny('2026-06-01T09:00') }));
    const c = cell(result, 'ana', 'workshops');
    expect(c).toMatchObject({ status: 'in-progress', missing: '', summary: 'nothing due yet: no workshop held', progress: { have: 0, need: 0 } });
  });

  it('nothing attended is none', () => {
    const result = evaluateCoverage(input({ sessions, attendance: [{ session: 'c1/module-1-workshop', present: [] }] }));
    expect(cell(result, 'ana', 'workshops').status).toBe('none');
  });

  it('sessions of another cohort are not required', () => {
    const result = evaluateCoverage(input({ sessions: sessions.map((s) => ({ ...s, cohort: 'c2', id: s.id.replace('c1/', 'c2/') })) }));
    expect(cell(result, 'ana', 'workshops').progress.need).toBe(0);
  });
});

describe('project rule: the two approval steps', () => {
  const proposal = entry('ana', 'application-project', '2026-05-20', { stage: 'proposal', id: 'proposal' });
  const update = entry('ana', 'application-project', '2026-09-02', { stage: 'update', id: 'update' });
  const review = { entry: 'ana/proposal', step: 'review', by: ['peter-m-senge'], date: '2026-06-02' } as const;
  const final = { entry: 'ana/proposal', step: 'final', by: ['peter-m-senge', 'mette-miriam-boell'], date: '2026-07-20' } as const;
  const REVIEW_MISSING = 'reviewed before the year: not recorded';
  const FINAL_MISSING = 'finalised after the first workshop: not recorded';

  it('no proposal: none, and both steps named as missing', () => {
    const c = cell(evaluateCoverage(input()), 'ana', 'application-project');
    expect(c).toMatchObject({ status: 'none', missing: `no application project proposal yet; ${REVIEW_MISSING}; ${FINAL_MISSING}`, progress: { have: 0, need: 2 } });
    expect(c.project).toEqual({ proposal: undefined, review: undefined, final: undefined, missing: ['review', 'final'] });
  });
  it('a proposal with no step recorded names both steps', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal, update] })), 'ana', 'application-project');
    expect(c).toMatchObject({ status: 'in-progress', missing: `${REVIEW_MISSING}; ${FINAL_MISSING}`, progress: { have: 0, need: 2 } });
    expect(c.supporting.entries).toEqual(['ana/proposal', 'ana/update']);
  });
  it('reviewed but not finalised names the final step only', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal, update], approvals: [review] })), 'ana', 'application-project');
    expect(c).toMatchObject({ status: 'in-progress', missing: FINAL_MISSING, progress: { have: 1, need: 2 } });
    expect(c.summary).toBe(`proposal written; reviewed before the year: 2026-06-02; ${FINAL_MISSING}`);
    expect(c.project).toMatchObject({ proposal: 'ana/proposal', review: { date: '2026-06-02', by: ['peter-m-senge'] }, missing: ['final'] });
  });
  it('finalised without a recorded review names the review step', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal], approvals: [final] })), 'ana', 'application-project');
    expect(c).toMatchObject({ status: 'in-progress', missing: REVIEW_MISSING, progress: { have: 1, need: 2 } });
  });
  it('both steps: complete, with who and when', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal, update], approvals: [final, review] })), 'ana', 'application-project');
    expect(c).toMatchObject({ status: 'complete', missing: '', summary: 'proposal written; reviewed before the year: 2026-06-02; finalised after the first workshop: 2026-07-20' });
    expect(c.project).toEqual({
      proposal: 'ana/proposal',
      review: { date: '2026-06-02', by: ['peter-m-senge'] },
      final: { date: '2026-07-20', by: ['peter-m-senge', 'mette-miriam-boell'] },
      missing: [],
    });
  });
  it('a step dated after the evaluation date does not count yet', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal], approvals: [review, { ...final, date: '2026-12-01' }] })), 'ana', 'application-project');
    expect(c.missing).toBe(FINAL_MISSING);
  });
  it('steps of someone else’s proposal do not count', () => {
    const c = cell(evaluateCoverage(input({ entries: [proposal], approvals: [{ ...review, entry: 'bo/proposal' }, { ...final, entry: 'bo/proposal' }] })), 'ana', 'application-project');
    expect(c.progress.have).toBe(0);
  });
  it('steps split over two proposals do not make one approved project', () => {
    const second = entry('ana', 'application-project', '2026-05-28', { stage: 'proposal', id: 'proposal-2' });
    const c = cell(evaluateCoverage(input({ entries: [proposal, second], approvals: [review, { ...final, entry: 'ana/proposal-2' }] })), 'ana', 'application-project');
    expect(c.status).toBe('in-progress');
    expect(c.progress.have).toBe(1);
  });
  it('a proposal written before the year counts; other entries before the year do not', () => {
    const early = entry('ana', 'reflection', '2026-05-20', { id: 'early' });
    const result = evaluateCoverage(input({ entries: [proposal, early], approvals: [review, final] }));
    expect(cell(result, 'ana', 'application-project').status).toBe('complete');
    expect(result.participants.get('ana')?.ignored.map((i) => i.entry)).toEqual(['ana/early']);
  });
  it('with the final report as a rule of its own, the criterion needs both', () => {
    const criteria = [
      {
        id: 'application-project',
        evidence: {
          rule: 'all',
          rules: [
            { rule: 'project' },
            { rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false },
          ],
        } satisfies EvidenceRule,
      },
    ];
    const report = entry('ana', 'application-project', '2026-11-20', { stage: 'final-report', id: 'final-report' });
    const without = cell(evaluateCoverage(input({ criteria, entries: [proposal], approvals: [review, final] })), 'ana', 'application-project');
    expect(without).toMatchObject({ status: 'in-progress', missing: 'no application project final report yet; 1 needed' });
    expect(without.project?.missing).toEqual([]);
    const done = cell(evaluateCoverage(input({ criteria, entries: [proposal, report], approvals: [review, final] })), 'ana', 'application-project');
    expect(done.status).toBe('complete');
  });
});

describe('rule sources', () => {
  it('says of each cell whether its rule is the program’s, the faculty’s, or still a proposal', () => {
    const criteria: { id: string; evidence: EvidenceRule }[] = [
      { id: 'stated', evidence: { rule: 'attendance', kind: 'workshop', source: { brochure: 'Be present at all three face-to-face sessions (15 days total).', section: 'Participant commitments' } } },
      { id: 'decided', evidence: { rule: 'entries', type: ['coaching'], min: 3, tagged: false, source: { faculty: { by: ['peter-m-senge'], date: '2026-07-01' } } } },
      {
        id: 'partly-proposed',
        evidence: {
          rule: 'all',
          rules: [
            { rule: 'project', source: { brochure: 'We expect to review proposed projects prior to commencing the year-long process and to finalize them after the first workshop.', section: 'Program structure' } },
            { rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false, source: { proposal: 'A final report is proposed.' } },
          ],
        },
      },
    ];
    const result = evaluateCoverage(input({ criteria }));
    expect(['stated', 'decided', 'partly-proposed'].map((id) => cell(result, 'ana', id).basis)).toEqual(['brochure', 'faculty', 'proposal']);
  });
});

describe('entries rule', () => {
  it('counts entries of any of the listed types', () => {
    const result = evaluateCoverage(input({ entries: [entry('ana', 'reflection', '2026-07-01'), entry('ana', 'workshop-reflection', '2026-06-20'), entry('ana', 'coaching', '2026-07-01')] }));
    const c = cell(result, 'ana', 'reflective-portfolio');
    expect(c.status).toBe('complete');
    expect(c.supporting.entries).toHaveLength(2);
    expect(c.summary).toBe('2 reflections or workshop reflections (2 needed)');
  });
  it('none, in progress and complete', () => {
    const coaching = (k: number) => Array.from({ length: k }, (_, i) => entry('ana', 'coaching', `2026-07-0${i + 1}`));
    expect(cell(evaluateCoverage(input()), 'ana', 'coaching')).toMatchObject({ status: 'none', missing: 'no coaching entry yet; 3 needed' });
    expect(cell(evaluateCoverage(input({ entries: coaching(2) })), 'ana', 'coaching')).toMatchObject({ status: 'in-progress', progress: { have: 2, need: 3 } });
    expect(cell(evaluateCoverage(input({ entries: coaching(4) })), 'ana', 'coaching')).toMatchObject({ status: 'complete', progress: { have: 3, need: 3 }, missing: '' });
  });
  it('tagged counts only entries listing the criterion; stage narrows to one project stage', () => {
    const result = evaluateCoverage(
      input({
        criteria: [
          { id: 'tagged', evidence: { rule: 'entries', type: ['reflection'], min: 1, tagged: true } },
          { id: 'finals', evidence: { rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false } },
        ],
        entries: [entry('ana', 'reflection', '2026-07-01', { criteria: ['other'] }), entry('ana', 'application-project', '2026-07-01', { stage: 'proposal' })],
      }),
    );
    expect(cell(result, 'ana', 'tagged').missing).toBe('no reflection listing tagged yet; 1 needed');
    expect(cell(result, 'ana', 'finals').missing).toBe('no application project final report yet; 1 needed');
  });
});

describe('all rule', () => {
  it('combines its rules', () => {
    const rule: EvidenceRule = {
      rule: 'all',
      rules: [
        { rule: 'entries', type: ['coaching'], min: 1, tagged: false },
        { rule: 'project' },
      ],
    };
    const c = cell(evaluateCoverage(input({ criteria: [{ id: 'x', evidence: rule }], entries: [entry('ana', 'coaching', '2026-07-01', { id: 'c' })] })), 'ana', 'x');
    expect(c).toMatchObject({
      status: 'in-progress',
      progress: { have: 1, need: 3 },
      missing: 'no application project proposal yet; reviewed before the year: not recorded; finalised after the first workshop: not recorded',
      supporting: { entries: ['ana/c'], sessions: [] },
    });
  });
});

describe('scale', () => {
  it('evaluates a large cohort quickly (indexes, not a scan per cell)', () => {
    const participants = Array.from({ length: 400 }, (_, i) => ({ id: `p${i}`, cohort: 'c1' }));
    const types: EntryType[] = ['reflection', 'coaching', 'buddy-checkin', 'practice-log', 'workshop-reflection'];
    const entries: CoverageEntry[] = [];
    for (const p of participants) {
      for (let k = 0; k < 150; k++) {
        const day = String((k % 28) + 1).padStart(2, '0');
        const month = String((k % 5) + 7).padStart(2, '0');
        entries.push({ id: `${p.id}/e${k}`, participant: p.id, type: types[k % types.length] ?? 'reflection', date: `2026-${month}-${day}`, criteria: ['coaching'] });
      }
    }
    const started = performance.now();
    const result = evaluateCoverage(input({ participants, entries }));
    const ms = performance.now() - started;
    expect(result.participants.size).toBe(400);
    expect(ms).toBeLessThan(3000);
  });
});
