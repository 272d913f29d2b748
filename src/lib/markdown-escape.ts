/**
 * Text that reaches Markdown a git host renders (pull-request summaries, issues in a participant's
 * repository): file names and messages come from content, so a file named
 * `a](https://example.org) @someone.md` must stay text: never a link, an autolink, a mention, an
 * issue reference, an image, HTML or a new block.
 *
 * Git hosts find autolinks, mentions and issue references in the text after Markdown is parsed, so
 * escaping the Markdown is not enough for those: an invisible word joiner (U+2060) is put inside
 * them (`https:⁠//`, `www⁠.`, `@⁠name`, `#⁠12`), and code spans, which hosts leave alone, hold
 * file names.
 */

const JOINER = '\u2060';

/** Text for a Markdown paragraph, heading or table cell. */
export function markdownText(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[!-/:-@[-`{-~]/g, '\\$&')
    .replace(/\\:\\\/\\\//g, `\\:${JOINER}\\/\\/`)
    .replace(/www\\\./gi, (m) => `${m.slice(0, 3)}${JOINER}${m.slice(3)}`)
    .replace(/\\([@#])/g, `\\$1${JOINER}`);
}

/**
 * Text shown as code (a file name, a rule id): a code span with a fence longer than any run of
 * backticks in it. In a table cell a `|` must be escaped even inside code (GFM splits cells first).
 */
export function markdownCode(text: string, { table = false }: { table?: boolean } = {}): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\|/g, table ? '\\|' : '|');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
