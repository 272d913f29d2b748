/** Temporary content trees for the validator and scaffolder tests; none of them read the demo content. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SETTINGS = readFileSync(join(REPO_ROOT, 'content/settings.yaml'), 'utf8');

/** A small, valid project: one cohort, two modules, two sessions, two buddies, one faculty member. */
export const BASE_FILES: Readonly<Record<string, string>> = {
  'content/cohorts/2020-2021.yaml': `title: 2020–2021 cycle
start: 2020-06-28
end: tba
applicationDeadline: 2020-05-01
cost:
  amount: 14000
  currency: USD
`,
  'content/cohorts/2021-2022.yaml': `title: 2021–2022 cycle
start: tba
end: tba
applicationDeadline: 2021-05-01
cost:
  amount: 14000
  currency: USD
`,
  'content/modules/systems-awareness.md': `---
number: 1
title: Systems Awareness
summary: Seeing the systems we are part of.
---
`,
  'content/modules/compassionate-integrity.md': `---
number: 2
title: Compassionate Integrity
summary: Acting with integrity and care.
---
`,
  'content/faculty/peter-m-senge.md': `---
name: Peter M. Senge
role: facilitator
affiliation: MIT
gitHandle: psenge
---
`,
  'content/sites/riverside-hub.yaml': `name: Riverside Learning Hub
kind: hub
country: Denmark
`,
  'content/sessions/2020-2021/module-1-workshop.yaml': `kind: workshop
title: "Module 1 workshop"
module: systems-awareness
start: 2020-06-28T14:00
end: 2020-07-03T12:30
timeZone: America/New_York
speakers: [peter-m-senge]
`,
  'content/sessions/2020-2021/call-2020-09.yaml': `kind: call
title: "Monthly call, September 2020"
start: 2020-09-15T09:00
durationMinutes: 180
timeZone: America/New_York
`,
  'content/sessions/2021-2022/module-1-workshop.yaml': `kind: workshop
title: "Module 1 workshop"
start: tba
timeZone: America/New_York
`,
  'content/participants/maria-lopez.yaml': `name: Maria López
cohort: 2020-2021
site: riverside-hub
role: teacher
buddies: [jonas-berg]
gitHandle: maria-lopez
`,
  'content/participants/jonas-berg.yaml': `name: Jonas Berg
cohort: 2020-2021
site: riverside-hub
role: administrator
buddies: [maria-lopez]
gitHandle: jonas-berg
publicProfile: true
`,
};

const roots: string[] = [];

/** Write a file (creating folders); `content` may be bytes. */
export function write(root: string, path: string, content: string | Uint8Array): string {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

/**
 * A new project root with content/settings.yaml (copied from the real one), the base files unless
 * `base: false`, and the files given (a value of null removes a base file).
 */
export function makeProject(files: Readonly<Record<string, string | Uint8Array | null>> = {}, options: { base?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cert-validate-'));
  roots.push(root);
  write(root, 'content/settings.yaml', SETTINGS);
  const all: Record<string, string | Uint8Array | null> = { ...(options.base === false ? {} : BASE_FILES), ...files };
  for (const [path, content] of Object.entries(all)) if (content !== null) write(root, path, content);
  return root;
}

export function cleanupProjects(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A valid portfolio entry of the given type, with extra frontmatter lines. */
export function entry(frontmatter: string, body = 'Some text.\n'): string {
  return `---\n${frontmatter.trim()}\n---\n\n${body}`;
}
