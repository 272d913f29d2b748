/**
 * After a key is marked compromised (npm run credential-key -- rotate --compromised), the faculty
 * site's Certified trainers page lists every valid credential a holder may hold a copy of signed
 * with that key, each with its new badge, as `credential-key list` does; a revoked one is not
 * listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/credentials/content');

describe('credentials to re-issue after a key is compromised', () => {
  let project: FixtureProject;
  let page: string;
  let listed: string;
  const env = { CERT_BUILD_DATE: '2026-11-29', SITE_BASE: '' };

  beforeAll(async () => {
    project = makeFixtureProject(FIXTURE);
    const made = project.run('credential-key', ['new'], env);
    expect(made.status, made.stderr).toBe(0);
    const rotated = project.run('credential-key', ['rotate', '--compromised', 'a laptop with the key was stolen'], env);
    expect(rotated.status, rotated.stderr).toBe(0);
    listed = rotated.stderr;
    const built = await project.runAsync('build', ['--audience', 'faculty', '--skip-check'], { ...env, CREDENTIAL_SIGNING_KEY: rotated.stdout.trim() });
    expect(built.status, built.stderr).toBe(0);
    page = readFileSync(join(project.root, 'dist/faculty/trainers/index.html'), 'utf8');
  }, 600_000);
  afterAll(() => project?.cleanup());

  it('lists the valid credentials signed with the compromised key, with their new badges, and not the revoked one', () => {
    const section = /<section[^>]*data-reissue[^>]*>[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(section).toContain('a laptop with the key was stolen');
    const certificates = [...section.matchAll(/<li data-certificate="([^"]+)"/g)].map((m) => m[1]);
    expect(certificates).toEqual(['CST-2025-0001', 'CST-2025-0002']);
    expect(section).toContain('href="/certificates/CST-2025-0001/badge.png"');
    // the same certificates the command listed when the key was marked
    for (const id of certificates) expect(listed).toContain(id as string);
    expect(listed).not.toContain('CST-2025-0003');
  });
});
