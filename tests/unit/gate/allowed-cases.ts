/**
 * Entries teachers write that the gate must accept: every one of them refused would be a false
 * positive that stops a participant for no reason. Used by allowed.test.ts and differential.test.ts.
 */
export interface AllowedCase {
  name: string;
  /** The file name the entry is checked under (.md or .mdx). */
  file: string;
  body: string;
}

const md = (name: string, body: string): AllowedCase => ({ name, file: `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.md`, body });
const mdx = (name: string, body: string): AllowedCase => ({ name, file: `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.mdx`, body });

export const ALLOWED_MD: AllowedCase[] = [
  md('emphasis', 'Some *emphasis*, **strong words**, ~~struck~~ and _underscored_ text.  \nA hard line break above.\n'),
  md('lists', '- one\n- two\n  - nested\n  - nested again\n\n1. first\n2. second\n3. third\n'),
  md('table', '| Week | What I tried | Result |\n|:-----|:------------:|-------:|\n| 1 | Iceberg model | **good** |\n| 2 | `code` and a \\| pipe | fine |\n'),
  md('footnotes', 'The iceberg model has four levels.[^senge]\n\n[^senge]: Peter Senge, *The Fifth Discipline*.\n'),
  md('task list', '- [x] read the chapter\n- [ ] try it with my class\n'),
  md('blockquote', '> What we see is only the tip.\n>\n> — a colleague\n'),
  md('fenced code with a script tag', 'An example I showed the class:\n\n```html\n<script>alert("an example")</script>\n<iframe src="https://example.org"></iframe>\n```\n\n~~~\n<style>p { color: red }</style>\n~~~\n'),
  md('indented code after a paragraph', 'The tag I explained:\n\n    <script>alert("an example")</script>\n\nAnd back to text.\n'),
  md('inline code with braces and tags', 'Write `{name}` in the template and `<script>` in the example, and `a < b`.\n'),
  md('braces and angle brackets in text', 'We agreed that 3 < 5 and 7 > 2, that {curly braces} are fine, and that a <- b is an arrow.\n'),
  md('mailto link', 'Write to me at [my school address](mailto:teacher@example.org) or <mailto:teacher@example.org>.\n'),
  md('relative links', 'See [my other entry](../other-entry/), [the notes](./notes/) and [the next part](#what-i-learned).\n\n## What I learned\n\nA lot.\n'),
  md('https and http links', 'Read [the article](https://example.org/article?x=1&y=2#part), [an old page](http://example.org/), <https://example.org/> and www.example.org.\n'),
  md('reference links', 'Read [the article][art].\n\n[art]: https://example.org/article "The article"\n'),
  md('local images', '![Our team at work](./photo.jpg)\n\n![A diagram](diagram.png)\n\n![A scan](<./my scan 2.jpeg>)\n\n![Ref style][pic]\n\n[pic]: ./photo.webp\n'),
  md('allowed html', '<details>\n<summary>More about the exercise</summary>\n\nHidden *Markdown* inside.\n\n</details>\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>. <abbr title="Compassionate Systems">CS</abbr> uses x<sup>2</sup> and H<sub>2</sub>O.<br>\n<mark>Marked</mark>, <ins>added</ins>, <del>removed</del>.\n'),
  md('allowed html with attributes', '<div align="center">\n\n<img src="./photo.jpg" alt="Our team" width="300" height="200" title="Team">\n\n</div>\n\n<a href="https://example.org/" title="Example">a link</a>, <q cite="https://example.org/">a quote</q>, <time datetime="2026-03-14">14 March</time>.\n\n<ol start="3" reversed><li value="3">three</li></ol>\n\n<table><tr><th scope="col" align="left">A</th></tr><tr><td colspan="1">1</td></tr></table>\n'),
  md('html comment', 'Visible text.\n\n<!-- a note to myself: add the photo later -->\n\nMore text. <!-- inline note -->\n'),
  md('non-latin text', 'Ελληνικά, Русский, العربية, 中文, 日本語, हिन्दी, 한국어.\n'),
  md('emoji', 'It went well 🌱🧊🙂 👩🏽‍🏫 ✅\n'),
  md('danish', 'Æblegrød og rødgrød med fløde. Øresund, Århus, æøå ÆØÅ.\n'),
  md('entities', 'Fish &amp; chips, &copy; 2026, non&nbsp;breaking, &lt;not a tag&gt;.\n'),
  md('headings', '# What I learned: 3 < 5?\n\n## Step 1 — *trying*\n\n### Step {2}\n'),
  md('thematic breaks', 'Before.\n\n---\n\nBetween.\n\n***\n\nAfter.\n'),
];

export const ALLOWED_MDX: AllowedCase[] = [
  mdx('components with literal attributes', '<Callout tone="tip" title="Try this">\n\nUse the *iceberg model* with your team.\n\n</Callout>\n\n<Quote source="Peter Senge">The easy way out usually leads back in.</Quote>\n\n<Video provider="youtube" id="dQw4w9WgXcQ" title="A talk on systems" />\n\n<Figure caption="Week 3">\n\n![Our team at work](./photo.jpg)\n\n</Figure>\n'),
  mdx('comment', '{/* a note to myself: add the photo later */}\n\nVisible text. {/* an inline note */}\n'),
  mdx('escaped braces', 'In MDX I write \\{curly braces\\} with backslashes.\n'),
  mdx('markdown in mdx', 'Some *emphasis* and a [link](https://example.org/).\n\n- one\n- two\n\n![Our team](./photo.jpg)\n'),
  mdx('html in mdx', 'Press <kbd>Ctrl</kbd>.\n\n<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>\n\n<a href="mailto:teacher@example.org">mail me</a>\n'),
  mdx('text in mdx', 'Æblegrød, 中文, العربية 🌱.\n'),
];

export const ALLOWED = [...ALLOWED_MD, ...ALLOWED_MDX];
