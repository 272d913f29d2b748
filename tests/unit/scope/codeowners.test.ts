import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CODEOWNERS_FILE, generateCodeowners } from '../../../src/lib/scope/codeowners.ts';
import { NO_PEOPLE, peopleFromSources } from '../../../src/lib/scope/people.ts';
import { peopleSourcesOnDisk } from '../../../src/lib/scope/repository.ts';
import { cleanupTempDirs, PEOPLE_FILES, REPO_ROOT, runNode, tempDir, write } from './helpers.ts';

afterAll(cleanupTempDirs);

const SCRIPT = join(REPO_ROOT, 'scripts/codeowners.ts');
const people = peopleFromSources(Object.entries(PEOPLE_FILES).map(([path, text]) => ({ path, text })));

describe('generateCodeowners', () => {
  it('gives each portfolio folder to its participant and the assessors, records to their keepers, the rest to maintainers', () => {
    expect(generateCodeowners(people)).toMatchInlineSnapshot(`
      "# GENERATED FILE: do not edit it by hand; your changes would be lost.
      # \`npm run codeowners\` writes it from the participant files
      # (content/participants/, content/demo/participants/), the faculty files (content/faculty/),
      # .github/maintainers.txt and the table in src/lib/scope/permissions.ts. Change those, run
      # \`npm run codeowners\` and commit this file with them. CI runs \`npm run codeowners -- --check\`,
      # which fails when this file is out of date. GitHub uses the last line that matches a path.

      # Code, settings and everything else: owned by the maintainers
      * @dev-ana

      # Portfolio folders: owned by the participant and the assessing faculty
      /content/demo/portfolios/ines-lunaclara/ @demo-ines @psenge
      /content/portfolios/jonas-berg/ @JonasB @psenge
      /content/portfolios/maria-lopez/ @maria-lopez @psenge

      # Program records kept by the coordinator: owned by the coordinator
      /content/participants/ @jdiaz
      /content/sites/ @jdiaz
      /content/sessions/ @jdiaz
      /content/attendance/ @jdiaz
      /content/resources/ @jdiaz
      /content/cohorts/ @jdiaz
      /content/modules/ @jdiaz
      /content/faculty/ @jdiaz
      /content/demo/participants/ @jdiaz
      /content/demo/sites/ @jdiaz
      /content/demo/sessions/ @jdiaz
      /content/demo/attendance/ @jdiaz
      /content/demo/resources/ @jdiaz
      /content/demo/cohorts/ @jdiaz
      /content/demo/modules/ @jdiaz
      /content/demo/faculty/ @jdiaz
      /content/program/ @jdiaz

      # Faculty records kept by assessing faculty: owned by the assessing faculty
      /content/assessments/ @psenge
      /content/demo/assessments/ @psenge
      /content/framework/ @psenge

      # Faculty decisions the coordinator may record: owned by the assessing faculty
      /content/decisions/ @psenge
      /content/approvals/ @psenge
      /content/recipients/ @psenge
      /content/demo/decisions/ @psenge
      /content/demo/approvals/ @psenge
      /content/demo/recipients/ @psenge
      "
    `);
  });

  it('says which owners are missing, leaving those paths to the * line', () => {
    const text = generateCodeowners(NO_PEOPLE);
    expect(text).toContain('# No owner yet (.github/maintainers.txt lists no handles), so GitHub asks nobody in particular for:\n# *\n');
    expect(text).toContain('# No participant file has a gitHandle yet.');
    expect(text).toContain('# No owner yet (no faculty file with role: coordinator has a gitHandle), so the * line applies to:\n# /content/participants/\n');
    expect(text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([]);
  });
});

describe('npm run codeowners', () => {
  function project(): string {
    const root = tempDir('cert-codeowners-');
    for (const [path, text] of Object.entries(PEOPLE_FILES)) write(root, path, text);
    return root;
  }

  it('writes the file from the content, and --check passes until the content changes', () => {
    const root = project();
    expect(runNode(root, SCRIPT, ['--check'])).toMatchObject({ code: 1, stdout: expect.stringContaining('.github/CODEOWNERS is missing') });
    expect(runNode(root, SCRIPT, [])).toMatchObject({ code: 0, stdout: '✔ wrote .github/CODEOWNERS; commit it\n' });
    expect(readFileSync(join(root, CODEOWNERS_FILE), 'utf8')).toBe(generateCodeowners(peopleFromSources(peopleSourcesOnDisk(root))));
    expect(runNode(root, SCRIPT, ['--check'])).toMatchObject({ code: 0, stdout: '✔ .github/CODEOWNERS is up to date\n' });

    write(root, 'content/participants/new-person.yaml', 'name: New Person\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: newbie\n');
    const stale = runNode(root, SCRIPT, ['--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatchInlineSnapshot(`
      "✖ .github/CODEOWNERS is out of date: it no longer matches the participant and faculty files or .github/maintainers.txt.
      Run \`npm run codeowners\` and commit .github/CODEOWNERS. Do not edit it by hand.
      Lines to add (+) and remove (-):
      + /content/portfolios/new-person/ @newbie @psenge
      "
    `);
  });

  it('exits 2 on wrong usage', () => {
    const root = project();
    const { code, stderr } = runNode(root, SCRIPT, ['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: npm run codeowners');
    expect(runNode(tempDir('cert-empty-'), SCRIPT, []).code).toBe(2);
  });
});

describe('the committed .github/CODEOWNERS', () => {
  it('is up to date with the content', () => {
    const committed = readFileSync(join(REPO_ROOT, CODEOWNERS_FILE), 'utf8');
    expect(committed, 'run `npm run codeowners`').toBe(generateCodeowners(peopleFromSources(peopleSourcesOnDisk(REPO_ROOT))));
  });
});
