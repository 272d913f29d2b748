/** Chromium (Debian's, driven by playwright-core), an axe-core check and a content security policy recorder, for the browser tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Load axe-core into every page the context opens, as an init script (the content security policy
 * does not apply to it): about 200 ms a page cheaper than evaluating its 650 KB after each load, for
 * a test that checks many pages. seriousViolations() then finds it there.
 */
export async function loadAxeOnEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

/** Run axe-core on the page; return serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // evaluated through the browser's debugging protocol: the sites' content security policy
  // refuses inline scripts, so a <script> tag (addScriptTag) would be blocked
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    interface Check {
      impact?: string;
    }
    interface Rule {
      id: string;
      impact?: string;
      any: (string | { id: string })[];
      all: (string | { id: string })[];
      none: (string | { id: string })[];
    }
    const axe = (window as unknown as {
      axe: {
        run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        _audit?: { rules?: Rule[]; data?: { checks?: Record<string, Check> } };
      };
    }).axe;
    // Rules that cannot report anything serious or critical are left out: only those are kept below.
    // A violation's impact is its rule's own impact when the rule has one, else the highest impact of
    // its failing checks (axe-core's finalizeRuleResult and aggregateNodeResults); a rule whose
    // impacts cannot all be read runs.
    const low = new Set(['minor', 'moderate']);
    const checks = axe._audit?.data?.checks ?? {};
    const cannotBeSerious = (axe._audit?.rules ?? [])
      .filter((rule) => {
        const impacts = rule.impact ? [rule.impact] : [...rule.any, ...rule.all, ...rule.none].map((c) => checks[typeof c === 'string' ? c : c.id]?.impact);
        return impacts.length > 0 && impacts.every((impact) => impact !== undefined && low.has(impact));
      })
      .map((rule) => rule.id);
    const r = await axe.run(document, { resultTypes: ['violations'], rules: Object.fromEntries(cannotBeSerious.map((id) => [id, { enabled: false }])) });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Records the content security policy's refusals in each page the context opens; read them with cspViolations(). */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

/** What the content security policy refused in the page so far (recordCspViolations() on its context). */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Wait until every island on the page has hydrated (Astro removes `ssr` from the island then). */
export async function waitForIslands(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, null, { timeout: 15_000 });
}

/**
 * Visit the items two at a time, in pages of their own (CI has two cores; most of a visit is waiting
 * for the page or the network). Rejects with the first failure.
 */
export async function twoAtATime<T>(items: readonly T[], visit: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    [1, 2].map(async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await visit(item);
    }),
  );
}
