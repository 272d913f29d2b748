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

  it('shows every participant’s status per criterion as the content implies, and the review queue and decisions', () => {
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

  it('changes the matrix on the next build when an attendance record is added', () => {
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
