/** The assessment composer's heavy half, loaded on the first touch of the form: the file text and its check. */
import { stringify } from 'yaml';
import { assessmentSchema } from '../schemas/assessment.ts';
import { checkSchema } from '../lib/schema-problems.ts';
import { parseSource } from '../lib/source-file.ts';
import type { Problem } from '../lib/problems.ts';

export function assessmentFile(path: string, heading: string, data: Record<string, unknown>): { text: string; problems: Problem[] } {
  const text = `# ${heading}\n${stringify(data, { lineWidth: 0 })}`;
  const source = parseSource(path, text);
  return { text, problems: [...source.problems, ...checkSchema(assessmentSchema, source.data, path, source.locate, 'an assessment').problems] };
}
