/**
 * Entries for the validate-versus-build differential test: one per element and attribute of the
 * HTML allow-list, one per component and attribute value, images of every kind in Markdown and MDX,
 * long lines, odd Unicode and deep nesting, then seeded mutations of all of them with the
 * characters parsers disagree about. Deterministic for a seed, so a failure can be replayed.
 */
import { ALLOWED_ELEMENTS, PORTFOLIO_COMPONENTS, isAllowedAttribute } from '../../../src/lib/gate/allowlists.ts';
import { MAX_NESTING } from '../../../src/lib/gate/check-body.ts';

export interface GeneratedEntry {
  /** File name in the participant's folder. */
  name: string;
  text: string;
}

/** Images the entries show; the test copies them from tests/fixtures/differential/. */
export const IMAGES = ['photo.png', 'photo.jpg', 'photo.webp', 'photo.gif'] as const;

/** A small, fast, seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function frontmatter(title: string, extra = ''): string {
  return `---\ntype: reflection\ntitle: ${JSON.stringify(title)}\ndate: 2026-07-01\n${extra}---\n`;
}

const ATTRIBUTE_VALUES: Record<string, string> = {
  href: 'https://example.org/a?b=c#d',
  src: './photo.png',
  cite: 'https://example.org/source',
  alt: 'a description',
  width: '40',
  height: '30',
  datetime: '2026-07-01',
  start: '3',
  type: 'a',
  reversed: '',
  value: '2',
  colspan: '2',
  rowspan: '1',
  align: 'center',
  scope: 'col',
  open: '',
  lang: 'da',
  dir: 'rtl',
  title: 'a title',
};

/** Where an element can stand: inline ones in a paragraph, table parts in a table, list items in a list. */
function htmlFor(tag: string): string {
  const attrs = Object.keys(ATTRIBUTE_VALUES)
    .filter((a) => isAllowedAttribute(tag, a))
    .map((a) => (ATTRIBUTE_VALUES[a] === '' ? ` ${a}` : ` ${a}="${ATTRIBUTE_VALUES[a]}"`))
    .join('');
  const open = `<${tag}${attrs}>`;
  if (['br', 'hr', 'wbr', 'img'].includes(tag)) return `Before ${open} after.`;
  if (['td', 'th'].includes(tag)) return `<table><tbody><tr>${open}cell</${tag}></tr></tbody></table>`;
  if (['tr'].includes(tag)) return `<table><tbody>${open}<td>cell</td></tr></tbody></table>`;
  if (['thead', 'tbody', 'tfoot'].includes(tag)) return `<table>${open}<tr><td>cell</td></tr></${tag}></table>`;
  if (tag === 'caption') return `<table>${open}A caption</caption><tbody><tr><td>cell</td></tr></tbody></table>`;
  if (tag === 'li') return `<ol>${open}item</li></ol>`;
  if (['dt', 'dd'].includes(tag)) return `<dl>${open}term</${tag}></dl>`;
  if (['rp', 'rt'].includes(tag)) return `<ruby>漢${open}kan</${tag}></ruby>`;
  if (tag === 'summary') return `<details>${open}More</summary>Hidden text.</details>`;
  if (tag === 'figcaption') return `<figure>${open}A caption</figcaption></figure>`;
  return `${open}text of ${tag}</${tag}>`;
}

const MARKDOWN_FEATURES = [
  '# Heading one\n\n## Heading *two*\n\n###### Six',
  'Some *emphasis*, **strong**, ~~struck~~, `code`, a [link](https://example.org "title") and <https://example.org>.',
  '- one\n- two\n  - nested\n    1. numbered\n\n- [x] done\n- [ ] to do',
  '| left | centre | right |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| `a\\|b` | *x* | [l](https://example.org) |',
  'A footnote.[^1]\n\n[^1]: The note, with **emphasis**.',
  '```html\n<script>alert(1)</script>\n```\n\n    indented <script> code',
  '> a quote\n>\n> > nested quote\n\n***\n\nAfter a rule.',
  'Entities: &amp; &lt; &copy; &#x1F600; &#0; and a hard  \nbreak.',
  '[ref link][r] and ![ref image][i]\n\n[r]: https://example.org\n[i]: ./photo.png',
  'mailto: <mailto:someone@example.org> and [mail](mailto:someone@example.org)',
];

const UNICODE = [
  'Right to left: שלום עולם and العربية mixed with English.',
  'Combining marks: e\u0301 a\u0308 n\u0303, and Z\u0351\u0352\u0353algo.',
  'Emoji: 👩🏽‍🏫 🧘 🇩🇰 and a zero width joiner\u200d here.',
  'Line separator\u2028inside a line, paragraph separator\u2029and next line\u0085too.',
  'Invisible: soft\u00adhyphen, zero\u200bwidth, word\u2060joiner, BOM\ufeffinside.',
  'Japanese: 氷山モデルを使いました。 Danish: nærvær og ærlighed.',
  'Full-width ＜script＞ and ｛braces｝ look like markup but are not.',
  'Carriage return\ronly, and tab\tseparated\tvalues.',
];

function nested(kind: 'quote' | 'list' | 'html', depth: number): string {
  if (kind === 'quote') return `${'> '.repeat(depth)}deep quote`;
  if (kind === 'list') return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
  return `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
}

/** The entries before mutation: every feature once. */
export function baseEntries(): GeneratedEntry[] {
  const out: GeneratedEntry[] = [];
  const md = (name: string, body: string, extra = '') => out.push({ name: `${name}.md`, text: `${frontmatter(name, extra)}\n${body}\n` });
  const mdx = (name: string, body: string, extra = '') => out.push({ name: `${name}.mdx`, text: `${frontmatter(name, extra)}\n${body}\n` });
  for (const tag of [...ALLOWED_ELEMENTS].sort()) md(`html-${tag}`, htmlFor(tag));
  // (an MDX <img> is refused: only Markdown images are published, so it would show a broken image)
  for (const tag of [...ALLOWED_ELEMENTS].sort().filter((t) => !['rp', 'rt', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'img'].includes(t))) {
    // JSX: boolean attributes take a value, void elements close themselves
    mdx(`jsx-${tag}`, htmlFor(tag).replace(/ (reversed|open)(?=[ >])/g, ' $1="$1"').replace(/<(br|hr|wbr|img)([^>]*)>/g, '<$1$2 />'));
  }
  md('features', MARKDOWN_FEATURES.join('\n\n'));
  // MDX has no autolinks in angle brackets, no indented code and no raw HTML outside JSX
  mdx('features-mdx', MARKDOWN_FEATURES.filter((f) => !/<https|<mailto|&#0;|<script>/.test(f)).join('\n\n').replace(/[{}]/g, ''));
  md('unicode', UNICODE.join('\n\n'));
  mdx('unicode-mdx', UNICODE.join('\n\n'));
  for (const [name, spec] of Object.entries(PORTFOLIO_COMPONENTS)) {
    const attributes: Record<string, string> = {
      caption: 'A caption with “quotes” and an ampersand &',
      tone: 'note',
      title: 'A title',
      source: 'Someone, 2020',
      provider: 'youtube',
      id: 'dQw4w9WgXcQ',
    };
    const attrs = Object.keys(spec.attributes).map((a) => ` ${a}="${attributes[a] ?? 'value'}"`).join('');
    const body = spec.children ? (name === 'Figure' ? '![A drawing](./photo.webp)' : 'Some **Markdown** inside.') : '';
    mdx(`component-${name.toLowerCase()}`, spec.children ? `<${name}${attrs}>${body}</${name}>\n\n<${name}${attrs}>\n\n${body}\n\n</${name}>` : `<${name}${attrs} />`);
    if (name === 'Callout') for (const tone of ['tip', 'important']) mdx(`component-callout-${tone}`, `<Callout tone="${tone}" title="T">Inside.</Callout>`);
    if (name === 'Video') mdx('component-video-vimeo', '<Video provider="vimeo" id="76979871" title="A talk" />');
  }
  for (const image of IMAGES) {
    const base = image.replace('.', '-');
    md(`image-${base}`, `![An image](./${image})\n\n![Without dot-slash](${image})\n\n![Titled](./${image} "A title")`);
    mdx(`image-${base}-mdx`, `![An image](./${image})\n\n<Figure caption="Caption">![In a figure](${image})</Figure>`);
  }
  md('attachments', 'The plan is attached.', 'attachments:\n  - file: ./photo.png\n    title: A photo as an attachment\n');
  md('long-line', `A long line: ${'word '.repeat(40_000)}end.`);
  md('long-words', `${'x'.repeat(100_000)}\n\n${'https://example.org/'.padEnd(5000, 'a')}`);
  md('many-paragraphs', Array.from({ length: 3000 }, (_, i) => `Paragraph ${i}.`).join('\n\n'));
  for (const kind of ['quote', 'list', 'html'] as const) {
    md(`nested-${kind}-at-limit`, nested(kind, Math.floor((MAX_NESTING - 4) / (kind === 'list' ? 2 : 1))));
    mdx(`nested-${kind}-at-limit-mdx`, nested(kind, Math.floor((MAX_NESTING - 4) / (kind === 'list' ? 2 : 1))));
    md(`nested-${kind}-deep`, nested(kind, MAX_NESTING * 3));
    mdx(`nested-${kind}-deep-mdx`, nested(kind, MAX_NESTING * 8));
  }
  mdx('jsx-nested-components', `${'<Callout>'.repeat(20)}inside${'</Callout>'.repeat(20)}`);
  md('frontmatter-unicode', 'Body.', 'summary: "Résumé — ✓ 日本語 \\u2028 line"\nlanguage: da\n');
  mdx('frontmatter-mdx-date-time', 'Body.', 'summary: 2026-07-01T10:00:00Z\n');
  return out;
}

/** Characters and fragments that parsers read differently. */
const TOKENS = [
  '<', '>', '{', '}', '`', '|', '\\', '"', "'", '&', '*', '_', '[', ']', '(', ')', '!', '#', '~', ':', '\n', '\r', '\r\n',
  '\u2028', '\u2029', '\u0085', '\u0000', '\ufeff', '\u200b', '\t', '---', '+++', '\n---\n', '<!--', '-->', '<![CDATA[', '&#', '&#x3c;',
  '{/* c */}', '<br>', '</div>', '<div>', '<Callout>', '</Callout>', '<Figure caption="x">', '![x](./photo.png)', '](', '<img src="./photo.png" alt="x">',
  '\n\n    ', '\n> ', '\n- ', '\n1. ', '|---|', '[^1]', '\n[^1]: note', '$$', '<http://x>', 'javascript:', '%2e%2e/', '../', '?raw', '__ASTRO', '@@ASTRO',
];

/** `count` mutations of the base entries: tokens inserted, lines repeated or wrapped in quotes and lists. */
export function mutatedEntries(base: readonly GeneratedEntry[], count: number, seed: number): GeneratedEntry[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out: GeneratedEntry[] = [];
  for (let i = 0; i < count; i++) {
    const source = pick(base.filter((e) => e.text.length < 50_000));
    const split = source.text.indexOf('\n---\n') + 5;
    const head = source.text.slice(0, split);
    let body = source.text.slice(split);
    const edits = 1 + Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * (body.length + 1));
      const roll = next();
      if (roll < 0.7) body = `${body.slice(0, at)}${pick(TOKENS)}${body.slice(at)}`;
      else if (roll < 0.8) body = body.split('\n').map((l) => `> ${l}`).join('\n');
      else if (roll < 0.9) body = body.split('\n').map((l) => `  ${l}`).join('\n');
      else body = `${body}\n${body.slice(0, 200)}`;
    }
    // now and then the frontmatter too
    const front = next() < 0.15 ? head.replace(/title: /, `title: ${JSON.stringify(pick(TOKENS)).slice(1, -1)}`) : head;
    const ext = source.name.endsWith('.mdx') ? 'mdx' : 'md';
    out.push({ name: `mutant-${seed}-${i}.${ext}`, text: `${front}${body}` });
  }
  return out;
}
