/**
 * References of the faculty records, checked over the whole set of records:
 *
 * - assessments (`assessments/<participant>/<faculty>`): the participant exists; the assessor is
 *   the file name and an assessing faculty member (`assessor: true`); every criterion in
 *   `levels` is in the framework;
 * - attendance (`attendance/<cohort>/<session>`): the session exists and has a date; everyone
 *   listed exists and belongs to that cohort; `recordedBy` is a faculty member;
 * - approval steps (`approvals/<participant>/<entry>/review|final`): the folder is named after a
 *   proposal entry, which exists and is an application-project proposal of that participant; every
 *   `by` is assessing faculty. Timing follows the brochure: a `final` dated before the end of the
 *   cohort's first workshop, or before its `review`, is an error; a `final` without a `review`, a
 *   `review` dated after the year began (or the participant joined), or a step dated before the
 *   proposal was written are warnings (the record may be late, but is not wrong);
 * - decisions (`decisions/<participant>/<date>`): the file is named after its date; every panel
 *   member is assessing faculty and has an assessment of that participant; certificate ids are
 *   unique;
 * - demo records: every faculty member they name (assessor, by, panel, recordedBy) is an invented
 *   demo faculty member, never a real one; a demo faculty member has no gitHandle and no real
 *   faculty member's name;
 * - framework criteria: the module exists; a source set by the faculty names assessing faculty
 *   (real ones: the framework is program content). (Entry types in evidence rules are checked by
 *   the schema, which lists the allowed types.)
 *
 * Each message names both files: the one with the reference and the one it needs.
 * Pure: works on the records only. Demo content may refer to real content, real content may not
 * refer to demo content (the same rule as references.ts).
 */
import { problem, type Problem, type Severity } from '../problems.ts';
import { suggest } from '../schema-problems.ts';
import type { PathSegment } from '../source-file.ts';
import type { ContentRecord } from './read-content.ts';
import { approvalPath, type ApprovalStep } from '../../schemas/approval.ts';
import type { Session } from '../../schemas/session.ts';
import { localDate } from '../coverage.ts';
import { sessionInterval } from '../time.ts';
import { ID, RecordIndex, listIds, obj, strs, text } from './record-index.ts';

/** The fields of a content record these checks read (the validator's ContentRecord fits). */
export type AssessmentRecord = Pick<ContentRecord, 'id' | 'file' | 'data' | 'demo' | 'locate'> & { collection: string; valid?: boolean };

const str = text;

const isAssessor = (r: AssessmentRecord) => r.data['assessor'] === true;

/** "content/participants/ana.yaml" (or the demo folder too, for demo content). */
function expected(folder: string, id: string, ext: string, fromDemo: boolean, demoAllowed = true): string {
  const real = `content/${folder}/${id}.${ext}`;
  return fromDemo && demoAllowed ? `content/demo/${folder}/${id}.${ext} or ${real}` : real;
}

/** The paths of a criterion's sources: its own, and each evidence rule's (inside `all`, each part's). */
function sourcePaths(data: Record<string, unknown>): PathSegment[][] {
  const out: PathSegment[][] = [['source']];
  const walk = (rule: unknown, path: PathSegment[]) => {
    const r = obj(rule);
    if (!r) return;
    if (Array.isArray(r['rules'])) (r['rules'] as unknown[]).forEach((inner, i) => walk(inner, [...path, 'rules', i]));
    else out.push([...path, 'source']);
  };
  walk(data['evidence'], ['evidence']);
  return out;
}

/** Two names for the same person, whatever the case, accents or spacing. */
function sameName(a: string, b: string): boolean {
  const key = (n: string) => n.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
  return key(a) !== '' && key(a) === key(b);
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const segment of path) v = Array.isArray(v) ? (v as unknown[])[Number(segment)] : obj(v)?.[String(segment)];
  return v;
}

export function checkAssessmentReferences(records: readonly AssessmentRecord[]): Problem[] {
  const index = new RecordIndex(records);
  const problems: Problem[] = [];
  const at = (record: AssessmentRecord, path: readonly PathSegment[], rule: string, message: string, severity: Severity = 'error') => {
    const pos = path.length ? record.locate(path) : { line: 1, column: 1 };
    problems.push(problem(record.file, pos.line, pos.column, rule, message, severity));
  };
  const folderOf = (record: AssessmentRecord) => record.file.slice(0, record.file.lastIndexOf('/'));
  const closest = (id: string, known: readonly string[]) => {
    const close = suggest(id, known);
    return close && close !== id ? `; did you mean ${close}?` : '';
  };
  const demoNote = (collection: string, id: string, fromDemo: boolean) => {
    const demoRecord = fromDemo ? undefined : index.demoOnly(collection, id);
    return demoRecord ? ` (${demoRecord.file} is demo content, which a real deployment leaves out; real records cannot refer to it)` : '';
  };

  /** The participant a record's folder is named after, with a problem when there is none. */
  const folderParticipant = (record: AssessmentRecord, what: string): AssessmentRecord | undefined => {
    const owner = record.id.split('/')[0] ?? '';
    const found = index.find('participants', owner, record.demo);
    if (found) return found;
    const known = index.ids('participants', record.demo);
    at(
      record,
      [],
      'reference',
      `this ${what} is in the folder ${folderOf(record)}/, named after participant "${owner}", but there is no ${expected('participants', owner, 'yaml', record.demo)}${demoNote('participants', owner, record.demo)}. Name the folder after the participant's file; participants: ${listIds(known)}${closest(owner, known)}`,
    );
    return undefined;
  };

  /** An assessing faculty member, with a problem naming both files when it is not one. */
  const assessingFaculty = (record: AssessmentRecord, path: readonly PathSegment[], id: string, field: string): AssessmentRecord | undefined => {
    const faculty = index.find('faculty', id, record.demo);
    const assessors = index.ids('faculty', record.demo, isAssessor);
    if (!faculty) {
      const known = index.ids('faculty', record.demo);
      at(
        record,
        path,
        'reference',
        `${field}: faculty member "${id}" does not exist: there is no content/faculty/${id}.md${demoNote('faculty', id, record.demo)}. Assessing faculty: ${listIds(assessors)}${closest(id, known)}`,
      );
      return undefined;
    }
    if (!isAssessor(faculty)) {
      at(
        record,
        path,
        'not-assessor',
        `${field}: ${id} is not assessing faculty: ${faculty.file} does not say assessor: true. Only assessing faculty assess, approve proposals and sit on panels; assessing faculty: ${listIds(assessors)}`,
      );
      return undefined;
    }
    if (!realOnDemo(record, path, faculty, field)) return undefined;
    return faculty;
  };

  /** A fictional record is signed by invented demo faculty, never by a real person. */
  const realOnDemo = (record: AssessmentRecord, path: readonly PathSegment[], faculty: AssessmentRecord, field: string): boolean => {
    if (!record.demo || faculty.demo) return true;
    const demoFaculty = index.ids('faculty', true, (r) => r.demo && (field === 'recordedBy' || isAssessor(r)));
    at(
      record,
      path,
      'demo-faculty',
      `${field}: ${faculty.id} is a real faculty member (${faculty.file}), but this is a fictional demo record; a real person's name never goes on a fictional record. Name an invented demo faculty member from content/demo/faculty/: ${listIds(demoFaculty)}`,
    );
    return false;
  };

  const anyFaculty = (record: AssessmentRecord, path: readonly PathSegment[], id: string, field: string) => {
    const found = index.find('faculty', id, record.demo);
    if (found) {
      realOnDemo(record, path, found, field);
      return;
    }
    const known = index.ids('faculty', record.demo);
    at(record, path, 'reference', `${field}: faculty member "${id}" does not exist: there is no content/faculty/${id}.md. Faculty: ${listIds(known)}${closest(id, known)}`);
  };

  /** The calendar date the cohort's first workshop ends, in its own zone, with the session's file. */
  const firstWorkshopEnd = (cohort: string, fromDemo: boolean): { date: string; file: string } | undefined => {
    let first: { start: Date; end: Date; zone: string; file: string } | undefined;
    for (const s of index.records('sessions')) {
      if (!s.id.startsWith(`${cohort}/`) || (s.demo && !fromDemo) || s.valid === false || s.data['kind'] !== 'workshop') continue;
      const interval = sessionInterval(s.data as unknown as Session);
      if (interval && (!first || interval.start < first.start)) first = { ...interval, zone: String(s.data['timeZone']), file: s.file };
    }
    return first ? { date: localDate(first.end, first.zone), file: first.file } : undefined;
  };

  /** The order of the steps, and the brochure's timing: review before the year, final after the first workshop. */
  const checkStepDates = (record: AssessmentRecord, step: ApprovalStep, proposal: AssessmentRecord, participant: AssessmentRecord | undefined) => {
    const date = str(record.data, 'date');
    if (date === undefined) return;
    const written = str(proposal.data, 'date');
    if (written !== undefined && date < written) {
      at(record, ['date'], 'approval-date', `date (${date}) is before the proposal was written (date ${written} in ${proposal.file}); check both dates`, 'warning');
    }
    const cohortId = participant ? str(participant.data, 'cohort') : undefined;
    const folder = folderOf(record);
    if (step === 'review') {
      const cohort = cohortId !== undefined ? index.find('cohorts', cohortId, record.demo) : undefined;
      const cohortStart = cohort ? str(cohort.data, 'start') : undefined;
      const joined = participant ? str(participant.data, 'joined') : undefined;
      const yearStart = joined !== undefined && cohortStart !== undefined && joined > cohortStart ? joined : cohortStart;
      if (cohort && yearStart !== undefined && yearStart !== 'tba' && date > yearStart) {
        at(
          record,
          ['date'],
          'approval-step-date',
          `date (${date}) is after ${joined === yearStart ? `${record.id.split('/')[0] ?? ''} joined on ${joined} (joined in ${participant?.file ?? ''})` : `the year began on ${yearStart} (start in ${cohort.file})`}: the program reviews proposals before the year starts. If the review really came later, keep it; otherwise correct the date`,
          'warning',
        );
      }
      return;
    }
    const review = index.find('approvals', `${record.id.slice(0, record.id.lastIndexOf('/'))}/review`, record.demo);
    const reviewDate = review ? str(review.data, 'date') : undefined;
    if (!review) {
      at(
        record,
        [],
        'approval-step-missing',
        `the project is finalised, but there is no ${folder}/review.yaml: the program reviews a proposal before the year starts, then finalises it after the first workshop. Add review.yaml with the date of the review and by: the faculty who reviewed it`,
        'warning',
      );
    } else if (reviewDate !== undefined && date < reviewDate) {
      at(record, ['date'], 'approval-step-date', `date (${date}) is before the review (date ${reviewDate} in ${review.file}); a project is finalised after its proposal was reviewed. Correct one of the dates`);
    }
    const workshop = cohortId !== undefined ? firstWorkshopEnd(cohortId, record.demo) : undefined;
    if (workshop && date < workshop.date) {
      at(
        record,
        ['date'],
        'approval-step-date',
        `date (${date}) is before the end of the first workshop of ${cohortId ?? ''} (${workshop.date}, in ${workshop.file}): a project is finalised after the first workshop. Write the date it was finalised, on or after ${workshop.date}; a decision before that is the review, in ${folder}/review.yaml`,
      );
    }
  };

  const criteria = index.ids('framework', true);
  const certificates = new Map<string, AssessmentRecord[]>();

  for (const record of records) {
    const { data } = record;
    switch (record.collection) {
      case 'assessments': {
        folderParticipant(record, 'assessment');
        const named = record.id.split('/')[1] ?? '';
        const assessor = str(data, 'assessor');
        if (assessor !== undefined && ID.test(assessor)) {
          if (assessor !== named) {
            const own = `${folderOf(record)}/${assessor}.yaml`;
            at(
              record,
              ['assessor'],
              'assessor-file',
              `assessor is ${assessor}, but this file is named after ${named}: each assessor writes one file per participant, named after their faculty file (content/faculty/${assessor}.md). Move this assessment to ${own}, or write assessor: ${named}`,
            );
          }
          assessingFaculty(record, ['assessor'], assessor, 'assessor');
        } else if (assessor === undefined && named !== '') {
          assessingFaculty(record, [], named, 'the file name');
        }
        const levels = obj(data['levels']);
        for (const criterion of Object.keys(levels ?? {})) {
          if (criteria.includes(criterion)) continue;
          at(
            record,
            ['levels', criterion],
            'reference',
            `levels: criterion "${criterion}" does not exist: there is no content/framework/${criterion}.yaml. Criteria: ${listIds(criteria)}${closest(criterion, criteria)}`,
          );
        }
        break;
      }

      case 'attendance': {
        const cohort = record.id.split('/')[0] ?? '';
        const session = index.find('sessions', record.id, record.demo);
        if (!session) {
          const known = index.ids('sessions', record.demo, (r) => r.id.startsWith(`${cohort}/`));
          at(
            record,
            [],
            'reference',
            `there is no session ${expected('sessions', record.id, 'yaml', record.demo)} for this attendance record${demoNote('sessions', record.id, record.demo)}; an attendance file has the name and cohort folder of its session. Sessions of ${cohort}: ${listIds(known)}${closest(record.id, known)}`,
          );
        }
        const start = session ? str(session.data, 'start') : undefined;
        if (session && start === 'tba') {
          at(record, [], 'reference', `${session.file} has no date yet (start: tba), so nobody can have attended it; record attendance once the session has been held, or give the session its date`);
        }
        const held = start !== undefined && start !== 'tba' ? start.slice(0, 10) : undefined;
        const recordedOn = str(data, 'recordedOn');
        if (session && held !== undefined && recordedOn !== undefined && recordedOn < held) {
          at(
            record,
            ['recordedOn'],
            'attendance-date',
            `recordedOn (${recordedOn}) is before the session began on ${held} (start in ${session.file}); attendance is recorded once the session has been held`,
            'warning',
          );
        }
        const listed: { path: PathSegment[]; id: string; field: string }[] = [
          ...strs(data, 'present').map(({ index: i, value }) => ({ path: ['present', i] as PathSegment[], id: value, field: 'present' })),
        ];
        const absent = Array.isArray(data['absent']) ? (data['absent'] as unknown[]) : [];
        absent.forEach((a, i) => {
          const id = obj(a)?.['participant'];
          if (typeof id === 'string' && ID.test(id)) listed.push({ path: ['absent', i, 'participant'], id, field: 'absent' });
        });
        const cohortMembers = () => index.ids('participants', record.demo, (r) => r.data['cohort'] === cohort);
        for (const { path, id, field } of listed) {
          const participant = index.find('participants', id, record.demo);
          if (!participant) {
            const known = cohortMembers();
            at(
              record,
              path,
              'reference',
              `${field}: participant "${id}" does not exist: there is no ${expected('participants', id, 'yaml', record.demo)}${demoNote('participants', id, record.demo)}. Participants of cohort ${cohort}: ${listIds(known)}${closest(id, known)}`,
            );
            continue;
          }
          const theirs = str(participant.data, 'cohort');
          if (theirs !== undefined && theirs !== cohort) {
            at(
              record,
              path,
              'reference',
              `${field}: ${id} belongs to cohort ${theirs} (cohort in ${participant.file}), but this session is of cohort ${cohort}${session ? ` (${session.file})` : ''}; list only participants of ${cohort}. Participants of cohort ${cohort}: ${listIds(cohortMembers())}`,
            );
            continue;
          }
          const joined = str(participant.data, 'joined');
          if (field === 'present' && joined !== undefined && held !== undefined && held < joined && session) {
            at(
              record,
              path,
              'attendance-date',
              `present lists ${id}, who joined on ${joined} (joined in ${participant.file}), but the session began on ${held} (${session.file}); correct joined, or list ${id} under absent`,
              'warning',
            );
          }
        }
        const recordedBy = str(data, 'recordedBy');
        if (recordedBy !== undefined && ID.test(recordedBy)) anyFaculty(record, ['recordedBy'], recordedBy, 'recordedBy');
        break;
      }

      case 'approvals': {
        const where = approvalPath(record.id);
        if (!where) break; // a misnamed file: reported with the file's name
        const participant = folderParticipant(record, 'approval step');
        const owner = where.participant;
        const target = index.find('portfolios', where.entry, record.demo);
        const proposalsOf = () =>
          index.ids('portfolios', record.demo, (r) => r.id.startsWith(`${owner}/`) && r.data['type'] === 'application-project' && r.data['stage'] === 'proposal');
        if (!target) {
          if (participant) {
            const proposals = proposalsOf();
            at(
              record,
              [],
              'reference',
              `this approval step is in the folder ${folderOf(record)}/, named after the proposal ${where.entry}, but there is no portfolio entry ${expected('portfolios', where.entry, 'md', record.demo)} (or .mdx)${demoNote('portfolios', where.entry, record.demo)}. Name the folder after the proposal's file; proposals of ${owner}: ${listIds(proposals)}${closest(where.entry, proposals)}`,
            );
          }
        } else if (target.data['type'] !== 'application-project' || target.data['stage'] !== 'proposal') {
          const type = typeof target.data['type'] === 'string' ? target.data['type'] : 'unknown';
          const stage = typeof target.data['stage'] === 'string' ? ` (stage ${target.data['stage']})` : '';
          at(
            record,
            [],
            'reference',
            `this approval step is in the folder of ${target.file}, which is a ${type} entry${stage}, not an application-project proposal; only a proposal (type: application-project, stage: proposal) is reviewed and finalised. Proposals of ${owner}: ${listIds(proposalsOf())}`,
          );
        } else {
          checkStepDates(record, where.step, target, participant);
        }
        for (const { index: i, value } of strs(data, 'by')) assessingFaculty(record, ['by', i], value, 'by');
        break;
      }

      case 'decisions': {
        folderParticipant(record, 'decision');
        const [owner = '', named = ''] = record.id.split('/');
        const date = str(data, 'date');
        if (date !== undefined && date !== named) {
          at(
            record,
            ['date'],
            'decision-file',
            `date is ${date}, but the file is named ${named}.yaml; a decision file is named after its date. Rename it to ${folderOf(record)}/${date}.yaml, or correct the date`,
          );
        }
        for (const { index: i, value } of strs(data, 'panel')) {
          const member = assessingFaculty(record, ['panel', i], value, 'panel');
          if (!member) continue;
          if (!index.find('assessments', `${owner}/${value}`, record.demo)) {
            at(
              record,
              ['panel', i],
              'panel-assessment',
              `panel: ${value} (${member.file}) has not assessed ${owner}: there is no ${expected('assessments', `${owner}/${value}`, 'yaml', record.demo)}. A panel member writes an assessment before the decision`,
            );
          }
        }
        const certificate = str(data, 'certificateId');
        if (certificate !== undefined) {
          const list = certificates.get(certificate);
          if (list) list.push(record);
          else certificates.set(certificate, [record]);
        }
        break;
      }

      case 'faculty': {
        if (!record.demo) break;
        // invented assessors: no account, and no real faculty member's name
        if (data['gitHandle'] !== undefined) {
          at(record, ['gitHandle'], 'demo-faculty', 'a demo faculty member is invented and has no account on the git host; remove the gitHandle line (a handle here would give someone faculty rights)');
        }
        const name = text(data, 'name');
        const real = name === undefined ? undefined : index.records('faculty').find((r) => !r.demo && sameName(text(r.data, 'name') ?? '', name));
        if (real) {
          at(record, ['name'], 'demo-faculty', `name: ${name} is the name of a real faculty member (${real.file}); a demo faculty member is invented. Give an invented name`);
        }
        break;
      }

      case 'framework': {
        const module = str(data, 'module');
        if (module !== undefined && ID.test(module) && !index.find('modules', module, record.demo)) {
          const known = index.ids('modules', record.demo);
          at(record, ['module'], 'reference', `module "${module}" does not exist: there is no content/modules/${module}.md. Modules: ${listIds(known)}${closest(module, known)}`);
        }
        // a rule set by the faculty names who decided: assessing faculty, never a demo stand-in
        for (const path of sourcePaths(data)) {
          const decision = obj(obj(valueAt(data, path))?.['faculty']);
          if (!decision) continue;
          for (const { index: i, value } of strs(decision, 'by')) assessingFaculty(record, [...path, 'faculty', 'by', i], value, 'source.faculty.by');
        }
        break;
      }

      default:
        break;
    }
  }

  for (const [certificate, group] of certificates) {
    if (group.length < 2) continue;
    for (const record of group) {
      const others = group.filter((r) => r !== record).map((r) => r.file);
      at(
        record,
        ['certificateId'],
        'duplicate-certificate',
        `certificateId ${certificate} is also used in ${others.join(' and ')}; every certificate has its own number, so give one of them the next free number`,
      );
    }
  }
  return problems;
}
