/**
 * No real person's name sits on a fictional record: the demo cohort's faculty records (attendance,
 * approval steps, assessments, decisions) and its invented faculty name no real faculty member, by
 * id or by name, in any field, comment or file name; and the validator says so for any record that
 * would.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { checkAssessmentReferences } from '../../../src/lib/validate/assessment-references.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

const FACULTY_RECORDS = ['attendance', 'approvals', 'assessments', 'decisions', 'faculty'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

interface RealPerson {
  id: string;
  name: string;
}

/** How a text could name a real person: their id, their full name, or their family name (accents and case ignored). */
function mentions(text: string, path: string, people: readonly RealPerson[]): string[] {
  const fold = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const haystack = fold(`${path}\n${text}`);
  const found: string[] = [];
  for (const p of people) {
    const family = fold(p.name.split(/\s+/).at(-1) ?? '');
    const needles = [p.id, fold(p.name), ...(family.length >= 4 ? [family] : [])];
    for (const needle of needles) {
      if (new RegExp(`(^|[^a-z])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z]|$)`).test(haystack)) found.push(`${p.name} (${needle})`);
    }
  }
  return found;
}

describe('the demo cohort’s faculty records', () => {
  const { records } = readContent(PROJECT_ROOT, { gate: false });
  const real: RealPerson[] = records.filter((r) => r.collection === 'faculty' && !r.demo).map((r) => ({ id: r.id, name: String(r.data['name']) }));

  it('has real faculty to compare with, and invented assessors of its own', () => {
    expect(real.map((p) => p.id)).toContain('peter-m-senge');
    const invented = records.filter((r) => r.collection === 'faculty' && r.demo);
    expect(invented.filter((r) => r.data['assessor'] === true).length).toBeGreaterThanOrEqual(2);
    for (const r of invented) expect(String(r.data['affiliation'])).toMatch(/demo/i);
  });

  it('name no real faculty member, in any field, comment or file name', () => {
    const offending: string[] = [];
    for (const folder of FACULTY_RECORDS) {
      for (const file of files(join(PROJECT_ROOT, 'content/demo', folder))) {
        const path = relative(PROJECT_ROOT, file);
        for (const m of mentions(readFileSync(file, 'utf8'), path, real)) offending.push(`${path}: ${m}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('pass the validator’s rule that demo records are signed by demo faculty only', () => {
    expect(checkAssessmentReferences(records).filter((p) => p.rule === 'demo-faculty').map(formatProblem)).toEqual([]);
  });

  it('the check above finds a real name however it is written', () => {
    const people = [{ id: 'peter-m-senge', name: 'Peter M. Senge' }];
    expect(mentions('panel: [peter-m-senge]', 'x.yaml', people)).not.toEqual([]);
    expect(mentions('comment: as PETER M. SENGE said', 'x.yaml', people)).not.toEqual([]);
    expect(mentions('comment: Sengé agreed', 'x.yaml', people)).not.toEqual([]);
    expect(mentions('by: [ramon-vientosur]', 'content/demo/assessments/a/peter-m-senge.yaml', people)).not.toEqual([]);
    expect(mentions('by: [ramon-vientosur]', 'content/demo/assessments/a/ramon-vientosur.yaml', people)).toEqual([]);
  });
});
