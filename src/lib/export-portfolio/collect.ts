/**
 * What goes into one participant's portfolio archive, read from content/ the way the validator
 * reads it (every file through the safety gate and its schema):
 *
 * - their profile, and each of their portfolio entries with its attachments;
 * - their evidence against the qualification criteria (src/lib/coverage.ts);
 * - their latest decision, only once it is released; never an assessment, an unreleased decision,
 *   a recipient record, or anything of another participant.
 *
 * Refuses (ExportError, naming the file, the field and what to write) an unknown participant and
 * any of their files the gate or the schema refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageInputFromContent, evaluateCoverage, type ParticipantCoverage } from '../coverage.ts';
import { formatProblem, type Problem } from '../problems.ts';
import { suggest } from '../schema-problems.ts';
import { parseSource } from '../source-file.ts';
import { readContent } from '../validate/read-content.ts';
import type { Participant } from '../../schemas/participant.ts';
import type { PortfolioEntry } from '../../schemas/portfolio-entry.ts';
import type { Decision } from '../../schemas/decision.ts';
import type { Criterion } from '../../schemas/framework.ts';
import { isReleased, programDate } from '../build-date.ts';

export class ExportError extends Error {}

export interface ExportEntry {
  /** File name without extension: the entry's id within the portfolio. */
  slug: string;
  /** Path in the project, e.g. content/portfolios/ana/reflection.md. */
  file: string;
  data: PortfolioEntry;
  /** The file as written. */
  text: string;
  body: string;
  /** Attachment file names (relative to the entry's folder) and their paths in the project. */
  attachments: { name: string; file: string }[];
}

export interface PortfolioExport {
  participant: { id: string; file: string; data: Participant };
  cohortTitle: string;
  siteName: string;
  /** Oldest first. */
  entries: ExportEntry[];
  criteria: { id: string; data: Criterion }[];
  coverage: ParticipantCoverage | undefined;
  /** Session titles by id, for the coverage's supporting sessions. */
  sessions: Map<string, string>;
  /** The latest released decision, if any. */
  decision: { file: string; data: Decision } | undefined;
  asOf: Date;
}

export function collectPortfolio(root: string, participantId: string, options: { demo: boolean; asOf: Date }): PortfolioExport {
  const read = readContent(root, { gate: true });
  const records = read.records.filter((r) => options.demo || !r.demo);
  const participants = records.filter((r) => r.collection === 'participants');
  const participant = participants.find((r) => r.id === participantId && !r.demo) ?? participants.find((r) => r.id === participantId);
  if (!participant) {
    const known = [...new Set(participants.map((r) => r.id))].sort();
    const close = suggest(participantId, known);
    throw new ExportError(
      `--participant: there is no participant "${participantId}": no file content/participants/${participantId}.yaml${options.demo ? ` or content/demo/participants/${participantId}.yaml` : ''}. Write the participant's id, the name of their file without .yaml${close ? `; did you mean ${close}?` : '.'} Participants: ${known.join(', ') || 'none'}`,
    );
  }
  const folder = `${participant.demo ? 'content/demo' : 'content'}/portfolios/${participantId}/`;
  const problems: Problem[] = read.problems.filter((p) => p.severity === 'error' && (p.file.startsWith(folder) || p.file === participant.file));
  if (!participant.valid || problems.length > 0) {
    throw new ExportError(
      `the portfolio of ${participantId} has problems; fix them first (npm run validate -- ${folder} shows them too):\n${problems.map(formatProblem).join('\n')}`,
    );
  }

  const entries: ExportEntry[] = records
    .filter((r) => r.collection === 'portfolios' && r.file.startsWith(folder))
    .map((r) => {
      const text = readFileSync(join(root, r.file), 'utf8');
      const data = r.data as unknown as PortfolioEntry;
      const slug = r.id.split('/')[1] ?? r.id;
      return {
        slug,
        file: r.file,
        data,
        text,
        body: parseSource(r.file, text).body,
        attachments: data.attachments.map((a) => {
          const name = a.file.replace(/^\.\//, '');
          return { name, file: `${folder}${name}` };
        }),
      };
    })
    .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.slug.localeCompare(b.slug));

  const p = participant.data as unknown as Participant;
  const cohort = records.find((r) => r.collection === 'cohorts' && r.id === p.cohort);
  const site = records.find((r) => r.collection === 'sites' && r.id === p.site);
  const criteria = records
    .filter((r) => r.collection === 'framework' && r.valid)
    .map((r) => ({ id: r.id, data: r.data as unknown as Criterion }))
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));

  // coverage of this participant only: their entries, their cohort's sessions, their attendance and approvals
  const coverageItems = records.filter((r) => r.valid && ['framework', 'cohorts', 'sessions', 'attendance', 'approvals', 'participants', 'portfolios'].includes(r.collection));
  const input = coverageInputFromContent(coverageItems, { cohort: p.cohort, asOf: options.asOf });
  // absence reasons are the coordinator's notes (faculty-only): the archive says "not recorded as present"
  const attendance = input.attendance.map((a) => ({ session: a.session, present: a.present }));
  const coverage = evaluateCoverage({ ...input, attendance }).participants.get(participantId);
  const sessions = new Map(records.filter((r) => r.collection === 'sessions').map((r) => [r.id, String(r.data['title'] ?? r.id)]));

  const released = records
    .filter((r) => r.collection === 'decisions' && r.valid && r.id.startsWith(`${participantId}/`) && r.demo === participant.demo)
    .map((r) => ({ file: r.file, data: r.data as unknown as Decision }))
    .filter((d) => isReleased(d.data.released, programDate(options.asOf)))
    .sort((a, b) => b.data.date.localeCompare(a.data.date));

  return {
    participant: { id: participantId, file: participant.file, data: p },
    cohortTitle: cohort ? String(cohort.data['title'] ?? p.cohort) : p.cohort,
    siteName: site ? String(site.data['name'] ?? p.site) : p.site,
    entries,
    criteria,
    coverage,
    sessions,
    decision: released[0],
    asOf: options.asOf,
  };
}
