/**
 * Problems point at the line an author has to change: inside an HTML block the line of the
 * offending tag or attribute, not the block's first line.
 */
import { describe, expect, it } from 'vitest';
import { checkEntry, entry } from './helpers.ts';

/** Line 7 is the first body line of entry(). */
const at = (name: string, body: string) => checkEntry(name, entry(body)).map((p) => `${p.line}:${p.column} ${p.rule}`);

describe('positions in HTML blocks', () => {
  it('reports the line of a refused element inside a block', () => {
    expect(at('a.md', '<div>\n<p>fine</p>\n<iframe src="https://example.org/"></iframe>\n</div>\n')).toEqual(['9:1 html-element']);
  });

  it('reports the line and column of a refused attribute', () => {
    expect(at('a.md', '<div>\n<p>fine</p>\n<p>\n  <img src="./photo.jpg" alt="" onerror="alert(1)">\n</p>\n</div>\n')).toEqual(['10:33 html-attribute']);
  });

  it('maps repeated tags to their own lines', () => {
    expect(at('a.md', '<div>\n<span>fine</span>\n<span style="color:red">one</span>\n<span class="x">two</span>\n</div>\n')).toEqual([
      '9:7 html-attribute',
      '10:7 html-attribute',
    ]);
  });

  it('reports a refused URL at its attribute', () => {
    expect(at('a.md', '<div>\n\n<p>\n<a href="javascript:alert(1)">x</a>\n</p>\n</div>\n')).toEqual(['10:4 url-scheme']);
  });

  it('counts lines trimmed from the start of a Markdown body', () => {
    expect(at('a.md', '\n\n   <script>alert(1)</script>\n')).toEqual(['9:4 html-element']);
  });

  it('reports inline HTML at its own position', () => {
    expect(at('a.md', 'Some text\nand <span id="x">more</span>.\n')).toEqual(['8:11 html-attribute']);
  });
});
