/**
 * The privacy guarantee, proven on real builds of a fixture full of canaries: nothing a build's
 * audience may not see reaches any byte of that build (HTML, sitemap, assets, attachments, and the
 * decompressed Pagefind index), and the positive controls show the same canaries where they belong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';
import { filesContaining, filesWithBytes, readSite, type SiteFile } from '../../helpers/site-files.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/privacy/content');

const FACULTY_ONLY = [
  'CANARYFACULTYPIA0042',
  'CanaryTitleFacultyPia',
  'CANARYSUMMARYFACULTY',
  'canarytagfaculty',
  'CanaryAttachmentTitle',
  'CANARYSECRETPDF2718',
  'CANARYDEFAULTPIA5150',
  'CanaryTitleDefaultPia',
  'CANARYABSENCEREASON',
  'CANARYASSESSMENTCOMMENT',
  'CANARYDECISIONCONDITION',
  'CANARYFACULTYTOOL9393',
];
/** Resources for participants: the cohort sees them, the public never does. */
const COHORT_RESOURCES = ['CANARYTRANSCRIPT6161', 'CanaryRecordingTitle', 'CANARYAUDIOBYTES', 'CANARYCOHORTREADING4242'];
const COHORT_C1 = ['CANARYCOHORTPIA7731', 'CanaryTitleCohortPia', 'CANARYNILSCOHORT8080', 'CanaryTitleNils', 'CANARYMEETINGLINK'];
/** Pages only the faculty site has. */
const FACULTY_PAGES = ['dashboard/index.html', 'review/index.html', 'evidence/pia-public/index.html'];
const COHORT_C2 = ['CANARYOLGAC29191', 'CanaryTitleOlga'];
const PRIVATE_NAMES = ['Zzyzxprivatus'];
const secretPicture = readFileSync(join(FIXTURE, 'portfolios/pia-public/secret-picture.png'));

function leaks(site: readonly SiteFile[], needles: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const needle of needles) {
    const files = filesContaining(site, needle);
    if (files.length) found[needle] = files;
  }
  return found;
}

describe('audience builds of a fixture with canaries', () => {
  let project: FixtureProject;
  let publicSite: SiteFile[];
  let cohortSite: SiteFile[];
  let facultySite: SiteFile[];

  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
    const builds = [project.build({ kind: 'public' }), project.build({ kind: 'cohort', cohort: 'c1' }), project.build({ kind: 'faculty' })];
    for (const b of builds) if (!b.ok) throw new Error(b.log);
    [publicSite, cohortSite, facultySite] = builds.map((b) => readSite(b.outDir)) as [SiteFile[], SiteFile[], SiteFile[]];
  });
  afterAll(() => project?.cleanup());

  it('the public build contains no cohort-only or faculty-only text, title, name, image or attachment', () => {
    expect(leaks(publicSite, [...FACULTY_ONLY, ...COHORT_C1, ...COHORT_C2, ...PRIVATE_NAMES, ...COHORT_RESOURCES])).toEqual({});
    expect(publicSite.filter((f) => /\.(mp3|m4a|ogg)$/.test(f.path)).map((f) => f.path)).toEqual([]);
    expect(filesContaining(publicSite, 'PUBLICTOOLWORD').length).toBeGreaterThan(0);
    expect(filesWithBytes(publicSite, secretPicture.subarray(-40))).toEqual([]);
    expect(publicSite.filter((f) => f.path.includes('secret-picture'))).toEqual([]);
  });

  it('the public build does show what was published, including in its search index and sitemap', () => {
    expect(filesContaining(publicSite, 'PUBLICOKWORD').some((f) => f.startsWith('pagefind/'))).toBe(true);
    expect(filesContaining(publicSite, 'PUBLICOKWORD')).toContain('portfolios/pia-public/public-entry/index.html');
    expect(filesContaining(publicSite, 'PUBLICPLANMARK')).toContain('files/pia-public/public-plan.pdf');
    expect(filesContaining(publicSite, 'portfolios/pia-public/public-entry/')).toContain('sitemap-0.xml');
    expect(filesContaining(publicSite, 'Pia Publica').length).toBeGreaterThan(0);
  });

  it('the cohort build shows its own cohort’s shared entries and nothing faculty-only or from another cohort', () => {
    expect(leaks(cohortSite, [...FACULTY_ONLY, ...COHORT_C2])).toEqual({});
    expect(filesWithBytes(cohortSite, secretPicture.subarray(-40))).toEqual([]);
    expect(cohortSite.filter((f) => f.path.includes('secret-picture'))).toEqual([]);
    for (const canary of [...COHORT_C1, ...COHORT_RESOURCES]) expect(filesContaining(cohortSite, canary).length, canary).toBeGreaterThan(0);
    expect(filesContaining(cohortSite, 'Zzyzxprivatus').length).toBeGreaterThan(0);
  });

  it('cohort and faculty builds are marked private: noindex on every page, no sitemap, a visible banner', () => {
    for (const site of [cohortSite, facultySite]) {
      const pages = site.filter((f) => f.path.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        expect(page.text, page.path).toContain('<meta name="robots" content="noindex');
        expect(page.text, page.path).toContain('class="audience-banner');
      }
      expect(site.some((f) => f.path.startsWith('sitemap'))).toBe(false);
    }
  });

  it('has no dashboard, review queue or evidence page outside the faculty build', () => {
    for (const site of [publicSite, cohortSite]) for (const page of FACULTY_PAGES) expect(site.map((f) => f.path)).not.toContain(page);
    for (const page of FACULTY_PAGES) expect(facultySite.map((f) => f.path)).toContain(page);
  });

  it('the faculty build contains everything, so the canaries above are real', () => {
    for (const canary of [...FACULTY_ONLY, ...COHORT_C1, ...COHORT_C2]) expect(filesContaining(facultySite, canary).length, canary).toBeGreaterThan(0);
    // the private picture is processed by astro:assets in the faculty build (re-encoded, so found by name)
    expect(facultySite.some((f) => f.path.startsWith('_astro/') && f.path.includes('secret-picture')), facultySite.map((f) => f.path).join(' ')).toBe(true);
  });
});
