import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCoverage, type CoverageInput } from '../../../src/lib/coverage.ts';
import { matrixRows, neutralise, toCsv } from '../../../src/lib/export-csv.ts';
import { wallTimeToInstant } from '../../../src/lib/time.ts';
import { ASSESSMENT_FILES, cleanupProjects, entry, makeProject } from '../validate-assessment/helpers.ts';
import { REPO_ROOT } from '../validate/helpers.ts';

afterAll(cleanupProjects);

const SCRIPT = join(REPO_ROOT, 'scripts/export.ts');

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

describe('matrixRows and toCsv', () => {
  const input: CoverageInput = {
    criteria: [{ id: 'coaching', evidence: { rule: 'entries', type: ['coaching'], min: 2, tagged: false } }],
    cohorts: [{ id: 'c1', start: '2026-06-14', end: '2027-06-30' }],
    sessions: [],
    attendance: [],
    approvals: [],
    participants: [
      { id: 'ana', cohort: 'c1' },
      { id: 'bo', cohort: 'c1' },
    ],
    entries: [{ id: 'ana/c', participant: 'ana', type: 'coaching', date: '2026-07-01', criteria: [] }],
    asOf: wallTimeToInstant('2026-11-28T12:00', 'America/New_York'),
  };
  const coverage = evaluateCoverage(input);
  const rows = matrixRows({
    coverage,
    participants: [
      { id: 'ana', name: 'Ana "Anita" Ruiz, Jr.', site: 'Riverside\nLearning Hub' },
      { id: 'bo', name: '=HYPERLINK("http://example.org")', site: 'Ærø skole' },
    ],
    assessments: [
      { participant: 'ana', assessor: 'peter-m-senge', recommendation: 'certify' },
      { participant: 'ana', assessor: 'mette-miriam-boell', recommendation: 'further-work' },
      { participant: 'zed', assessor: 'hanneli-aagotsdatter', recommendation: 'certify' },
    ],
    decisions: [
      { participant: 'ana', date: '2027-06-20', outcome: 'further-work' },
      { participant: 'ana', date: '2027-09-01', outcome: 'certified', released: '2027-09-05' },
    ],
  });

  it('has one column per criterion status and missing text, per assessor of the cohort, and the latest decision', () => {
    expect(rows[0]).toEqual([
      'participant',
      'name',
      'site',
      'coaching status',
      'coaching missing',
      'recommendation mette-miriam-boell',
      'recommendation peter-m-senge',
      'decision',
      'decision date',
      'released',
    ]);
    expect(rows[1]).toEqual([
      'ana',
      'Ana "Anita" Ruiz, Jr.',
      'Riverside\nLearning Hub',
      'in-progress',
      '1 of 2 coaching entries; 1 more needed',
      'further-work',
      'certify',
      'certified',
      '2027-09-01',
      '2027-09-05',
    ]);
    expect(rows[2]?.slice(3)).toEqual(['none', 'no coaching entry yet; 2 needed', '', '', '', '', '']);
  });

  it('quotes commas, quotes and line breaks, and survives a round trip', () => {
    const csv = toCsv(rows);
    expect(csv.split('\r\n')[1]).toBe(
      'ana,"Ana ""Anita"" Ruiz, Jr.","Riverside\nLearning Hub",in-progress,1 of 2 coaching entries; 1 more needed,further-work,certify,certified,2027-09-01,2027-09-05',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv)).toEqual(rows);
  });

  it('keeps spreadsheets from running a formula', () => {
    expect(rows[2]?.[1]).toBe(`'=HYPERLINK("http://example.org")`);
    expect(neutralise('-1')).toBe("'-1");
    expect(neutralise('2026-11-28')).toBe('2026-11-28');
  });

  it('writes UTF-8, with a byte-order mark only when asked', () => {
    expect(toCsv(rows).charCodeAt(0)).toBe('p'.charCodeAt(0));
    const withBom = toCsv(rows, { bom: true });
    expect(withBom.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(withBom, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parseCsv(withBom)[2]?.[2]).toBe('Ærø skole');
  });
});

describe('npm run export', () => {
  const project = () =>
    makeProject({
      ...ASSESSMENT_FILES,
      'content/portfolios/maria-lopez/coaching-1.md': entry('type: coaching\ntitle: Coaching\ndate: 2020-08-01\ncoachedRole: new teacher\nfrequency: weekly'),
    });

  it('writes the matrix of a cohort to stdout', () => {
    const { code, stdout, stderr } = run(project(), ['--cohort', '2020-2021', '--as-of', '2020-09-30']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = parseCsv(stdout);
    expect(rows[0]).toEqual([
      'participant',
      'name',
      'site',
      'workshops status',
      'workshops missing',
      'application-project status',
      'application-project missing',
      'coaching status',
      'coaching missing',
      'recommendation mette-miriam-boell',
      'recommendation peter-m-senge',
      'decision',
      'decision date',
      'released',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'jonas-berg',
        'Jonas Berg',
        'Riverside Learning Hub',
        'none',
        '0 of 1 workshop attended; missing: Module 1 workshop (absent: illness)',
        'in-progress',
        'reviewed before the year: not recorded; finalised after the first workshop: not recorded; no application project final report yet; 1 needed',
        'none',
        'no coaching entry yet; 3 needed',
        '',
        '',
        '',
        '',
        '',
      ],
      [
        'maria-lopez',
        'Maria López',
        'Riverside Learning Hub',
        'complete',
        '',
        'in-progress',
        'no application project final report yet; 1 needed',
        'in-progress',
        '1 of 3 coaching entries; 2 more needed',
        'certify',
        'certify',
        'certified',
        '2021-06-25',
        '2021-06-30',
      ],
    ]);
  });

  it('evaluates as of the date given: an approval step dated later does not count yet', () => {
    const { stdout } = run(project(), ['--cohort', '2020-2021', '--as-of', '2020-07-19']);
    expect(parseCsv(stdout)[2]?.[6]).toBe('finalised after the first workshop: not recorded; no application project final report yet; 1 needed');
  });

  it('writes a file with a byte-order mark', () => {
    const root = project();
    const { code, stdout, stderr } = run(root, ['--cohort', '2020-2021', '--out', 'matrix.csv', '--bom', '--as-of', '2020-09-30']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('export: wrote 2 participants of 2020-2021 × 3 criteria, as of 2020-09-30, to matrix.csv\n');
    const bytes = readFileSync(join(root, 'matrix.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(bytes.toString('utf8'))[2]?.[1]).toBe('Maria López');
  });

  it('an unknown cohort exits 1 and lists the cohorts', () => {
    const { code, stdout, stderr } = run(project(), ['--cohort', '2020-2022']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('export: there is no cohort "2020-2022" (content/cohorts/2020-2022.yaml); cohorts: 2020-2021, 2021-2022\n');
  });

  it('wrong usage exits 2', () => {
    const root = project();
    expect(run(root, []).code).toBe(2);
    expect(run(root, []).stderr).toMatch(/^export: --cohort is required; cohorts: 2020-2021, 2021-2022\n/);
    const bad = run(root, ['--cohort', '2020-2021', '--as-of', '2020-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^export: --as-of: "2020-02-30" is not a real date: February 2020 has 29 days\n/);
  });

  it('counts files left out for problems', () => {
    const root = makeProject({ ...ASSESSMENT_FILES, 'content/decisions/maria-lopez/2021-06-25.yaml': 'outcome: certified\ndate: 2021-06-25\npanel: [peter-m-senge]\n' });
    const { code, stdout, stderr } = run(root, ['--cohort', '2020-2021', '--as-of', '2021-07-01']);
    expect(code).toBe(0);
    expect(stderr).toBe('export: 1 file has problems and was left out; run npm run validate to see them\n');
    expect(parseCsv(stdout)[2]?.slice(-3)).toEqual(['', '', '']);
  });
});

describe('the demo cohort', () => {
  it('exports every demo participant with the demo decisions', () => {
    const { code, stdout } = run(REPO_ROOT, ['--cohort', 'demo-2026', '--as-of', '2026-11-28']);
    expect(code).toBe(0);
    const [header = [], ...rows] = parseCsv(stdout);
    expect(rows).toHaveLength(8);
    for (const id of ['workshops', 'calls', 'application-project', 'coaching', 'buddy-checkins', 'cultivation-practice', 'reflective-portfolio']) {
      expect(header).toContain(`${id} status`);
    }
    const decision = (participant: string) => {
      const row = rows.find((r) => r[0] === participant) ?? [];
      return row.slice(-3);
    };
    expect(decision('oskar-molleskov')).toEqual(['certified', '2026-11-20', '2026-11-25']);
    expect(decision('tilde-fjordholm')).toEqual(['certified', '2026-11-26', '2026-11-27']);
    expect(decision('haruka-kumonoue')).toEqual(['certified', '2026-11-27', '']);
    expect(decision('marisol-havgaard')).toEqual(['further-work', '2026-11-26', '2026-11-27']);
    const teo = rows.find((r) => r[0] === 'teo-pastizal') ?? [];
    // joined in September: the June workshop is not required of him
    expect(teo[header.indexOf('workshops missing')]).toBe('');
  });
});
