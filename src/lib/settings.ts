/** Reads `content/settings.yaml` with its schema; used by the Astro config and the scripts. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../schemas/settings.ts';
import { parseSource } from './source-file.ts';
import { checkSchema } from './schema-problems.ts';
import { ContentError } from './problems.ts';

export const SETTINGS_FILE = 'content/settings.yaml';

export function readSettings(root: string): Settings {
  const text = readFileSync(join(root, SETTINGS_FILE), 'utf8');
  const source = parseSource(SETTINGS_FILE, text);
  if (source.problems.length) throw new ContentError(source.problems, 'content/settings.yaml cannot be read');
  const check = checkSchema(settingsSchema, source.data, SETTINGS_FILE, source.locate, 'the settings');
  if (!check.value) throw new ContentError(check.problems, 'content/settings.yaml has problems');
  return check.value;
}
