/**
 * The files the coordinator's forms write: a new file reads back exactly as typed, whatever was
 * typed; a changed file keeps its comments and everything the form did not change; the next cycle
 * carries the previous one over a year on; and the text survives the trip to the git host in a
 * prefilled link.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { changedFields, contentFilePath, DEMO_HEADER, editYamlFile, newYamlFile, yamlData } from '../../../src/lib/coordinator/files.ts';
import { nextCycle, nextYearDate } from '../../../src/lib/coordinator/cycle.ts';
import { checkFormFile, contextRecord, type ContextRecord } from '../../../src/lib/coordinator/check.ts';
import { parseSource } from '../../../src/lib/source-file.ts';
import { editLocation, newFileUrl } from '../../../src/lib/edit-links.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { fromSession, toData as sessionData, type SessionData } from '../../../src/islands/coordinator/SessionForm.tsx';
import { fromParticipant, toData as participantData, type ParticipantData } from '../../../src/islands/coordinator/EnrolForm.tsx';
import { fromPrevious, toData as cycleData } from '../../../src/islands/coordinator/CycleForm.tsx';
import { attendanceData } from '../../../src/islands/coordinator/AttendanceForm.tsx';

/** Text people type that YAML, a parser or a URL could take for something else. */
const HOSTILE = [
  'Call: systems mapping',
  'Title # not a comment',
  '"quoted" and \'single\'',
  '- not a list item',
  '* not an alias',
  '&anchor and *alias',
  '!!str tagged',
  '!local tag',
  '{ not: a map }',
  '[not, a, list]',
  '% directive',
  '@at the start',
  '`backticks`',
  'yes',
  'No',
  'null',
  '~',
  '1.0',
  '0x1F',
  '1e3',
  '2026-01-01',
  '12:30',
  '---',
  '...',
  'ends with a colon:',
  'trailing space ',
  ' leading space',
  'tab\tinside',
  'line one\nline two',
  'para one\n\n---\n\npara two after a rule',
  'back\\slash and \\n not a newline',
  'Ünïcödé, 日本語, עברית‏ and 🌱',
  '<script>alert(1)</script>',
  '&amp; &lt;',
  'javascript:alert(1)',
  '%0A%0D encoded',
  'a'.repeat(190),
];

const ROOT_RECORDS = readContent(PROJECT_ROOT, { gate: false }).records;
const CONTEXT: ContextRecord[] = ROOT_RECORDS.flatMap((r) => {
  const slim = contextRecord(r.collection, r.id, r.file, r.demo, r.data);
  return slim ? [slim] : [];
});

describe('a new file written by a form', () => {
  it('reads back exactly as typed, for text YAML could mistake for something else', () => {
    for (const value of HOSTILE) {
      const text = newYamlFile({ title: value, list: [value, 'plain'], nested: { reason: value } }, [DEMO_HEADER]);
      const parsed = parseSource('content/demo/sessions/demo-2026/x.yaml', text);
      expect(parsed.problems, `${JSON.stringify(value)}\n${text}`).toEqual([]);
      expect(parsed.data, `${JSON.stringify(value)}\n${text}`).toEqual({ title: value, list: [value, 'plain'], nested: { reason: value } });
      expect(text.startsWith(`# ${DEMO_HEADER}\n`)).toBe(true);
    }
  });

  it('writes ambiguous words in quotes, lists of ids on one line, and leaves out what is undefined', () => {
    expect(newYamlFile({ a: 'yes', b: 'off', c: ['x', 'z'], d: undefined, e: [{ participant: 'x', reason: 'ill' }], f: false })).toBe(
      'a: "yes"\nb: "off"\nc: [x, z]\ne:\n  - participant: x\n    reason: ill\nf: false\n',
    );
  });

  it('passes npm run validate’s check as a session whose title, theme and pre-work are hostile text, and survives a prefilled link', () => {
    for (const value of HOSTILE) {
      const oneLine = value.replace(/[\n\r\t]/g, ' ').trim().slice(0, 160);
      const data = {
        kind: 'call',
        title: oneLine,
        module: 'compassionate-integrity',
        start: '2027-01-12T09:00',
        durationMinutes: 180,
        timeZone: 'America/New_York',
        platform: 'Zoom',
        theme: oneLine,
        prework: value,
      };
      const path = contentFilePath('sessions', 'demo-2026/call-extra', true);
      const text = newYamlFile(data, [DEMO_HEADER]);
      expect(checkFormFile(path, text, CONTEXT), `${JSON.stringify(value)}\n${text}`).toEqual([]);
      const url = new URL(newFileUrl(editLocation(path, { program: { url: 'https://github.com/o/r', branch: 'main' } }), text));
      expect(url.searchParams.get('filename')).toBe(path);
      expect(url.searchParams.get('value')).toBe(text);
    }
  });

  it('goes where the collection’s files go, under content/demo/ for demo records', () => {
    expect(contentFilePath('attendance', 'demo-2026/call-2026-12', true)).toBe('content/demo/attendance/demo-2026/call-2026-12.yaml');
    expect(contentFilePath('approvals', 'maria-lopez/project-proposal/review', false)).toBe('content/approvals/maria-lopez/project-proposal/review.yaml');
    expect(contentFilePath('cohorts', '2021-2022', false)).toBe('content/cohorts/2021-2022.yaml');
  });
});

describe('an existing file changed by a form', () => {
  const decision = 'content/demo/decisions/haruka-kumonoue/2026-11-27.yaml';

  it('adds a release date and keeps every other line as it was', () => {
    const before = readFileSync(join(PROJECT_ROOT, decision), 'utf8');
    const after = editYamlFile(before, { released: '2026-12-15' });
    expect(after).toBe(`${before}released: 2026-12-15\n`);
    expect(checkFormFile(decision, after, CONTEXT)).toEqual([]);
  });

  it('adds a revocation as a block and refuses one before the release, with the validator’s message', () => {
    const file = 'content/demo/decisions/tilde-fjordholm/2026-11-26.yaml';
    const before = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const after = editYamlFile(before, { revoked: { date: '2027-01-05', reason: 'Certified in error: the final report was not theirs.' } });
    expect(after).toBe(`${before}revoked:\n  date: 2027-01-05\n  reason: "Certified in error: the final report was not theirs."\n`);
    expect(checkFormFile(file, after, CONTEXT)).toEqual([]);
    const early = editYamlFile(before, { revoked: { date: '2026-11-01', reason: 'x' } });
    expect(checkFormFile(file, early, CONTEXT).map((p) => p.message)).toEqual([
      'revoked.date: revoked date (2026-11-01) is before the credential was issued (released: 2026-11-27); write a date on or after it, for example date: 2026-11-27',
    ]);
  });

  it('keeps the header comment when the first field is removed, and a comment above a removed field', () => {
    const text = '# DEMO CONTENT: a header\nteam: Old team\nname: Ana\n# the consent line\npublicProfile: true\nalumnus: false\n';
    expect(editYamlFile(text, { team: undefined })).toBe('# DEMO CONTENT: a header\nname: Ana\n# the consent line\npublicProfile: true\nalumnus: false\n');
    expect(editYamlFile(text, { publicProfile: undefined })).toBe('# DEMO CONTENT: a header\nteam: Old team\nname: Ana\n# the consent line\nalumnus: false\n');
    expect(editYamlFile(text, { name: 'Ana: “the” one', alumnus: false })).toBe('# DEMO CONTENT: a header\nteam: Old team\nname: "Ana: “the” one"\n# the consent line\npublicProfile: true\nalumnus: false\n');
  });

  it('changes only the lines of the fields a form changed, for every session and participant file', () => {
    const sessions = ROOT_RECORDS.filter((r) => r.collection === 'sessions');
    const participants = ROOT_RECORDS.filter((r) => r.collection === 'participants');
    expect(sessions.length).toBeGreaterThan(10);
    for (const r of sessions) {
      const text = readFileSync(join(PROJECT_ROOT, r.file), 'utf8');
      const opened = fromSession(r.id, r.data as unknown as SessionData);
      // opened and sent unchanged: the same file
      expect(editYamlFile(text, changedFields(sessionData(opened), sessionData(opened))), r.file).toBe(text);
      // the theme changed: one line differs
      const changed = editYamlFile(text, changedFields(sessionData(opened), sessionData({ ...opened, theme: 'A new theme: listening' })));
      const diff = changed.split('\n').filter((line) => !text.split('\n').includes(line));
      expect(diff, r.file).toEqual(['theme: "A new theme: listening"']);
      expect(checkFormFile(r.file, changed, CONTEXT), r.file).toEqual([]);
      // announced as tba: the start becomes tba, end and duration go, the file stays valid
      const tba = editYamlFile(text, changedFields(sessionData(opened), sessionData({ ...opened, announced: false })));
      expect(yamlData(tba)['start'], r.file).toBe('tba');
      expect(checkFormFile(r.file, tba, CONTEXT), r.file).toEqual([]);
    }
    for (const r of participants) {
      const text = readFileSync(join(PROJECT_ROOT, r.file), 'utf8');
      const opened = fromParticipant(r.id, r.data as unknown as ParticipantData);
      expect(editYamlFile(text, changedFields(participantData(opened), participantData(opened))), r.file).toBe(text);
      const handle = editYamlFile(text, changedFields(participantData(opened), participantData({ ...opened, gitHandle: '' })));
      expect(yamlData(handle)['gitHandle'], r.file).toBeUndefined();
      expect(checkFormFile(r.file, handle, CONTEXT), r.file).toEqual([]);
    }
  });
});

describe('an attendance record opened in the form', () => {
  it('is the same file when sent unchanged, and moves only the participant unticked', () => {
    const records = ROOT_RECORDS.filter((r) => r.collection === 'attendance');
    expect(records.length).toBeGreaterThan(5);
    for (const r of records) {
      const text = readFileSync(join(PROJECT_ROOT, r.file), 'utf8');
      const data = r.data as { present: string[]; absent: { participant: string; reason: string }[]; recordedBy: string; recordedOn: string };
      const session = ROOT_RECORDS.find((s) => s.collection === 'sessions' && s.id === r.id);
      const held = String(session?.data['start']).slice(0, 10);
      const expected = ROOT_RECORDS.filter((p) => p.collection === 'participants' && p.data['cohort'] === r.id.split('/')[0] && !(typeof p.data['joined'] === 'string' && p.data['joined'] > held));
      const existing = { file: r.file, text, ...data };
      const marks = Object.fromEntries([...data.present.map((p) => [p, { present: true, reason: '' }]), ...data.absent.map((a) => [a.participant, { present: false, reason: a.reason }])]);
      const before = attendanceData(expected, marks, existing, data.recordedBy, data.recordedOn);
      expect(editYamlFile(text, changedFields(before, before)), r.file).toBe(text);
      const someone = data.present.find((id) => expected.some((p) => p.id === id));
      if (!someone) continue;
      const after = editYamlFile(text, changedFields(before, attendanceData(expected, { ...marks, [someone]: { present: false, reason: 'ill: a fever' } }, existing, data.recordedBy, data.recordedOn)));
      const read = yamlData(after) as typeof data;
      expect(read.present, r.file).toEqual(data.present.filter((id) => id !== someone).sort((a, b) => expected.findIndex((p) => p.id === a) - expected.findIndex((p) => p.id === b)));
      expect(read.absent.map((a) => a.participant).sort(), r.file).toEqual([...data.absent.map((a) => a.participant), someone].sort());
      expect(read.absent.find((a) => a.participant === someone)?.reason).toBe('ill: a fever');
      expect(checkFormFile(r.file, after, CONTEXT), r.file).toEqual([]);
    }
  });
});

describe('the next cycle', () => {
  it('moves ids, titles and dates a year on, and carries cost, discounts and calls over', () => {
    const previous = ROOT_RECORDS.find((r) => r.collection === 'cohorts' && r.id === '2020-2021');
    expect(previous).toBeDefined();
    const next = nextCycle({ id: '2020-2021', data: previous!.data });
    expect(next.id).toBe('2021-2022');
    expect(next.data).toMatchObject({
      title: '2021–2022 cycle',
      start: '2021-06-28',
      end: 'tba',
      applicationDeadline: '2021-05-01',
      cost: { amount: 14000, currency: 'USD', notIncluded: ['travel', 'accommodation', 'meals'] },
      discounts: [{ who: 'students', percent: 50 }],
      calls: { frequency: 'monthly', time: '09:00', timeZone: 'America/New_York', durationMinutes: 180, platform: 'Zoom' },
    });
    expect(nextCycle({ id: 'demo-2026', data: { title: 'Demo cohort 2026–2027 (fictional)' } }).id).toBe('demo-2027');
    expect(nextCycle({ id: 'pilot', data: {} }).id).toBe('pilot-next');
    expect(nextYearDate('2028-02-29')).toBe('2029-02-28');
    expect(nextYearDate('tba')).toBe('tba');
  });

  it('opened in the form and sent unchanged, is a valid new cohort file for each cycle there is', () => {
    for (const r of ROOT_RECORDS.filter((x) => x.collection === 'cohorts')) {
      const state = fromPrevious({ id: r.id, title: String(r.data['title']), demo: r.demo, data: r.data });
      const path = contentFilePath('cohorts', state.id, r.demo);
      const text = newYamlFile(cycleData(state), r.demo ? [DEMO_HEADER] : []);
      expect(checkFormFile(path, text, CONTEXT), `${path}\n${text}`).toEqual([]);
    }
  });
});
