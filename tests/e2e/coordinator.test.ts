/**
 * The coordinator's year, as a coordinator does it on the faculty site: the to-do page of the demo
 * cohort on a fixed build date lists exactly what its records lack; each form, opened from its
 * to-do item or the coordinator's page, writes files that `npm run validate` accepts and that the
 * pull-request scope check lets the coordinator propose; once they are added and the site rebuilt,
 * the to-do items they resolve are gone and the pages they change show it.
 *
 * Needs: Chromium (npm run test:e2e), and two builds of the faculty site in a copy of the project.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../helpers/fixture-project.ts';
import { serveSite, type RunningSite } from '../../src/lib/static-server.ts';
import { launch, newPage, seriousViolations, waitForIslands } from './setup/browser.ts';

const DAY = '2026-12-15';
const COORDINATOR = 'demo-julie';

/** What the demo records lack on 15 December 2026 (tests/unit/coordinator/demo-todo.test.ts says why each). */
const BEFORE = [
  'attendance:demo-2026/call-2026-12',
  'approval:daichi-mizukagami/project-proposal-soil-to-school',
  'approval:teo-pastizal/project-proposal-peer-listeners',
  'assessment:paloma-nubeverde',
  'credential:haruka-kumonoue/2026-11-27',
];

interface Sent {
  path: string;
  text: string;
}

async function todoKeys(page: Page, site: string): Promise<string[]> {
  await page.goto(`${site}coordinator/`);
  return page.locator('[data-todo]').evaluateAll((items) => items.map((i) => i.getAttribute('data-todo') ?? ''));
}

/** A page that records console errors (a content-security-policy refusal of the forms' checks shows there). */
async function formPage(browser: Browser, options: Parameters<typeof newPage>[1] = {}): Promise<Page> {
  const page = await newPage(browser, options);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  consoleErrors.set(page, errors);
  return page;
}
const consoleErrors = new WeakMap<Page, string[]>();

/** The files a form shows, once its check says they are ready, with the links that hand them to the git host. */
async function readyFiles(page: Page): Promise<Sent[]> {
  await page.getByTestId('form-ok').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  expect(consoleErrors.get(page) ?? []).toEqual([]);
  const out: Sent[] = [];
  for (const block of await page.locator('[data-file]').all()) {
    const path = (await block.getAttribute('data-file')) ?? '';
    const text = await block.getByTestId('composer-text').inputValue();
    const created = block.getByTestId('composer-new-file');
    if (await created.count()) {
      const url = new URL((await created.getAttribute('href')) ?? '');
      expect(url.searchParams.get('filename')).toBe(path);
      expect(url.searchParams.get('value')).toBe(text);
    } else {
      const url = new URL((await block.getByTestId('composer-edit-file').getAttribute('href')) ?? '');
      expect(url.pathname).toBe(`/your-org/certification/edit/main/${path}`);
    }
    out.push({ path, text });
  }
  return out;
}

describe('the coordinator’s forms and to-do page', () => {
  let project: FixtureProject;
  let before: RunningSite;
  let browser: Browser;
  let base = '';
  const sent: Sent[] = [];

  beforeAll(async () => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'content'));
    // the coordinator signs in to the git host as demo-julie; Haruka's address is not recorded yet
    const julie = 'content/faculty/julie-diaz.md';
    project.write(julie, readFileSync(join(project.root, julie), 'utf8').replace('assessor: false\n', `assessor: false\ngitHandle: ${COORDINATOR}\n`));
    project.remove('content/demo/recipients/haruka-kumonoue.yaml');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: project.root, encoding: 'utf8' }).trim();
    git('add', 'content');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'base');
    base = git('rev-parse', 'HEAD');
    const build = project.build({ kind: 'faculty' }, { CERT_BUILD_DATE: DAY });
    expect(build.ok, build.log.slice(-3000)).toBe(true);
    before = await serveSite(build.outDir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await before?.close();
    project?.cleanup();
  });

  it('lists exactly what the demo records lack on the build date, each with a link to its form', async () => {
    const page = await newPage(browser);
    expect(await todoKeys(page, before.url)).toEqual(BEFORE);
    await expect(page.getByTestId('todo-count').textContent()).resolves.toContain('5 things to do');
    await expect(page.locator('[data-build-date]').getAttribute('data-build-date')).resolves.toBe(DAY);
    expect(await page.locator('[data-todo="assessment:paloma-nubeverde"] a').getAttribute('href')).toBe('/evidence/paloma-nubeverde/assess/');
    expect(await seriousViolations(page)).toEqual([]);
    // every form's "How this form is used" link lands on its part of the guide
    const formLinks = await page.locator('.card-grid a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(formLinks).toHaveLength(7);
    for (const form of formLinks) {
      await page.goto(`${before.url}${form.slice(1)}`);
      const guide = (await page.getByRole('link', { name: 'How this form is used' }).getAttribute('href')) ?? '';
      await page.goto(`${before.url}${guide.slice(1)}`);
      await expect(page.locator(`[id="${guide.split('#')[1] ?? ''}"]`).count(), guide).resolves.toBe(1);
    }
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('records the December call’s attendance from its to-do item, with a reason for an absence', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/`);
    await page.locator('[data-todo="attendance:demo-2026/call-2026-12"] a').click();
    await waitForIslands(page);
    await expect(page.getByLabel('Session').inputValue()).resolves.toBe('demo-2026/call-2026-12');
    // by keyboard: move to Daichi's box and untick it; the reason is then asked for
    await page.getByLabel('Daichi Mizukagami was there').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('form-problems').textContent(), { timeout: 15_000 }).toContain('write why Daichi Mizukagami was not there');
    await page.getByLabel('Why Daichi Mizukagami was not there').fill('the rice harvest: in the fields all day');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/attendance/demo-2026/call-2026-12.yaml']);
    expect(files[0]?.text).toContain('reason: "the rice harvest: in the fields all day"');
    sent.push(...files);
  });

  it('records Daichi’s final approval step from its to-do item', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/`);
    await page.locator('[data-todo="approval:daichi-mizukagami/project-proposal-soil-to-school"] a').click();
    await waitForIslands(page);
    await expect.poll(() => page.getByLabel('Finalised after the first workshop').isChecked(), { timeout: 15_000 }).toBe(true);
    await page.getByLabel('Sigrun Morgenlys').check();
    await page.getByLabel('Note (optional)').fill('Finalised: one class, one field, one year.');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/approvals/daichi-mizukagami/project-proposal-soil-to-school/final.yaml']);
    sent.push(...files);
  });

  it('releases Haruka’s certified decision and writes where her credential goes', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/`);
    await page.locator('[data-todo="credential:haruka-kumonoue/2026-11-27"] a').click();
    await waitForIslands(page);
    await page.getByLabel('Released on').fill(DAY);
    await page.getByLabel('Email address of Haruka Kumonoue').fill('not an address');
    await expect.poll(() => page.getByTestId('form-problems').textContent(), { timeout: 15_000 }).toContain('email must be one address');
    await page.getByLabel('Email address of Haruka Kumonoue').fill('haruka.kumonoue@example.org');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/decisions/haruka-kumonoue/2026-11-27.yaml', 'content/demo/recipients/haruka-kumonoue.yaml']);
    expect(files[0]?.text).toBe(`${readFileSync(join(project.root, files[0]?.path ?? ''), 'utf8')}released: ${DAY}\n`);
    expect(files[1]?.text).toMatch(/^email: haruka\.kumonoue@example\.org\nsalt: [0-9a-f]{32}\n$/m);
    sent.push(...files);
  });

  it('revokes Oskar’s credential with a reason', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/revoke/?decision=oskar-molleskov/2026-11-20`);
    await waitForIslands(page);
    await page.getByLabel('Reason').fill('Certified in error: the final report was another participant’s.');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/decisions/oskar-molleskov/2026-11-20.yaml']);
    sent.push(...files);
  });

  it('enrols a participant from a new site, without buddies or a handle yet, and gives Teo a buddy in both files', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/enrol/?cohort=demo-2026`);
    await waitForIslands(page);
    await page.getByLabel('Name', { exact: true }).fill('Nova Ríos-Søndergaard');
    await page.getByLabel('Role in their organisation').selectOption('student');
    await page.getByLabel('Joined on (optional)').fill(DAY);
    await page.getByLabel('Site or hub', { exact: true }).selectOption({ label: 'A site or hub not listed yet…' });
    await page.getByLabel('Name of the school, organisation or hub').fill('Escuela del Río (fictional)');
    await page.getByLabel('Country').fill('Chile');
    const nova = await readyFiles(page);
    expect(nova.map((f) => f.path)).toEqual(['content/demo/participants/nova-rios-sondergaard.yaml', 'content/demo/sites/escuela-del-rio-fictional.yaml']);
    expect(nova[0]?.text).toContain('site: escuela-del-rio-fictional');
    expect(nova[0]?.text).toContain('publicProfile: false');
    sent.push(...nova);

    await page.goto(`${before.url}coordinator/enrol/?participant=teo-pastizal`);
    await waitForIslands(page);
    await page.getByLabel('Daichi Mizukagami').check();
    const teo = await readyFiles(page);
    expect(teo.map((f) => f.path)).toEqual(['content/demo/participants/teo-pastizal.yaml', 'content/demo/participants/daichi-mizukagami.yaml']);
    sent.push(...teo);
  });

  it('announces a January call, in its zone and in the reader’s', async () => {
    const page = await formPage(browser, { timezoneId: 'Europe/Copenhagen' });
    await page.goto(`${before.url}coordinator/session/?cohort=demo-2026`);
    await waitForIslands(page);
    await page.getByLabel('Title').fill('Monthly call, January 2027: “listening”');
    await page.getByLabel('Module', { exact: true }).selectOption('compassionate-integrity');
    await page.getByLabel('Start date').fill('2027-01-12');
    await page.getByLabel('Pre-work (optional)').fill('Read one chapter.\n\n- note one question\n- bring it');
    await expect.poll(() => page.getByTestId('session-when').textContent(), { timeout: 15_000 }).toContain('Tuesday 12 January 2027, 09:00–12:00 (EST, America/New_York); in your time zone (Europe/Copenhagen): Tuesday 12 January 2027, 15:00–18:00');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/sessions/demo-2026/call-2027-01.yaml']);
    sent.push(...files);
  });

  it('opens the next demo cycle from this one', async () => {
    const page = await formPage(browser);
    await page.goto(`${before.url}coordinator/cycle/?from=demo-2026`);
    await waitForIslands(page);
    await page.getByLabel('Title').fill('Demo cohort 2027–2028 (fictional)');
    const files = await readyFiles(page);
    expect(files.map((f) => f.path)).toEqual(['content/demo/cohorts/demo-2027.yaml']);
    expect(files[0]?.text).toContain('start: 2027-06-14');
    sent.push(...files);
  });

  it('the files pass npm run validate and the coordinator’s pull-request scope check, and the rebuilt site shows them', async () => {
    expect(sent.length).toBe(11);
    for (const file of sent) project.write(file.path, file.text);
    const validate = project.run('validate', sent.map((f) => f.path));
    expect(`${validate.stdout}${validate.stderr}`).not.toMatch(/\berror\b/);
    expect(validate.status).toBe(0);

    const git = (...args: string[]) => execFileSync('git', args, { cwd: project.root, encoding: 'utf8' });
    git('add', 'content');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'the coordinator’s forms');
    const scope = project.run('check-pr', ['--author', COORDINATOR, '--base', base]);
    expect(scope.status, `${scope.stdout}${scope.stderr}`).toBe(0);

    const rebuilt = project.build({ kind: 'faculty' }, { CERT_BUILD_DATE: DAY });
    expect(rebuilt.ok, rebuilt.log.slice(-3000)).toBe(true);
    const after = await serveSite(rebuilt.outDir);
    try {
      const page = await newPage(browser);
      const resolved = ['attendance:demo-2026/call-2026-12', 'approval:daichi-mizukagami/project-proposal-soil-to-school', 'credential:haruka-kumonoue/2026-11-27'];
      expect(BEFORE.filter((k) => resolved.includes(k))).toEqual(resolved);
      // Nova's enrolment is incomplete, and she has no project proposal yet; the items nobody resolved stay
      expect(await todoKeys(page, after.url)).toEqual([
        'participant:nova-rios-sondergaard',
        'approval:teo-pastizal/project-proposal-peer-listeners',
        'approval:nova-rios-sondergaard',
        'assessment:paloma-nubeverde',
      ]);
      await expect(page.locator('[data-todo="participant:nova-rios-sondergaard"]').textContent()).resolves.toContain('no buddies; no git handle');
      // the released credential is issued: its certificate exists now; the revoked one says so
      expect(existsSync(join(rebuilt.outDir, 'certificates/CST-2026-0003/index.html'))).toBe(true);
      await page.goto(`${after.url}certificates/CST-2026-0001/`);
      await expect(page.locator('main').textContent()).resolves.toContain('Revoked on 15 December 2026');
      await page.goto(`${after.url}participants/nova-rios-sondergaard/`);
      await expect(page.locator('main').textContent()).resolves.toContain('Escuela del Río (fictional)');
      await page.goto(`${after.url}schedule/`);
      await expect(page.locator('main').textContent()).resolves.toContain('Monthly call, January 2027: “listening”');
      expect(existsSync(join(rebuilt.outDir, 'cohorts/demo-2027/index.html'))).toBe(true);
    } finally {
      await after.close();
    }
    // a validation, a scope check and a whole build of the faculty site
  }, 300_000);
});
