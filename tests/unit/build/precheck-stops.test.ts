/**
 * `npm run build` runs the cross-file check beside the first Astro build: when the check finds an
 * error, the build stops, names the file and the problem, exits 1, and builds no further audience.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/privacy/content');

describe('a build whose content fails the cross-file check', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
    // a participant in a cohort that does not exist: each file alone is fine, together they are not
    project.write('content/participants/olga-other.yaml', 'name: Olga Quuxothercohort\ncohort: c9\nsite: alpha\nrole: student\ngitHandle: olga-other\npublicProfile: true\n');
  });
  afterAll(() => project?.cleanup());

  it('stops with exit 1, naming the file, and builds no further audience', async () => {
    const result = await project.runAsync('build', [], { CERT_BUILD_DATE: '2026-11-15' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('content/participants/olga-other.yaml');
    expect(result.stderr).toContain('c9');
    expect(result.stderr).toContain('The build stopped');
    expect(existsSync(join(project.root, 'dist/faculty/index.html'))).toBe(false);
  }, 600_000);
});
