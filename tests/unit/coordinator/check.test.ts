/**
 * A coordinator form checks its file in the browser with the records its page carries. That check
 * must say exactly what `npm run validate` says about the file: proved here for every file of the
 * collections the forms write, in the real content and in copies broken on purpose.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { checkFormFile, contextRecord, type ContextRecord } from '../../../src/lib/coordinator/check.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../../../src/lib/problems.ts';
import type { ContentRecord } from '../../../src/lib/validate/read-content.ts';

const FORM_COLLECTIONS = new Set(['cohorts', 'sessions', 'participants', 'attendance', 'approvals', 'decisions', 'recipients']);

const validation = validateContent(PROJECT_ROOT, { gate: false });

function contextOf(records: readonly ContentRecord[]): ContextRecord[] {
  return records.flatMap((r) => {
    const slim = contextRecord(r.collection, r.id, r.file, r.demo, r.data);
    return slim ? [slim] : [];
  });
}

describe('the forms’ check in the browser', () => {
  const context = contextOf(validation.records);
  const files = validation.records.filter((r) => FORM_COLLECTIONS.has(r.collection));

  it('covers every collection the forms write', () => {
    expect(new Set(files.map((r) => r.collection))).toEqual(FORM_COLLECTIONS);
  });

  it('says what npm run validate says about each file the forms write', () => {
    for (const record of files) {
      const text = readFileSync(join(PROJECT_ROOT, record.file), 'utf8');
      const expected = validation.problems.filter((p) => p.file === record.file).map(formatProblem);
      expect(checkFormFile(record.file, text, context).map(formatProblem), record.file).toEqual(expected);
    }
  });

  it('says what npm run validate says about broken files, cross-file problems included', () => {
    const broken: [file: string, from: string | RegExp, to: string][] = [
      ['content/demo/participants/teo-pastizal.yaml', /buddies: \[marisol-havgaard\]/, 'buddies: [marisol-havgaard, nobody-here, teo-pastizal]'],
      ['content/demo/participants/teo-pastizal.yaml', 'gitHandle: demo-teo', 'gitHandle: Demo-Tilde'],
      ['content/demo/attendance/demo-2026/call-2026-09.yaml', 'recordedBy: nell-ashgrove', 'recordedBy: nell-ashgrov'],
      ['content/demo/attendance/demo-2026/call-2026-10.yaml', 'recordedBy: nell-ashgrove', 'recordedBy: julie-diaz'],
      ['content/demo/attendance/demo-2026/call-2026-09.yaml', '  - teo-pastizal\n', '  - teo-pastizal\n  - haruka-kumonoue\n'],
      ['content/demo/decisions/haruka-kumonoue/2026-11-27.yaml', 'panel: [ramon-vientosur, sigrun-morgenlys]', 'panel: [ramon-vientosur, kaede-kirinomori, peter-m-senge]\nreleased: 2026-11-28'],
      ['content/demo/decisions/haruka-kumonoue/2026-11-27.yaml', 'certificateId: CST-2026-0003', 'certificateId: CST-2026-0001'],
      ['content/demo/sessions/demo-2026/call-2026-12.yaml', 'module: systems-awareness', 'module: systems-awarenes\nspeakers: [julie-diaz, nobody]'],
      ['content/demo/approvals/daichi-mizukagami/project-proposal-soil-to-school/review.yaml', 'date: 2026-06-08', 'date: 2026-07-08'],
      ['content/demo/approvals/haruka-kumonoue/project-proposal-morning-circle/final.yaml', 'date: 2026-07-21', 'date: 2026-06-15'],
      ['content/cohorts/2020-2021.yaml', 'start: 2020-06-28', 'start: 2020-06-31'],
      // a name as an applicant wrote it, carrying the marker the build reads as an instruction to load a file
      ['content/demo/participants/teo-pastizal.yaml', 'name: Teo Pastizal', 'name: "Teo __astro_tag_ Pastizal"'],
      ['content/demo/sessions/demo-2026/call-2026-12.yaml', /^title: .*$/m, 'title: "Call @@astro-img@@"'],
    ];
    for (const [file, from, to] of broken) {
      const original = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      const text = original.replace(from, to);
      expect(text, `${file}: the test's replacement must apply`).not.toBe(original);
      const byForm = checkFormFile(file, text, context).map(formatProblem);
      // the validator on the same content with this one file changed
      const records = validation.records.filter((r) => r.file !== file);
      const fresh = validateContentWith(file, text, records);
      expect(byForm, file).toEqual(fresh);
      expect(byForm.length, `${file} should have a problem`).toBeGreaterThan(0);
    }
  });
});

import { checkContentFile } from '../../../src/lib/validate/read-content.ts';
import { checkReferences } from '../../../src/lib/validate/references.ts';
import { checkAssessmentReferences } from '../../../src/lib/validate/assessment-references.ts';
import { checkCredentialReferences } from '../../../src/lib/validate/credential-references.ts';
import { sortProblems } from '../../../src/lib/problems.ts';

/** What the validator reports about `file` with this text (safety gate included, as `npm run validate` runs it), the other files as they are (full records, not the forms' slim ones). */
function validateContentWith(file: string, text: string, others: readonly ContentRecord[]): string[] {
  const own = checkContentFile(file, text);
  const records = own.record ? [...others, own.record] : [...others];
  const cross = [...checkReferences(records), ...checkAssessmentReferences(records), ...checkCredentialReferences(records)];
  return sortProblems([...own.problems, ...cross].filter((p) => p.file === file)).map(formatProblem);
}
