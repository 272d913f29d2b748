/**
 * The coordinator's to-do list, scenario by scenario: what is due on a given day, from when, and
 * what resolves it. Each scenario starts from one small cohort whose records are complete, changes
 * one thing, and checks that exactly that one thing is listed.
 */
import { describe, expect, it } from 'vitest';
import { endOfProgramDay } from '../../../src/lib/build-date.ts';
import {
  computeTodo,
  cycleEnd,
  todoInputFromContent,
  type TodoContentItem,
  type TodoInput,
  type TodoItem,
} from '../../../src/lib/coordinator/todo.ts';
import { actionPath } from '../../../src/lib/coordinator/forms.ts';

const COHORT = { id: 'c2030', title: 'Cycle 2030', start: '2030-06-10', end: '2031-06-30', demo: false };

/** A cohort of two buddies with every record complete on 1 December 2030. */
function complete(): TodoInput {
  return {
    today: '2030-12-01',
    now: endOfProgramDay('2030-12-01'),
    cohorts: [COHORT],
    modules: [
      { id: 'm1', number: 1 },
      { id: 'm2', number: 2 },
      { id: 'm3', number: 3 },
    ],
    sessions: [
      { id: 'c2030/ws1', cohort: 'c2030', kind: 'workshop', title: 'Workshop 1', module: 'm1', start: '2030-06-10T14:00', end: '2030-06-15T12:00', timeZone: 'America/New_York', demo: false },
      { id: 'c2030/call-11', cohort: 'c2030', kind: 'call', title: 'Call, November', module: 'm1', start: '2030-11-12T09:00', durationMinutes: 180, timeZone: 'America/New_York', demo: false },
      { id: 'c2030/ws2', cohort: 'c2030', kind: 'workshop', title: 'Workshop 2', module: 'm2', start: '2031-01-20T14:00', end: '2031-01-25T12:00', timeZone: 'America/New_York', demo: false },
      { id: 'c2030/ws3', cohort: 'c2030', kind: 'workshop', title: 'Workshop 3', module: 'm3', start: '2031-06-20T14:00', end: '2031-06-25T12:00', timeZone: 'America/New_York', demo: false },
    ],
    attendance: [
      { id: 'c2030/ws1', present: ['ana', 'ben'], absent: [] },
      { id: 'c2030/call-11', present: ['ana'], absent: [{ participant: 'ben' }] },
    ],
    participants: [
      { id: 'ana', name: 'Ana', cohort: 'c2030', buddies: ['ben'], gitHandle: 'ana', demo: false },
      { id: 'ben', name: 'Ben', cohort: 'c2030', buddies: ['ana'], gitHandle: 'ben', demo: false },
    ],
    proposals: [
      { id: 'ana/proposal', participant: 'ana', title: 'Ana’s project', date: '2030-05-01' },
      { id: 'ben/proposal', participant: 'ben', title: 'Ben’s project', date: '2030-05-02' },
    ],
    approvals: [
      { entry: 'ana/proposal', step: 'review', date: '2030-05-20' },
      { entry: 'ana/proposal', step: 'final', date: '2030-07-01' },
      { entry: 'ben/proposal', step: 'review', date: '2030-05-20' },
      { entry: 'ben/proposal', step: 'final', date: '2030-07-01' },
    ],
    assessments: [],
    decisions: [],
  };
}

function on(input: TodoInput, day: string): TodoInput {
  return { ...input, today: day, now: endOfProgramDay(day) };
}

const keys = (items: TodoItem[]) => items.map((i) => i.key);

describe('the coordinator’s to-do list', () => {
  it('is empty when every record is complete', () => {
    expect(computeTodo(complete())).toEqual([]);
  });

  describe('attendance', () => {
    it('lists a session once it is over, and not while it is still going on', () => {
      const input = complete();
      input.attendance = input.attendance.filter((a) => a.id !== 'c2030/call-11');
      // the call runs 09:00–12:00 New York time on 12 November 2030
      expect(keys(computeTodo({ ...input, today: '2030-11-12', now: new Date('2030-11-12T16:59:00Z') }))).toEqual([]);
      const items = computeTodo({ ...input, today: '2030-11-12', now: new Date('2030-11-12T17:00:00Z') });
      expect(items).toEqual([
        expect.objectContaining({
          key: 'attendance:c2030/call-11',
          subject: 'Call, November',
          missing: 'held on 12 November 2030; no attendance recorded',
          due: '2030-11-12',
          action: { form: 'attendance', params: { session: 'c2030/call-11' }, label: 'Record attendance' },
        }),
      ]);
      expect(actionPath(items[0]!.action)).toBe('/coordinator/attendance/?session=c2030%2Fcall-11');
    });

    it('lists a record that leaves out a participant, naming them', () => {
      const input = complete();
      input.participants = [...input.participants, { id: 'cai', name: 'Cai', cohort: 'c2030', buddies: ['ana'], gitHandle: 'cai', demo: false }];
      expect(computeTodo(input).filter((i) => i.kind === 'attendance')).toEqual([
        expect.objectContaining({ key: 'attendance:c2030/ws1', missing: 'held on 10 June 2030; the attendance record does not say whether Cai was there', action: expect.objectContaining({ label: 'Complete the attendance' }) }),
        expect.objectContaining({ key: 'attendance:c2030/call-11' }),
      ]);
    });

    it('asks nothing of participants who joined after a session, nor of a cohort nobody had joined', () => {
      const input = complete();
      input.participants = [...input.participants, { id: 'cai', name: 'Cai', cohort: 'c2030', buddies: ['ana'], gitHandle: 'cai', joined: '2030-12-01', demo: false }];
      expect(computeTodo(input).filter((i) => i.kind === 'attendance')).toEqual([]);
      const empty = complete();
      empty.participants = [];
      empty.attendance = [];
      empty.proposals = [];
      empty.approvals = [];
      expect(computeTodo(empty)).toEqual([]);
    });
  });

  describe('sessions to announce', () => {
    function withTbaCall(): TodoInput {
      const input = complete();
      input.sessions = [...input.sessions, { id: 'c2030/call-02', cohort: 'c2030', kind: 'call', title: 'Call, February', module: 'm2', start: 'tba', timeZone: 'America/New_York', demo: false }];
      return input;
    }

    it('lists a tba session from 30 days before its module begins', () => {
      // module 2's workshop starts on 20 January 2031
      expect(computeTodo(on(withTbaCall(), '2030-12-20'))).toEqual([]);
      expect(computeTodo(on(withTbaCall(), '2030-12-21'))).toEqual([
        expect.objectContaining({
          key: 'tba:c2030/call-02',
          missing: 'still to be announced; its module begins on 20 January 2031',
          due: '2030-12-21',
          action: { form: 'session', params: { session: 'c2030/call-02' }, label: 'Announce the session' },
        }),
      ]);
    });

    it('counts from the start of the cycle when the module has no date either', () => {
      const input = withTbaCall();
      input.sessions = input.sessions.map((s) => (s.id === 'c2030/ws2' ? { ...s, start: 'tba', end: undefined } : s));
      input.attendance = [];
      const items = computeTodo(on({ ...input, attendance: [], participants: [] }, '2030-05-11'));
      expect(items.map((i) => [i.key, i.missing])).toEqual([
        ['tba:c2030/call-02', 'still to be announced; the cycle begins on 10 June 2030'],
        ['tba:c2030/ws2', 'still to be announced; the cycle begins on 10 June 2030'],
      ]);
      expect(computeTodo(on({ ...input, participants: [] }, '2030-05-10'))).toEqual([]);
    });

    it('stops once the cycle is over, also when its end was never written (a year after its start)', () => {
      expect(computeTodo(on({ ...withTbaCall(), participants: [], attendance: [] }, '2031-07-01'))).toEqual([]);
      expect(cycleEnd({ start: '2030-06-10', end: 'tba' })).toBe('2031-06-09');
      expect(cycleEnd({ start: '2028-02-29', end: 'tba' })).toBe('2029-02-27');
      expect(cycleEnd({ start: 'tba', end: 'tba' })).toBeUndefined();
      const open = { ...withTbaCall(), cohorts: [{ ...COHORT, end: 'tba' }], participants: [], attendance: [] };
      expect(keys(computeTodo(on(open, '2031-06-09')))).toContain('tba:c2030/call-02');
      expect(keys(computeTodo(on(open, '2031-06-10')))).toEqual([]);
    });
  });

  describe('enrolments', () => {
    it('lists a participant without buddies or without a git handle, with both gaps in words', () => {
      const input = complete();
      input.participants = [...input.participants, { id: 'cai', name: 'Cai', cohort: 'c2030', buddies: [], demo: false, joined: '2030-11-30' }];
      input.proposals = [...input.proposals, { id: 'cai/p', participant: 'cai', title: 'Cai’s project', date: '2030-11-01' }];
      input.approvals = [...input.approvals, { entry: 'cai/p', step: 'review', date: '2030-11-02' }, { entry: 'cai/p', step: 'final', date: '2030-11-30' }];
      expect(computeTodo(input)).toEqual([
        expect.objectContaining({
          key: 'participant:cai',
          missing: 'no buddies; no git handle, so they cannot send entries yet',
          due: '2030-11-30',
          action: { form: 'enrol', params: { participant: 'cai' }, label: 'Complete the enrolment' },
        }),
      ]);
      expect(actionPath(computeTodo(input)[0]!.action)).toBe('/coordinator/enrol/?participant=cai');
    });
  });

  describe('application projects', () => {
    it('asks for the review from 30 days before the year, and for the final step once the first workshop is over', () => {
      const input = complete();
      input.approvals = [];
      input.attendance = [];
      expect(computeTodo(on(input, '2030-05-10'))).toEqual([]);
      expect(computeTodo(on(input, '2030-05-11')).map((i) => [i.key, i.missing, i.action.params])).toEqual([
        ['approval:ana/proposal', 'reviewed before the year: not recorded', { entry: 'ana/proposal', step: 'review' }],
        ['approval:ben/proposal', 'reviewed before the year: not recorded', { entry: 'ben/proposal', step: 'review' }],
      ]);
      input.approvals = [{ entry: 'ana/proposal', step: 'review', date: '2030-05-20' }];
      const afterWorkshop = computeTodo(on(input, '2030-06-16')).filter((i) => i.kind === 'approval');
      expect(afterWorkshop.map((i) => [i.key, i.missing, i.action.params['step']])).toEqual([
        ['approval:ben/proposal', 'reviewed before the year: not recorded; finalised after the first workshop: not recorded', 'review'],
        ['approval:ana/proposal', 'finalised after the first workshop: not recorded', 'final'],
      ]);
    });

    it('judges the proposal that is furthest on, and lists a participant with no proposal with a link to the composer', () => {
      const input = complete();
      input.proposals = [...input.proposals, { id: 'ana/second', participant: 'ana', title: 'A second idea', date: '2030-09-01' }];
      expect(computeTodo(input)).toEqual([]);
      input.proposals = input.proposals.filter((p) => p.participant !== 'ben');
      const items = computeTodo(input);
      expect(items).toEqual([expect.objectContaining({ key: 'approval:ben', action: { form: 'compose', params: { participant: 'ben', type: 'application-project' }, label: 'Open the composer for them' } })]);
      expect(actionPath(items[0]!.action)).toBe('/compose/?participant=ben&type=application-project');
    });

    it('asks a late joiner’s review from their joining, and their final step once they have joined', () => {
      const input = complete();
      input.participants = [...input.participants, { id: 'cai', name: 'Cai', cohort: 'c2030', buddies: ['ana'], gitHandle: 'cai', joined: '2030-09-01', demo: false }];
      input.proposals = [...input.proposals, { id: 'cai/p', participant: 'cai', title: 'Cai’s project', date: '2030-07-20' }];
      expect(computeTodo(on(input, '2030-08-01')).filter((i) => i.kind === 'approval')).toEqual([]);
      expect(computeTodo(on(input, '2030-08-02')).filter((i) => i.kind === 'approval').map((i) => i.missing)).toEqual(['reviewed before the year: not recorded']);
      expect(computeTodo(on(input, '2030-09-01')).filter((i) => i.kind === 'approval').map((i) => i.missing)).toEqual([
        'reviewed before the year: not recorded; finalised after the first workshop: not recorded',
      ]);
    });
  });

  describe('graduation', () => {
    it('asks for two assessments of each participant from 60 days before the graduation workshop, until they are certified', () => {
      const input = complete();
      // graduation (module 3's workshop) begins on 20 June 2031
      input.attendance = [];
      const quiet = (day: string) => computeTodo(on({ ...input, attendance: input.attendance }, day)).filter((i) => i.kind === 'assessment');
      expect(quiet('2031-04-20')).toEqual([]);
      expect(quiet('2031-04-21').map((i) => [i.key, i.missing, i.due])).toEqual([
        ['assessment:ana', 'assessed by 0 faculty members; a decision needs 2 (graduation begins on 20 June 2031)', '2031-04-21'],
        ['assessment:ben', 'assessed by 0 faculty members; a decision needs 2 (graduation begins on 20 June 2031)', '2031-04-21'],
      ]);
      input.assessments = [
        { participant: 'ana', assessor: 'f1', date: '2031-05-01' },
        { participant: 'ana', assessor: 'f2', date: '2031-05-01' },
        { participant: 'ben', assessor: 'f1', date: '2031-05-01' },
      ];
      input.decisions = [{ id: 'ben/2031-05-01', participant: 'ben', outcome: 'certified', date: '2031-05-01', released: '2031-05-02' }];
      expect(quiet('2031-05-10')).toEqual([]);
    });

    it('counts a participant faculty have begun to assess as in graduation, whatever the date', () => {
      const input = complete();
      input.assessments = [{ participant: 'ana', assessor: 'f1', date: '2030-11-30' }];
      expect(computeTodo(input)).toEqual([
        expect.objectContaining({ key: 'assessment:ana', missing: 'assessed by 1 faculty member; a decision needs 2 (graduation begins on 20 June 2031)', action: { form: 'assess', params: { participant: 'ana' }, label: 'Record an assessment' } }),
      ]);
      expect(actionPath(computeTodo(input)[0]!.action)).toBe('/evidence/ana/assess/');
    });
  });

  describe('decisions and credentials', () => {
    it('lists a further-work decision to release and a certified one whose credential waits for its release, not a released one', () => {
      const input = complete();
      input.assessments = ['ana', 'ben'].flatMap((p) => [{ participant: p, assessor: 'f1', date: '2030-11-15' }, { participant: p, assessor: 'f2', date: '2030-11-15' }]);
      input.decisions = [
        { id: 'ana/2030-11-20', participant: 'ana', outcome: 'further-work', date: '2030-11-20' },
        { id: 'ben/2030-11-21', participant: 'ben', outcome: 'certified', date: '2030-11-21' },
      ];
      expect(computeTodo(input).map((i) => [i.kind, i.key, i.missing, actionPath(i.action)])).toEqual([
        ['release', 'release:ana/2030-11-20', 'further work decided on 20 November 2030; not released to the participant yet', '/coordinator/release/?decision=ana%2F2030-11-20'],
        ['credential', 'credential:ben/2030-11-21', 'certified on 21 November 2030; the credential is issued once the decision is released', '/coordinator/release/?decision=ben%2F2030-11-21'],
      ]);
      // a release date set for a later day is done: the build issues the credential on that day
      input.decisions = input.decisions.map((d) => ({ ...d, released: '2030-12-24' }));
      expect(computeTodo(input)).toEqual([]);
      // a build as of an earlier day sees neither the decisions nor the assessments written after it
      const earlier = { ...input, decisions: input.decisions.map(({ released: _r, ...d }) => d) };
      expect(keys(computeTodo(on(earlier, '2030-11-20')))).toEqual(['release:ana/2030-11-20']);
      expect(keys(computeTodo(on(earlier, '2030-11-14')))).toEqual([]);
    });
  });

  it('reads content files as the build’s collections give them (two-step approvals by their path)', () => {
    const items: TodoContentItem[] = [
      { collection: 'cohorts', id: 'c2030', demo: true, data: { title: 'Cycle', start: '2030-06-10', end: '2031-06-30' } },
      { collection: 'modules', id: 'm1', demo: false, data: { number: 1, title: 'M1' } },
      { collection: 'sessions', id: 'c2030/ws1', demo: true, data: { kind: 'workshop', title: 'W1', module: 'm1', start: '2030-06-10T14:00', end: '2030-06-15T12:00', timeZone: 'Europe/Copenhagen', resources: [], speakers: [] } },
      { collection: 'participants', id: 'ana', demo: true, data: { name: 'Ana', cohort: 'c2030', buddies: [], gitHandle: 'ana' } },
      { collection: 'portfolios', id: 'ana/proposal', demo: true, data: { type: 'application-project', stage: 'proposal', title: 'P', date: '2030-05-01' } },
      { collection: 'portfolios', id: 'ana/update', demo: true, data: { type: 'application-project', stage: 'update', title: 'U', date: '2030-09-01' } },
      { collection: 'approvals', id: 'ana/proposal/review', demo: true, data: { by: ['f1'], date: '2030-05-20' } },
      { collection: 'decisions', id: 'ana/2030-11-20', demo: true, data: { outcome: 'further-work', date: '2030-11-20', panel: ['f1', 'f2'] } },
    ];
    const input = todoInputFromContent(items, { today: '2030-12-01', now: endOfProgramDay('2030-12-01') });
    expect(input.proposals).toEqual([{ id: 'ana/proposal', participant: 'ana', title: 'P', date: '2030-05-01' }]);
    expect(input.approvals).toEqual([{ entry: 'ana/proposal', step: 'review', date: '2030-05-20' }]);
    expect(input.sessions).toEqual([expect.objectContaining({ id: 'c2030/ws1', cohort: 'c2030', kind: 'workshop', timeZone: 'Europe/Copenhagen', demo: true })]);
    // with one module, its workshop is also the graduation workshop
    expect(computeTodo(input).map((i) => [i.key, i.missing, i.demo])).toEqual([
      ['attendance:c2030/ws1', 'held on 10 June 2030; no attendance recorded', true],
      ['participant:ana', 'no buddies', true],
      ['approval:ana/proposal', 'finalised after the first workshop: not recorded', true],
      ['assessment:ana', 'assessed by 0 faculty members; a decision needs 2 (graduation begins on 10 June 2030)', true],
      ['release:ana/2030-11-20', 'further work decided on 20 November 2030; not released to the participant yet', true],
    ]);
  });
});
