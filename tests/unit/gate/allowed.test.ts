/**
 * What the gate must let through: ordinary teacher writing. A refusal here is a false positive
 * that would stop a participant for no reason.
 */
import { describe, expect, it } from 'vitest';
import { gateFile } from '../../../src/lib/gate/node.ts';
import { PORTFOLIO_COMPONENTS } from '../../../src/lib/gate/allowlists.ts';
import { formatProblem } from '../../../src/lib/problems.ts';
import { ALLOWED } from './allowed-cases.ts';
import { checkEntry, entry, portfolioPath } from './helpers.ts';

describe.each(ALLOWED.map((c) => [c.file, c] as const))('%s', (_file, c) => {
  it('is accepted by the gate and the schema', () => {
    expect(checkEntry(c.file, entry(c.body)).map(formatProblem)).toEqual([]);
  });
});

describe('Markdown that only looks dangerous', () => {
  it('keeps <script> inside fenced code as code, never as HTML', () => {
    const result = gateFile(portfolioPath('code.md'), entry('```html\n<script>alert(1)</script>\n```\n'), PORTFOLIO_COMPONENTS);
    expect(result.problems).toEqual([]);
    expect(result.source.body).toContain('<script>');
  });

  it('reads braces and < as text in .md but as code in .mdx', () => {
    const body = 'We agreed that 3 < 5 and {curly}.\n';
    expect(checkEntry('braces.md', entry(body))).toEqual([]);
    expect(checkEntry('braces.mdx', entry(body)).map((p) => p.rule)).not.toEqual([]);
  });

  it('accepts Windows line endings', () => {
    const text = entry('Hello *there*.\n\n<kbd>Ctrl</kbd>\n').replace(/\n/g, '\r\n');
    expect(checkEntry('crlf.md', text)).toEqual([]);
  });

  it('accepts a byte order mark and --- inside a quoted value', () => {
    const text = `\uFEFF${entry('Text.\n', 'type: reflection\ntitle: "Before --- after"\ndate: 2026-03-14\nsummary: "+++ not a delimiter"')}`;
    expect(checkEntry('bom.md', text)).toEqual([]);
  });

  it('accepts an HTML block that opens in one block and closes in another', () => {
    expect(checkEntry('details.md', entry('<details>\n<summary>More</summary>\n\nText *here*.\n\n</details>\n'))).toEqual([]);
    expect(checkEntry('div.md', entry('<div align="center">\n\n**centred**\n\n</div>\n'))).toEqual([]);
  });
});

describe('the messages teachers read', () => {
  const messages = (name: string, body: string) => checkEntry(name, entry(body)).map(formatProblem);

  it('for a script', () => {
    expect(messages('a.md', '<script>alert(1)</script>\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.md:7:1  error  the HTML element <script> is not allowed: scripts cannot run in a portfolio; describe the idea in words or link to it  [html-element]",
      ]
    `);
  });

  it('for a javascript: link', () => {
    expect(messages('a.md', 'Read [my notes](javascript:alert(1)).\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.md:7:6  error  the link uses "javascript:", which is not allowed; links may start with https://, http:// or mailto:, or be a relative path  [url-scheme]",
      ]
    `);
  });

  it('for a component that does not exist', () => {
    expect(messages('a.mdx', 'Text.\n\n<Evil />\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.mdx:9:1  error  <Evil> is not a component you can use here; use one of <Figure>, <Callout>, <Quote>, <Video>, or write the text in Markdown  [mdx-component]",
      ]
    `);
  });

  it('for braces in MDX', () => {
    expect(messages('a.mdx', 'The secret is {process.env.SECRET}.\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.mdx:7:15  error  {process.env.SECRET} is code, which is not allowed in a portfolio entry; to show braces as text write \\{ and \\}, or use {/* ... */} for a comment  [mdx-expression]",
      ]
    `);
  });

  it('for an image from another site', () => {
    expect(messages('a.md', '![team](https://example.org/team.png)\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.md:7:1  error  images must be files in your portfolio folder (for example ./photo.jpg), not addresses on other sites, so readers are not tracked; download the image and attach it  [image-remote]",
      ]
    `);
  });

  it('for a comment left open', () => {
    expect(messages('a.md', '> <!-- a note\n\nText.\n')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/a.md:7:3  error  this HTML leaves a comment (<!--), a tag or a quoted attribute open, so the text after it would be read as HTML; close it (with -->, > or the closing quote) before the end of the block  [html-unclosed]",
      ]
    `);
  });
});
