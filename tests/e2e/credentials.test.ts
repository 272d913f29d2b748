/**
 * Credentials on the built public site, in Chromium: look a certificate up on the registry page,
 * open its verification page, verify the credential there in both proof forms (the verifier loads
 * on demand, under the site's content security policy), check a tampered copy given as a file,
 * and read the page without JavaScript. Runs on the demo content (content/demo/decisions:
 * CST-2026-0001 is certified and released; its holder has no public profile).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { audienceOutDir } from '../../src/lib/audience.ts';
import { filesContaining, readSite } from '../helpers/site-files.ts';
import { launch, newPage, seriousViolations } from './setup/browser.ts';

const sites = inject('sites');
const base = sites['public'] as string;
const ID = 'CST-2026-0001';

describe('credentials on the public site in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('looks a certificate number up on the registry page and opens its verification page', async () => {
    // axe is injected as an inline script, which the site's content security policy refuses
    const page = await newPage(browser, { bypassCSP: true });
    await page.goto(`${base}trainers/`);
    const input = page.locator('#certificate-id');
    await input.waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    // typed loosely, as people do: lower case, no leading zeros
    await input.fill('cst 2026-1');
    await Promise.all([page.waitForURL(new RegExp(`/credentials/${ID}/$`)), input.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toContain(`Certificate ${ID}`);
    await expect(page.locator('[data-status]').getAttribute('data-status')).resolves.toBe('valid');
    await expect(page.locator('[data-testid=holder]').textContent()).resolves.toContain('A certified trainer');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('says so when there is no such certificate, and keeps focus in the field (under the site’s content security policy)', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}trainers/`);
    const input = page.locator('#certificate-id');
    await input.fill('CST-1999-0042');
    await input.press('Enter');
    await expect.poll(() => page.locator('.lookup-result').textContent(), { timeout: 10_000 }).toContain('There is no certificate CST-1999-0042');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('certificate-id');
    expect(page.url()).toBe(`${base}trainers/`);
    await page.context().close();
  });

  it('works as a plain list of certificate numbers without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}trainers/`);
    await expect(page.locator('form.credential-lookup').isVisible()).resolves.toBe(false);
    await page.locator('.all-ids summary').click();
    await Promise.all([page.waitForURL(new RegExp(`/credentials/${ID}/$`)), page.locator(`.all-ids a:text-is("${ID}")`).click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain(ID);
    await page.context().close();
  });

  it('verifies the published credential in both forms in the browser, loading the verifier only when asked', async () => {
    const page = await newPage(browser);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${base}credentials/${ID}/`);
    const button = page.getByRole('button', { name: 'Verify this credential in this browser' });
    await button.waitFor({ state: 'visible' });
    expect(scripts.some((u) => /\/verify\.[\w-]+\.js$/.test(u))).toBe(false);
    await button.click();
    const result = page.locator('.verify-result');
    await expect.poll(() => result.locator('h4').count(), { timeout: 30_000 }).toBe(2);
    const headings = await result.locator('h4').allTextContents();
    expect(headings).toEqual([expect.stringMatching(/^Data Integrity proof \(eddsa-rdfc-2022\) .*: verified$/), expect.stringMatching(/^JSON Web Token \(VC-JWT, EdDSA\) .*: verified$/)]);
    const checks = await result.locator('li').allTextContents();
    expect(checks).toHaveLength(8);
    expect(checks.every((c) => c.startsWith('Passed: '))).toBe(true);
    expect(checks.filter((c) => c.includes('Not revoked: the issuer\'s signed revocation list was checked'))).toHaveLength(2);
    expect(scripts.some((u) => /\/verify\.[\w-]+\.js$/.test(u))).toBe(true);
    expect(problems).toEqual([]); // nothing refused by the content security policy
    await page.context().close();
  });

  it('checks a copy given as a file, and says in words that a tampered one does not hold', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}credentials/${ID}/`);
    const credential = (await (await page.request.get(`${base}credentials/${ID}.json`)).json()) as Record<string, unknown>;
    const tampered = JSON.stringify({ ...credential, validFrom: '2019-01-01T00:00:00Z' });
    await page.locator('#verify-file').setInputFiles({ name: `${ID}.json`, mimeType: 'application/json', buffer: Buffer.from(tampered) });
    const result = page.locator('.verify-result');
    await expect.poll(() => result.locator('h4').count(), { timeout: 30_000 }).toBe(1);
    await expect(result.locator('h4').textContent()).resolves.toMatch(/: not verified$/);
    await expect(result.textContent()).resolves.toContain('Failed: The digital signature does not hold');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript: says what the build checked, and offers the JSON file and a QR code of its address', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${base}credentials/${ID}/`);
    await expect(page.locator('.verify-live').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('heading', { name: 'Checked when this site was built' }).isVisible()).resolves.toBe(true);
    await expect(page.locator(`a[download="${ID}.json"]`).getAttribute('href')).resolves.toMatch(new RegExp(`/credentials/${ID}\\.json$`));
    await expect(page.locator('.wallet-qr svg').count()).resolves.toBe(1);
    const demo = await page.locator('[data-testid=demo-credentials]').count();
    expect(demo).toBe(1); // the demo site's credentials say so
    await page.context().close();
  });

  it('faculty: prints the certificate on one page, with the QR code and without the site’s frame', async () => {
    const faculty = sites['faculty'] as string;
    const page = await newPage(browser);
    await page.goto(`${faculty}certificates/${ID}/`);
    await expect(page.locator('.certificate .qr svg').count()).resolves.toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    const badge = await page.request.get(`${faculty}certificates/${ID}/badge.png`);
    expect(badge.status()).toBe(200);
    expect((await badge.body()).includes(Buffer.from('openbadgecredential'))).toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.certificate').isVisible()).resolves.toBe(true);
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
    await page.context().close();
  });

  it('has no recipient email address anywhere in the built public site', () => {
    const recipients = join(process.cwd(), 'content/demo/recipients');
    const addresses = readdirSync(recipients).map((f) => /^email:\s*(\S+)/m.exec(readFileSync(join(recipients, f), 'utf8'))?.[1] ?? '');
    expect(addresses.filter(Boolean).length).toBeGreaterThan(0);
    const site = readSite(join(process.cwd(), audienceOutDir({ kind: 'public' })));
    for (const address of addresses) expect(filesContaining(site, address), address).toEqual([]);
  });
});
