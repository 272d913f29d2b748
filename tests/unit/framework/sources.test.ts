/**
 * Every rule has a source, and the public words for it: each criterion and each evidence rule of
 * the real framework says where it comes from; every brochure quote is the brochure's own wording,
 * in the section it names (checked against the brochure's fingerprint, so on any machine); the
 * requirements are put in words with their source ("stated by the program" and the brochure's
 * section, "set by the faculty for this cycle", or proposed), never with the quoted sentence.
 */
import { describe, expect, it } from 'vitest';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { brochurePlace, requirementText, requirementsOf, sourceView } from '../../../src/lib/framework-view.ts';
import { quotedFrom } from '../../../src/lib/own-words.ts';
import { BROCHURE_SECTION_NAMES, leafRules, ruleBasis, type BrochureSource, type Criterion, type EvidenceRule } from '../../../src/schemas/framework.ts';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { readFingerprint } from '../../helpers/own-words.ts';

const { records, problems } = readContent(PROJECT_ROOT, { gate: false });
const criteria = records.filter((r) => r.collection === 'framework');
const data = (r: (typeof criteria)[number]) => r.data as unknown as Criterion;

/** The brochure's fingerprint (hashes only; scripts/brochure-shingles.ts makes it from the brochure). */
const fingerprint = readFingerprint();
const sectionPrint = (name: string) => fingerprint.sections.find((s) => s.name === name);

/** Where a quote is not the brochure's wording in the section it names, in words; undefined when it is. */
function quoteProblem(source: BrochureSource): string | undefined {
  const named = sectionPrint(source.section);
  if (named === undefined) return `the fingerprint has no section "${source.section}"`;
  if (quotedFrom(source.brochure, named)) return undefined;
  const elsewhere = fingerprint.sections.filter((s) => quotedFrom(source.brochure, s)).map((s) => s.name);
  return elsewhere.length > 0 ? `it is in the brochure under ${elsewhere.join(', ')}, not ${source.section}` : 'it is not the brochure’s wording';
}

describe('the real framework', () => {
  it('is valid, with a source for every criterion and every rule', () => {
    expect(problems.filter((p) => p.file.startsWith('content/framework/'))).toEqual([]);
    expect(criteria.length).toBeGreaterThan(0);
    for (const c of criteria) {
      expect(data(c).source, c.file).toBeDefined();
      for (const rule of leafRules(data(c).evidence)) expect(rule.source, c.file).toBeDefined();
    }
  });

  it('shows no threshold as the program’s that the brochure does not state', () => {
    // the thresholds the brochure never states: they are proposals until the faculty confirm them
    const byId = new Map(criteria.map((c) => [c.id, data(c)]));
    const kinds = (id: string) => leafRules(byId.get(id)?.evidence as EvidenceRule).map((r) => (r.source && 'brochure' in r.source ? 'brochure' : 'other'));
    for (const id of ['coaching', 'reflective-portfolio', 'buddy-checkins', 'cultivation-practice']) expect(kinds(id), id).not.toContain('brochure');
    expect(kinds('application-project')).toEqual(['brochure', 'other']);
  });

  it('quotes the brochure word for word, in the section each source names', () => {
    const quotes = criteria.flatMap((c) =>
      [data(c).source, ...leafRules(data(c).evidence).map((r) => r.source)].flatMap((s) => (s && 'brochure' in s ? [{ file: c.file, source: s }] : [])),
    );
    expect(quotes.length).toBeGreaterThan(5);
    expect(quotes.map((q) => ({ file: q.file, quote: q.source.brochure, problem: quoteProblem(q.source) })).filter((q) => q.problem !== undefined)).toEqual([]);
  });
});

describe('the quote check', () => {
  it('has a fingerprint for every section a source may name, and nothing but hashes in it', () => {
    expect(fingerprint.sections.map((s) => s.name)).toEqual(BROCHURE_SECTION_NAMES);
    for (const section of fingerprint.sections) {
      expect(section.shingles.length, section.name).toBeGreaterThan(10);
      expect([...section.shingles, ...section.sentences].filter((h) => !/^[0-9a-f]{64}$/.test(h)), section.name).toEqual([]);
    }
  });
  it('notices a paraphrase, a changed word, a fragment passed off as a sentence and the wrong section', () => {
    const commitments = 'Participant commitments';
    expect(quoteProblem({ brochure: 'Be present at all three face-to-face sessions (15 days total).', section: commitments })).toBeUndefined();
    // line breaks, typographic quotes and case do not make a quote wrong
    expect(quoteProblem({ brochure: 'BE PRESENT at all three\nface\u2011to\u2011face sessions (15 days total)', section: commitments })).toBeUndefined();
    expect(quoteProblem({ brochure: 'Be present at every one of the three face-to-face sessions.', section: commitments })).toBe('it is not the brochure’s wording');
    expect(quoteProblem({ brochure: 'Be present at all four face-to-face sessions (15 days total).', section: commitments })).toBe('it is not the brochure’s wording');
    expect(quoteProblem({ brochure: 'Be present at all three face-to-face sessions (15 days total).', section: 'Benefits' })).toBe(
      'it is in the brochure under Participant commitments, not Benefits',
    );
    // shorter than eight words: only a whole sentence or bullet point of the section counts
    expect(quoteProblem({ brochure: 'Three face-to-face workshops in the US', section: 'Program structure' })).toBeUndefined();
    expect(quoteProblem({ brochure: 'face-to-face workshops in the US', section: 'Program structure' })).toBe('it is not the brochure’s wording');
  });
});

describe('requirements in words', () => {
  const names = new Map([
    ['peter-m-senge', 'Peter M. Senge'],
    ['mette-miriam-boell', 'Mette Miriam Boell'],
  ]);
  it('says what each kind of rule asks for', () => {
    expect(requirementText({ rule: 'entries', type: ['coaching'], min: 3, tagged: false })).toBe('At least three coaching entries in the portfolio');
    expect(requirementText({ rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false })).toBe(
      'At least one application project final report in the portfolio',
    );
    expect(requirementText({ rule: 'entries', type: ['reflection', 'workshop-reflection'], min: 12, tagged: true })).toBe(
      'At least 12 reflections or workshop reflections that name this criterion in the portfolio',
    );
    expect(requirementText({ rule: 'monthly', type: ['practice-log'], min: 1 })).toBe('A practice log in the portfolio for every month of the participant’s year');
    expect(requirementText({ rule: 'monthly', type: ['buddy-checkin'], min: 2 })).toBe('At least two buddy check-ins in the portfolio for every month of the participant’s year');
    expect(requirementText({ rule: 'attendance', kind: 'workshop' })).toBe('Present at every face-to-face workshop held so far');
    expect(requirementText({ rule: 'project' })).toBe('The project proposal reviewed before the year and finalised after the first workshop, by the program faculty');
  });
  it('names each kind of source: the brochure’s section (never its sentence), who and when, or why it is proposed', () => {
    const view = sourceView({ brochure: 'Be present at all three face-to-face sessions (15 days total).', section: 'Participant commitments' }, names);
    expect(view).toEqual({ kind: 'brochure', label: 'Stated by the program', section: 'Participant commitments' });
    expect(JSON.stringify(view)).not.toContain('Be present');
    expect(brochurePlace('Participant commitments')).toBe('in the brochure’s “Participant commitments” section');
    expect(sourceView({ faculty: { by: ['peter-m-senge', 'mette-miriam-boell'], date: '2020-07-03' } }, names)).toMatchObject({
      kind: 'faculty',
      label: 'Set by the faculty for this cycle',
      decidedBy: 'Peter M. Senge and Mette Miriam Boell, 3 July 2020',
    });
    expect(sourceView({ proposal: 'Three are proposed.' }, names)).toMatchObject({ kind: 'proposal', label: 'Proposed, not yet confirmed by the faculty', note: 'Three are proposed.' });
    // a rule built in code without a source is never shown as the program's
    expect(sourceView(undefined, names).kind).toBe('proposal');
  });
  it('lists each part of an all rule with its own source, and the weakest source decides the whole', () => {
    const rule: EvidenceRule = {
      rule: 'all',
      rules: [
        { rule: 'project', source: { brochure: 'We expect to review proposed projects prior to commencing the year-long process and to finalize them after the first workshop.', section: 'Program structure' } },
        { rule: 'entries', type: ['application-project'], stage: 'final-report', min: 1, tagged: false, source: { proposal: 'A final report is proposed.' } },
      ],
    };
    expect(requirementsOf(rule, names).map((r) => r.source.kind)).toEqual(['brochure', 'proposal']);
    expect(ruleBasis(rule)).toBe('proposal');
    expect(ruleBasis({ rule: 'attendance', kind: 'call', source: { faculty: { by: ['peter-m-senge'], date: '2020-07-03' } } })).toBe('faculty');
    expect(ruleBasis({ rule: 'attendance', kind: 'call', source: { brochure: 'Be present on the monthly 3-hour virtual learning community calls.', section: 'Participant commitments' } })).toBe('brochure');
  });
});
