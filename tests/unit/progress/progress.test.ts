/**
 * A participant's own progress summary, as their pull-request check prints it: the same statuses
 * as the coverage function on the same content, and nothing about anyone else.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { coverageInputFromContent, evaluateCoverage } from '../../../src/lib/coverage.ts';
import { STATUS_TEXT } from '../../../src/lib/assessment-view.ts';
import { PROPOSED_NOTE } from '../../../src/lib/progress.ts';
import { ruleBasis, type EvidenceRule } from '../../../src/schemas/framework.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { endOfProgramDay } from '../../../src/lib/build-date.ts';

const AS_OF = '2026-11-28';

function run(args: string[]): { status: number; stdout: string } {
  const result = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/node'), ['scripts/validate.ts', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CERT_AS_OF: AS_OF },
  });
  return { status: result.status ?? 1, stdout: result.stdout };
}

describe('npm run validate -- --participant', () => {
  const { records } = readContent(PROJECT_ROOT, { gate: false });
  const participants = records.filter((r) => r.collection === 'participants');
  const coverage = evaluateCoverage(coverageInputFromContent(records, { asOf: endOfProgramDay(AS_OF) }));
  const criteria = records.filter((r) => r.collection === 'framework');

  it('matches the coverage function for a demo participant, criterion by criterion', () => {
    const id = 'oskar-molleskov';
    const { status, stdout } = run(['--participant', id]);
    expect(status).toBe(0);
    for (const c of criteria) {
      const expected = coverage.participants.get(id)?.criteria.get(c.id)?.status ?? 'none';
      expect(stdout).toContain(`${STATUS_TEXT[expected].symbol} ${String(c.data['title'])}: ${STATUS_TEXT[expected].label.toLowerCase()}`);
    }
  });

  it('marks each criterion whose requirement is still a proposal, and only those', () => {
    const { stdout } = run(['--participant', 'oskar-molleskov']);
    const line = (title: string) => stdout.split('\n').find((l) => l.includes(` ${title}: `)) ?? '';
    const proposed = criteria.filter((c) => ruleBasis(c.data['evidence'] as EvidenceRule) === 'proposal');
    expect(proposed.length).toBeGreaterThan(0);
    for (const c of criteria) {
      const title = String(c.data['title']);
      if (proposed.includes(c)) expect(line(title)).toContain(`[${PROPOSED_NOTE}]`);
      else expect(line(title)).not.toContain(PROPOSED_NOTE);
    }
  });

  it('says nothing about any other participant', () => {
    const id = 'teo-pastizal';
    const { stdout } = run(['--participant', id]);
    for (const other of participants.filter((p) => p.id !== id)) {
      expect(stdout).not.toContain(String(other.data['name']));
      expect(stdout).not.toContain(other.id);
    }
    // a buddy check-in names buddies by id in its file; the summary never repeats them
    expect(stdout).toContain('Teo Pastizal');
  });

  it('finds the participant by git handle, and is silent for a handle that is not a participant’s', () => {
    const handle = String(participants.find((p) => p.id === 'tilde-fjordholm')?.data['gitHandle']);
    expect(run(['--participant', `@${handle}`]).stdout).toContain('Progress of Tilde Fjordholm');
    expect(run(['--participant', '@someone-else']).stdout).not.toContain('Progress of');
  });

  it('shows a decision only once released, and never an assessment', () => {
    const released = run(['--participant', 'marisol-havgaard']).stdout;
    expect(released).toContain('Further work needed');
    const unreleased = run(['--participant', 'haruka-kumonoue']).stdout;
    expect(unreleased).not.toMatch(/Decision|Certified/);
    const assessments = records.filter((r) => r.collection === 'assessments' && r.id.startsWith('marisol-havgaard/'));
    for (const a of assessments) {
      for (const level of Object.values(a.data['levels'] as Record<string, { comment: string }>)) expect(released).not.toContain(level.comment);
    }
  });
});
