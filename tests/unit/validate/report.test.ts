import { describe, expect, it } from 'vitest';
import { problem } from '../../../src/lib/problems.ts';
import { escapeData, escapeProperty, formatGithub, formatJson, formatText, githubAnnotation, githubStepSummary, summaryLine } from '../../../src/lib/validate/report.ts';

const error = problem('content/a.md', 3, 1, 'schema', 'date: "2020-02-30" is not a real date');
const warning = problem('content/b.md', 1, 1, 'stray-file', 'no entry lists this file', 'warning');

describe('summary line', () => {
  it('counts errors, warnings and files, in singular and plural', () => {
    expect(summaryLine({ problems: [], files: 154 })).toBe('✔ 154 files checked, no problems');
    expect(summaryLine({ problems: [], files: 1 })).toBe('✔ 1 file checked, no problems');
    expect(summaryLine({ problems: [error, error, error, warning], files: 154 })).toBe('✖ 3 errors, 1 warning in 2 files (checked 154 files)');
    expect(summaryLine({ problems: [warning], files: 2 })).toBe('⚠ 0 errors, 1 warning in 1 file (checked 2 files)');
  });
});

describe('text', () => {
  it('prints one line per problem, then the summary', () => {
    expect(formatText({ problems: [error, warning], files: 5 })).toMatchInlineSnapshot(`
      "content/a.md:3:1  error  date: "2020-02-30" is not a real date  [schema]
      content/b.md:1:1  warning  no entry lists this file  [stray-file]
      ✖ 1 error, 1 warning in 2 files (checked 5 files)
      "
    `);
  });
});

describe('github', () => {
  it('escapes messages and properties as GitHub documents', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const odd = problem('content/x, y:z.md', 2, 4, 'schema', 'first line\nsecond: 100%, done', 'warning');
    expect(githubAnnotation(odd)).toBe('::warning file=content/x%2C y%3Az.md,line=2,col=4,title=schema::first line%0Asecond: 100%25, done');
    expect(formatGithub({ problems: [error], files: 1 })).toMatchInlineSnapshot(`
      "::error file=content/a.md,line=3,col=1,title=schema::date: "2020-02-30" is not a real date
      ✖ 1 error, 0 warnings in 1 file (checked 1 file)
      "
    `);
  });

  it('writes a Markdown summary grouped by file, with table cells escaped', () => {
    const pipe = problem('content/a.md', 9, 2, 'html-element', 'the element <script> | is not allowed');
    expect(githubStepSummary({ problems: [error, pipe, warning], files: 7 })).toMatchInlineSnapshot(`
      "## Content check

      ✖ 2 errors, 1 warning in 2 files (checked 7 files)

      How to fix: open each file below at the line shown and make the change the message describes (an error must be fixed before the change can be merged; a warning is advice). Then push again, or run \`npm run validate\` on your computer to check first.

      ### \`content/a.md\`

      | Line | Severity | Problem | Rule |
      | ---: | --- | --- | --- |
      | 3:1 | error | date\\: \\"2020\\-02\\-30\\" is not a real date | \`schema\` |
      | 9:2 | error | the element \\<script\\> \\| is not allowed | \`html-element\` |

      ### \`content/b.md\`

      | Line | Severity | Problem | Rule |
      | ---: | --- | --- | --- |
      | 1:1 | warning | no entry lists this file | \`stray-file\` |
      "
    `);
  });
});

describe('json', () => {
  it('is one document with problems and counts', () => {
    expect(JSON.parse(formatJson({ problems: [error, warning], files: 5 }))).toEqual({ problems: [error, warning], errors: 1, warnings: 1, files: 5 });
  });
});
