/**
 * The dashboard's and evidence pages' data, without a build: the collections are the demo content
 * read through the real schemas (the validator's reader), handed to the data module in place of
 * Astro's content store, as the faculty build would load them.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readContent, type ContentRecord } from '../../../src/lib/validate/read-content.ts';
import { coverageInputFromContent, evaluateCoverage } from '../../../src/lib/coverage.ts';
import { endOfProgramDay } from '../../../src/lib/build-date.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';

const AS_OF = '2026-11-28';
let records: ContentRecord[] = [];

vi.mock('astro:content', () => ({
  getCollection: async (name: string) =>
    records.filter((r) => r.collection === name && r.valid).map((r) => ({ id: r.id, collection: name, data: r.data, filePath: r.file })),
}));

describe('evidence data of the demo cohort', () => {
  let data: typeof import('../../../src/data/evidence.ts');
  beforeAll(async () => {
    process.env['CERT_BUILD_DATE'] = AS_OF;
    records = readContent(PROJECT_ROOT, { gate: false }).records;
    data = await import('../../../src/data/evidence.ts');
  });

  it('has a row for every participant, each cell in the state coverage computes for them', async () => {
    const matrix = await data.getEvidenceMatrix();
    const coverage = evaluateCoverage(coverageInputFromContent(records, { asOf: endOfProgramDay(AS_OF) }));
    const rows = matrix.cohorts.flatMap((c) => c.rows);
    expect(rows.map((r) => r.id).sort()).toEqual([...coverage.participants.keys()].sort());
    for (const row of rows) {
      const expected = coverage.participants.get(row.id);
      expect(Object.fromEntries(row.cells.map((c) => [c.criterion, c.status]))).toEqual(Object.fromEntries([...(expected?.criteria ?? [])].map(([id, c]) => [id, c.status])));
    }
    expect(matrix.asOf).toBe(AS_OF);
    expect(matrix.criteria).toHaveLength(records.filter((r) => r.collection === 'framework').length);
  });

  it('shows the demo’s disagreement, its assessors’ marks and decisions', async () => {
    const rows = (await data.getEvidenceMatrix()).cohorts.flatMap((c) => c.rows);
    const marisol = rows.find((r) => r.id === 'marisol-havgaard');
    const project = marisol?.cells.find((c) => c.criterion === 'application-project');
    expect(project?.disagree).toBe(true);
    expect(project?.marks.map((m) => [m.name, m.label])).toEqual([
      ['Kaede Kirinomori', 'Exceeds'],
      ['Sigrun Morgenlys', 'Developing'],
    ]);
    expect(project?.description).toContain('The assessors disagree.');
    expect(marisol?.decision?.outcome).toBe('further-work');
    expect(rows.filter((r) => r.disagreements > 0).map((r) => r.id)).toEqual(['marisol-havgaard']);
  });

  it('gives one participant’s page its evidence, comments, decisions and year', async () => {
    const evidence = await data.getParticipantEvidence('marisol-havgaard');
    expect(evidence?.row.id).toBe('marisol-havgaard');
    expect(evidence?.sections.map((s) => s.criterion.id)).toEqual(evidence?.criteria.map((c) => c.id));
    const calls = evidence?.sections.find((s) => s.criterion.id === 'calls');
    expect(calls?.sessions.length).toBeGreaterThan(0);
    expect(calls?.sessions.every((s) => s.title !== s.id)).toBe(true);
    const coaching = evidence?.sections.find((s) => s.criterion.id === 'coaching');
    expect(coaching?.composeType).toBe('coaching');
    expect(coaching?.entries.every((e) => e.title !== e.id)).toBe(true);
    expect(evidence?.decisions[0]).toMatchObject({ outcome: 'further-work', panel: ['Sigrun Morgenlys', 'Kaede Kirinomori'] });
    expect(evidence?.recommendations.map((r) => r.label)).toEqual(['Certify as Trainer', 'Further work needed']);
    const months = evidence?.timeline.months ?? [];
    expect(months[0]?.month).toBe('2026-06');
    expect(months.filter((m) => m.due).at(-1)?.month).toBe('2026-11');
    expect(months.reduce((n, m) => n + m.total, 0)).toBeGreaterThan(5);
    expect(evidence?.practisedOn.length).toBeGreaterThan(20);
    expect(await data.getParticipantEvidence('nobody')).toBeUndefined();
  });
});
