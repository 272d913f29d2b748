/** The demo mark outside the site: a calendar file's name and its events' summaries say "demo" on their own. */
import { describe, expect, it } from 'vitest';
import { demoFileName, demoTitle, DEMO_LABEL } from '../../../src/lib/demo-mark.ts';

describe('demo marks', () => {
  it('a file name gets "demo" unless one of its words already is', () => {
    expect(demoFileName('module-1-workshop')).toBe('demo-module-1-workshop');
    expect(demoFileName('demo-2026')).toBe('demo-2026');
    expect(demoFileName('trial-demo')).toBe('trial-demo');
    // "demo" inside another word does not mark the file
    expect(demoFileName('demography-call')).toBe('demo-demography-call');
  });
  it('a title starts with the badge’s words, so a calendar app shows them first', () => {
    expect(demoTitle('Monthly call, July 2026')).toBe(`[${DEMO_LABEL}] Monthly call, July 2026`);
    expect(DEMO_LABEL).toBe('Demo · fictional');
  });
});
