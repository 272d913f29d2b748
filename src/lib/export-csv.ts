/**
 * The evidence matrix of one cohort as CSV, for faculty who work in a spreadsheet: one row per
 * participant (id, name, site), then for each criterion its status and what is missing, then each
 * assessor's recommendation, then the latest decision (outcome, date, released).
 *
 * UTF-8, RFC 4180 quoting and CRLF line ends (csv-stringify), an optional byte-order mark so
 * spreadsheet apps read accented names correctly. Cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) get a leading apostrophe, as OWASP
 * advises for CSV exports; no value we write ourselves starts with one of those.
 *
 * Pure apart from the library: no file system, no Astro.
 */
import { stringify } from 'csv-stringify/sync';
import type { CoverageResult } from './coverage.ts';

export interface ExportParticipant {
  id: string;
  name: string;
  /** Site name (or id when the site has no file). */
  site: string;
}

export interface ExportAssessment {
  participant: string;
  assessor: string;
  recommendation: string;
}

export interface ExportDecision {
  participant: string;
  /** YYYY-MM-DD. */
  date: string;
  outcome: string;
  released?: string | undefined;
}

export interface MatrixInput {
  coverage: CoverageResult;
  /** Rows, in order. */
  participants: readonly ExportParticipant[];
  assessments: readonly ExportAssessment[];
  decisions: readonly ExportDecision[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as text, never runs. */
export function neutralise(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Header and one row per participant. */
export function matrixRows(input: MatrixInput): string[][] {
  const { coverage } = input;
  const members = new Set(input.participants.map((p) => p.id));
  const assessors = [...new Set(input.assessments.filter((a) => members.has(a.participant)).map((a) => a.assessor))].sort();
  const recommendation = new Map(input.assessments.map((a) => [`${a.participant}\u0000${a.assessor}`, a.recommendation]));
  const latest = new Map<string, ExportDecision>();
  for (const d of input.decisions) {
    const seen = latest.get(d.participant);
    if (!seen || d.date > seen.date) latest.set(d.participant, d);
  }

  const header = [
    'participant',
    'name',
    'site',
    ...coverage.criteria.flatMap((c) => [`${c} status`, `${c} missing`]),
    ...assessors.map((a) => `recommendation ${a}`),
    'decision',
    'decision date',
    'released',
  ];
  const rows = input.participants.map((p) => {
    const cells = coverage.participants.get(p.id)?.criteria;
    const decision = latest.get(p.id);
    return [
      p.id,
      p.name,
      p.site,
      ...coverage.criteria.flatMap((c) => {
        const cell = cells?.get(c);
        return cell ? [cell.status, cell.missing] : ['', ''];
      }),
      ...assessors.map((a) => recommendation.get(`${p.id}\u0000${a}`) ?? ''),
      decision?.outcome ?? '',
      decision?.date ?? '',
      decision?.released ?? '',
    ];
  });
  return [header, ...rows].map((row) => row.map(neutralise));
}

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (for spreadsheet apps). Default false. */
  bom?: boolean | undefined;
}

/** RFC 4180 CSV text: fields with commas, quotes or line breaks quoted, quotes doubled, CRLF. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone line feed or
  // carriage return, which spreadsheet apps would still read as a new row: quote those too
  return stringify(rows as string[][], { bom: options.bom === true, record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ });
}
