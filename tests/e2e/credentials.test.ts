/**
 * Credentials on the built public site, in Chromium: look a certificate up on the registry page,
 * open its verification page, and check it as a verifier would (JWT against the served DID
 * document). Runs on the demo content (content/demo/decisions: CST-2026-0001 is certified and
 * released; its holder has no public profile).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { verifyCredentialJwt } from '../../src/lib/credentials/credential.ts';
import type { DidDocument } from '../../src/lib/credentials/issuer.ts';
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

  it('offers a signed credential that verifies with the key in the served DID document', async () => {
    const page = await newPage(browser);
    await page.goto(`${base}credentials/${ID}/`);
    const jwtHref = await page.locator(`a[download="${ID}.jwt"]`).getAttribute('href');
    expect(jwtHref).toMatch(new RegExp(`/credentials/${ID}\\.jwt$`));
    // the page names the public address; fetch the same path from the local server
    const jwt = await (await page.request.get(`${base}credentials/${ID}.jwt`)).text();
    const did = (await (await page.request.get(`${base}.well-known/did.json`)).json()) as DidDocument;
    const { credential } = await verifyCredentialJwt(jwt, did.verificationMethod[0]!.publicKeyJwk);
    expect(credential['id']).toMatch(new RegExp(`/credentials/${ID}/$`));
    const demo = String(credential['name']).includes('demo, not verifiable');
    expect(await page.locator('[data-testid=demo-key]').count()).toBe(demo ? 1 : 0);
    await page.context().close();
  });

  it('faculty: prints the certificate on one page, with the QR code and without the site’s frame', async () => {
    const faculty = sites['faculty'] as string;
    const page = await newPage(browser);
    await page.goto(`${faculty}certificates/${ID}/`);
    await expect(page.locator('.certificate .qr svg').count()).resolves.toBe(1);
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
