/**
 * The faculty dashboard shows the statuses the content implies (computed here with the coverage
 * function on the same content), and a new attendance record changes the matrix on the next build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { coverageInputFromContent, evaluateCoverage } from '../../../src/lib/coverage.ts';
import { endOfProgramDay } from '../../../src/lib/build-date.ts';

const AS_OF = '2026-11-28';
const HOSTILE_NAME = 'Teo "</script><img src=x onerror=alert(1)>" & <b>Co</b>';

function expectedStatuses(root: string): Record<string, Record<string, string>> {
  const { records } = readContent(root, { gate: false });
  const result = evaluateCoverage(coverageInputFromContent(records, { asOf: endOfProgramDay(AS_OF) }));
  const out: Record<string, Record<string, string>> = {};
  for (const [participant, cov] of result.participants) out[participant] = Object.fromEntries([...cov.criteria].map(([c, v]) => [c, v.status]));
  return out;
}

function shownStatuses(html: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const row of html.split('<tr').slice(1)) {
    const participant = /href="\/evidence\/([^/]+)\/"/.exec(row)?.[1];
    if (!participant) continue;
    out[participant] = Object.fromEntries([...row.matchAll(/data-criterion="([^"]+)" data-status="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  }
  return out;
}

describe('faculty dashboard', () => {
  let project: FixtureProject;
  beforeAll(() => {
    process.env['CERT_AS_OF'] = AS_OF;
    project = makeFixtureProject(join(PROJECT_ROOT, 'content'));
    // a name is any one line of text: it reaches the matrix, its data attributes and the filter's names as text, never as markup
    const teo = 'content/demo/participants/teo-pastizal.yaml';
    project.write(teo, readFileSync(join(project.root, teo), 'utf8').replace('name: Teo Pastizal', `name: '${HOSTILE_NAME}'`));
  });
  afterAll(() => {
    delete process.env['CERT_AS_OF'];
    project?.cleanup();
  });

  it('shows every participant’s status per criterion as the content implies, and the review queue and decisions', { timeout: 180_000 }, () => {
    const build = project.build({ kind: 'faculty' });
    expect(build.ok, build.log.slice(-3000)).toBe(true);
    const html = readFileSync(join(build.outDir, 'dashboard/index.html'), 'utf8');
    const expected = expectedStatuses(project.root);
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(8);
    expect(shownStatuses(html)).toEqual(expected);
    expect(html).toContain('Assessors disagree');
    const queue = readFileSync(join(build.outDir, 'review/index.html'), 'utf8');
    expect(queue).toMatch(/Awaiting a decision \(\d+\)/);
    const decided = readFileSync(join(build.outDir, 'evidence/marisol-havgaard/index.html'), 'utf8');
    expect(decided).toContain('Further work needed');
    // markup outside attribute values (inside a quoted value, < is text)
    const markup = (page: string) => page.replace(/="[^"]*"/g, '=""');
    expect(markup(html)).not.toContain('<img src=x');
    expect(markup(html)).not.toContain('<b>Co</b>');
    expect(html).toContain('Teo &quot;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; &lt;b&gt;Co&lt;/b&gt;');
    const evidence = readFileSync(join(build.outDir, 'evidence/teo-pastizal/index.html'), 'utf8');
    expect(markup(evidence)).not.toContain('<img src=x');
    expect(evidence).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // the composer names the buttons to press, each word apart from the next
    const compose = readFileSync(join(build.outDir, 'compose/index.html'), 'utf8').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(compose).toContain('and there press Propose new file and then Create pull request.');
  });

  it('marks the demo in the faculty build: its rows, its invented faculty, and names the approval steps with who and when', () => {
    // reads the build of the test above
    const out = join(project.root, 'dist/faculty');
    const dashboard = readFileSync(join(out, 'dashboard/index.html'), 'utf8');
    const rows = dashboard.split('<tr').slice(1).filter((r) => /href="\/evidence\//.test(r));
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) {
      expect(row).toContain('Demo · fictional');
      // the "needs my assessment" filter: a demo participant awaits the invented assessors, never a real one
      expect(row).not.toMatch(/data-awaiting="[^"]*(peter-m-senge|mette-miriam-boell)/);
    }
    expect(rows.filter((r) => /data-awaiting="[^"]*ramon-vientosur/.test(r)).length).toBeGreaterThan(0);

    const faculty = readFileSync(join(out, 'faculty/index.html'), 'utf8');
    expect(faculty).toMatch(/Demo faculty[\s\S]*Ramón Vientosur[\s\S]*Demo · fictional/);
    expect(readFileSync(join(out, 'faculty/ramon-vientosur/index.html'), 'utf8')).toContain('Demo · fictional');

    const evidence = readFileSync(join(out, 'evidence/daichi-mizukagami/index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(evidence).toContain('Reviewed before the year: 8 June 2026, by Sigrun Morgenlys, Kaede Kirinomori');
    expect(evidence).toContain('Finalised after the first workshop: not recorded');
    expect(evidence).toContain('Missing: finalised after the first workshop: not recorded');
    expect(evidence).not.toMatch(/Peter M\. Senge|Mette Miriam Boell|Hanneli Aagotsdatter/);

    // a demo participant is assessed by invented faculty only
    const assess = readFileSync(join(out, 'evidence/daichi-mizukagami/assess/index.html'), 'utf8');
    expect(assess).toContain('ramon-vientosur');
    expect(assess).not.toContain('peter-m-senge');
  });

  it('changes the matrix on the next build when an attendance record is added', { timeout: 180_000 }, () => {
    const before = expectedStatuses(project.root);
    const absentee = Object.entries(before).find(([, c]) => c['calls'] !== 'complete')?.[0];
    expect(absentee).toBeDefined();
    // record the participant as present at every call held so far
    const { records } = readContent(project.root, { gate: false });
    for (const r of records.filter((x) => x.collection === 'attendance' && x.id.includes('/call-'))) {
      const present = new Set([...(r.data['present'] as string[]), absentee as string]);
      const absent = ((r.data['absent'] as { participant: string; reason: string }[] | undefined) ?? []).filter((a) => a.participant !== absentee);
      const lines = [`present: [${[...present].join(', ')}]`];
      if (absent.length) lines.push('absent:', ...absent.map((a) => `  - participant: ${a.participant}\n    reason: ${JSON.stringify(a.reason)}`));
      lines.push(`recordedBy: ${String(r.data['recordedBy'])}`, `recordedOn: ${String(r.data['recordedOn'])}`);
      project.write(r.file, `${lines.join('\n')}\n`);
    }
    const after = expectedStatuses(project.root);
    expect(after[absentee as string]?.['calls']).toBe('complete');
    const build = project.build({ kind: 'faculty' });
    expect(build.ok, build.log.slice(-3000)).toBe(true);
    const shown = shownStatuses(readFileSync(join(build.outDir, 'dashboard/index.html'), 'utf8'));
    expect(shown[absentee as string]?.['calls']).toBe('complete');
    expect(shown).toEqual(after);
  });
});
