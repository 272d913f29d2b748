/**
 * The render guard is the second line: if the gate's parser and the renderer ever disagree, what
 * the renderer produced is still held to the allow-list, cleaned, and recorded so the build fails.
 */
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { renderGuard, takeGuardViolations } from '../../../src/lib/gate/render-guard.ts';

const portfolioFile = pathToFileURL('/project/content/portfolios/pia/entry.md');

async function render(markdown: string): Promise<string> {
  const result = await markdownToHtml(markdown, { features: { rawHtml: true, gfm: true }, hastPlugins: [renderGuard()], fileURL: portfolioFile });
  return result.html;
}

describe('render guard', () => {
  it('removes script, event handlers and javascript: links from rendered output and records each', async () => {
    takeGuardViolations();
    const html = await render('<script>alert(1)</script>\n\n<img src="./a.png" onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a> <p style="color:red" class="banner">y</p>');
    expect(html).not.toMatch(/<script|onerror|javascript:|style=|class="banner"/i);
    const recorded = takeGuardViolations().map((v) => v.message);
    expect(recorded).toEqual(
      expect.arrayContaining([
        'rendered output contained <script>; it was removed',
        'rendered output contained onerror on <img>; it was removed',
        'rendered output contained a javascript: address in href; it was removed',
        'rendered output contained style on <p>; it was removed',
        'rendered output contained class on <p>; it was removed',
      ]),
    );
  });

  it('leaves ordinary Markdown, footnotes and task lists alone', async () => {
    takeGuardViolations();
    const html = await render('# Title\n\nSome *text* with a footnote.[^1]\n\n- [x] done\n- [ ] to do\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n```html\n<p>code</p>\n```\n\n[^1]: The note.\n');
    expect(html).toContain('<code class="language-html">');
    expect(html).toContain('<em>text</em>');
    expect(html).toContain('type="checkbox"');
    expect(html).toContain('user-content-fn-1');
    expect(takeGuardViolations()).toEqual([]);
  });

  it('removes code expressions and unknown components from a participant’s MDX', async () => {
    takeGuardViolations();
    const result = await mdxToJs('# Hi {process.env.SECRET}\n\n<Evil />\n\n<Callout tone="tip">ok</Callout>\n', {
      hastPlugins: [renderGuard()],
      fileURL: pathToFileURL('/project/content/portfolios/pia/entry.mdx'),
    });
    expect(result.code).not.toContain('process.env');
    expect(result.code).not.toContain('Evil');
    expect(result.code).toContain('Callout');
    expect(takeGuardViolations().map((v) => v.message)).toEqual([
      'rendered output contained a JavaScript expression; it was removed',
      'rendered output contained the component <Evil>; it was removed',
    ]);
  });
});
