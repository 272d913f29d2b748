/**
 * The cross-file check the build runs first: every file's schema and every reference, without
 * the body gate, which runs inside each audience build (once per file there).
 */
import { validateContent } from '../../src/lib/validate/index.ts';
import { formatText } from '../../src/lib/validate/report.ts';

export async function precheck(root: string): Promise<{ errors: number; text: string }> {
  const result = validateContent(root, { gate: false });
  const errors = result.problems.filter((p) => p.severity === 'error');
  return { errors: errors.length, text: formatText({ problems: errors, files: result.files }).trimEnd() };
}
