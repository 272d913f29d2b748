/**
 * Withdrawing consent or erasing a participant removes every trace of them from the next public
 * build, even when that build reuses the content cache of the previous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, readSite } from '../../helpers/site-files.ts';

const TRACES = ['Pia Publica', 'PUBLICOKWORD', 'PUBLICPLANMARK', 'pia-public'];

describe('consent and erasure', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
  });
  afterAll(() => project?.cleanup());

  it('publishes a consenting participant, then drops every trace once consent is withdrawn', { timeout: 180_000 }, () => {
    const before = project.build({ kind: 'public' });
    expect(before.ok, before.log).toBe(true);
    const site = readSite(before.outDir);
    for (const trace of TRACES) expect(filesContaining(site, trace).length, trace).toBeGreaterThan(0);
    expect(site.some((f) => f.path.includes('public-picture'))).toBe(true);

    project.write(
      'content/participants/pia-public.yaml',
      'name: Pia Publica\ncohort: c1\nsite: alpha\nrole: teacher\ngitHandle: pia-public\nbuddies: [nils-private]\npublicProfile: false\n',
    );
    const after = project.build({ kind: 'public' });
    expect(after.ok, after.log).toBe(true);
    const withdrawn = readSite(after.outDir);
    for (const trace of TRACES) expect(filesContaining(withdrawn, trace), trace).toEqual([]);
    expect(withdrawn.filter((f) => f.path.includes('public-picture')).map((f) => f.path)).toEqual([]);
    // another participant's public work is still there
    expect(filesContaining(withdrawn, 'OLGAPUBLICWORD').length).toBeGreaterThan(0);
  });

  it('erases a participant whose folder and file are deleted', { timeout: 180_000 }, () => {
    project.write(
      'content/participants/pia-public.yaml',
      'name: Pia Publica\ncohort: c1\nsite: alpha\nrole: teacher\ngitHandle: pia-public\nbuddies: [nils-private]\npublicProfile: true\n',
    );
    const restored = project.build({ kind: 'public' });
    expect(restored.ok, restored.log).toBe(true);
    expect(filesContaining(readSite(restored.outDir), 'Pia Publica').length).toBeGreaterThan(0);

    project.remove('content/portfolios/pia-public');
    project.remove('content/participants/pia-public.yaml');
    project.write('content/participants/nils-private.yaml', 'name: Nils Zzyzxprivatus\ncohort: c1\nsite: alpha\nrole: administrator\ngitHandle: nils-private\n');
    const erased = project.build({ kind: 'public' });
    expect(erased.ok, erased.log).toBe(true);
    const site = readSite(erased.outDir);
    for (const trace of TRACES) expect(filesContaining(site, trace), trace).toEqual([]);
    expect(site.filter((f) => f.path.includes('public-picture')).map((f) => f.path)).toEqual([]);
  });
});
