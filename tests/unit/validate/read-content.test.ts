import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';
import { cleanupProjects, entry, makeProject, write } from './helpers.ts';

afterAll(cleanupProjects);

const P = 'content/portfolios/maria-lopez';
const reflection = entry('type: reflection\ntitle: A\ndate: 2020-07-01');

function lines(root: string, rule?: string): string[] {
  return validateContent(root)
    .problems.filter((p) => !rule || p.rule === rule)
    .map(formatProblem);
}

describe('records', () => {
  it('returns one typed record per content file, with defaults filled in and line lookup', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: reflection });
    const { records, problems } = readContent(root);
    expect(problems).toEqual([]);
    const e = records.find((r) => r.collection === 'portfolios');
    expect(e).toMatchObject({ id: 'maria-lopez/2020-07-01-a', file: `${P}/2020-07-01-a.md`, valid: true, demo: false });
    expect(e?.data['visibility']).toBe('faculty');
    expect(e?.locate(['date'])).toEqual({ line: 4, column: 1 });
    expect(records.map((r) => r.collection).sort()).toContain('sessions');
  });

  it('marks demo records', () => {
    const root = makeProject({ 'content/demo/sites/demo-hub.yaml': 'name: Demo Hub\nkind: hub\ncountry: Denmark\n' });
    expect(readContent(root).records.find((r) => r.id === 'demo-hub')?.demo).toBe(true);
  });

  it('checks the settings file', () => {
    const root = makeProject({ 'content/settings.yaml': 'title: X\n' });
    expect(lines(root).join('\n')).toContain('content/settings.yaml:1:1  error  description is missing');
  });
});

describe('gate option', () => {
  it('gate: false skips only the body checks', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01', '<script>alert(1)</script>\n'),
      [`${P}/2020-07-01-b.md`]: entry('type: reflection\ntitle: B\ndate: 2020-07-01\nmood: happy'),
    });
    const full = validateContent(root).problems.map((p) => p.rule);
    const quick = validateContent(root, { gate: false }).problems.map((p) => p.rule);
    expect(full).toContain('html-element');
    expect(quick).not.toContain('html-element');
    expect(quick).toContain('unknown-field');
  });
});

describe('paths option', () => {
  it('reads everything but reports only problems under the paths given', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01\nmodule: nope'),
      'content/portfolios/jonas-berg/2020-07-01-b.md': entry('type: reflection\ntitle: B\ndate: 2020-07-01\nmodule: nope'),
    });
    const onlyMaria = validateContent(root, { paths: [P] });
    expect(onlyMaria.problems.map((p) => p.file)).toEqual([`${P}/2020-07-01-a.md`]);
    expect(onlyMaria.files).toBe(1);
    const byFile = validateContent(root, { paths: [join(root, 'content/portfolios/jonas-berg/2020-07-01-b.md')] });
    expect(byFile.problems.map((p) => p.file)).toEqual(['content/portfolios/jonas-berg/2020-07-01-b.md']);
    // the whole index is still read: references resolve against files outside the paths
    expect(validateContent(root, { paths: ['content/participants'] }).problems).toEqual([]);
  });

  it('reports progress', () => {
    const root = makeProject();
    const calls: [number, number][] = [];
    validateContent(root, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(5);
    expect(calls.at(-1)?.[0]).toBe(calls.at(-1)?.[1]);
  });
});

describe('file names and kinds', () => {
  it('reports files with a bad name, depth or kind in a collection folder', () => {
    const root = makeProject({
      'content/participants/Ana Ruiz.yaml': 'name: Ana\ncohort: 2020-2021\nsite: riverside-hub\nrole: teacher\ngitHandle: ana-ruiz\n',
      'content/portfolios/2020-07-01-loose.md': reflection,
      'content/sites/riverside.md': reflection,
      'content/demo/program/about.md': '---\ntitle: About\ndescription: A page.\n---\n',
    });
    expect(lines(root, 'file-name')).toMatchInlineSnapshot(`
      [
        "content/demo/program/about.md:1:1  error  program cannot have demo content; move the file to content/program/  [file-name]",
        "content/participants/Ana Ruiz.yaml:1:1  error  the name "Ana Ruiz" must use lowercase letters, digits and hyphens only, because it becomes a web address; rename it to "ana-ruiz"  [file-name]",
        "content/portfolios/2020-07-01-loose.md:1:1  error  files in portfolios/ go one folder down, in portfolios/<participant>/, for example portfolios/maria-lopez/2020-07-01-loose.md  [file-name]",
        "content/sites/riverside.md:1:1  error  files in sites/ must be .yaml  [file-name]",
      ]
    `);
  });

  it('reports symbolic links anywhere under content/, to files and to folders', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: reflection });
    symlinkSync(join(root, `${P}/2020-07-01-a.md`), join(root, `${P}/2020-07-01-b.md`));
    symlinkSync(join(root, 'content/modules'), join(root, 'content/portfolios/jonas-berg'));
    symlinkSync('/nonexistent/target', join(root, 'content/sites/dangling.yaml'));
    expect(lines(root, 'file-kind')).toMatchInlineSnapshot(`
      [
        "content/portfolios/jonas-berg:1:1  error  this is a symbolic link to a folder, not a real folder; links are not allowed under content/ because they can point outside the repository. Replace it with a copy of the folder it points to  [file-kind]",
        "content/portfolios/maria-lopez/2020-07-01-b.md:1:1  error  this is a symbolic link, not a real file; links are not allowed under content/ because they can point outside the repository. Replace it with a copy of the file it points to  [file-kind]",
        "content/sites/dangling.yaml:1:1  error  this is a symbolic link, not a real file; links are not allowed under content/ because they can point outside the repository. Replace it with a copy of the file it points to  [file-kind]",
      ]
    `);
  });

  it('reports a file that is not UTF-8, binary or too large, without reading it as content', () => {
    const root = makeProject({
      [`${P}/2020-07-01-latin1.md`]: Buffer.from('---\ntype: reflection\ntitle: Caf\u00e9\ndate: 2020-07-01\n---\n', 'latin1'),
      [`${P}/2020-07-01-nul.md`]: '---\ntype: reflection\u0000\n---\n',
      [`${P}/2020-07-01-big.md`]: `${reflection}${'x'.repeat(300 * 1024)}`,
    });
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-big.md:1:1  error  the file is 301 KB; text files may be at most 256 KB. Split it into several entries, or move large material into an attachment  [file-size]",
        "content/portfolios/maria-lopez/2020-07-01-latin1.md:1:1  error  the file is not saved as UTF-8 text (it may be a word-processor file or use an old encoding); save it as plain text with the encoding UTF-8  [file-kind]",
        "content/portfolios/maria-lopez/2020-07-01-nul.md:1:1  error  the file contains binary data; save it as plain UTF-8 text  [file-kind]",
      ]
    `);
  });
});

describe('duplicate ids', () => {
  it('reports two files whose names differ only by letter case', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: reflection, [`${P}/2020-07-01-A.md`]: reflection });
    expect(lines(root, 'duplicate-id')).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:1:1  error  content/portfolios/maria-lopez/2020-07-01-a.md and content/portfolios/maria-lopez/2020-07-01-A.md clash: the names differ only in capital letters. On Mac and Windows computers they are the same file, so one would overwrite the other; keep one of them and delete or rename the other (names use lowercase letters, digits and hyphens only)  [duplicate-id]",
        "content/portfolios/maria-lopez/2020-07-01-A.md:1:1  error  content/portfolios/maria-lopez/2020-07-01-A.md and content/portfolios/maria-lopez/2020-07-01-a.md clash: the names differ only in capital letters. On Mac and Windows computers they are the same file, so one would overwrite the other; keep one of them and delete or rename the other (names use lowercase letters, digits and hyphens only)  [duplicate-id]",
      ]
    `);
  });

  it('reports two files whose names differ only by Unicode normalisation (NFC and NFD)', () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(nfc).not.toBe(nfd);
    const root = makeProject({ [`${P}/${nfc}.md`]: reflection, [`${P}/${nfd}.md`]: reflection });
    const found = validateContent(root).problems.filter((p) => p.rule === 'duplicate-id');
    expect(found).toHaveLength(2);
    expect(new Set(found.map((p) => p.file))).toEqual(new Set([`${P}/${nfc}.md`, `${P}/${nfd}.md`]));
    for (const p of found) {
      expect(p.severity).toBe('error');
      expect(p.message).toContain(`${P}/${nfc}.md (NFC)`);
      expect(p.message).toContain(`${P}/${nfd}.md (NFD)`);
    }
    expect(found.map(formatProblem)[0]).toMatchInlineSnapshot(`"content/portfolios/maria-lopez/café.md:1:1  error  content/portfolios/maria-lopez/café.md (NFD) and content/portfolios/maria-lopez/café.md (NFC) clash: the names look the same, but their accented letters are stored differently (as one character, NFC, or as a letter plus a separate accent mark, NFD), which editors and file managers do not show. On Mac and Windows computers they are the same file, so one would overwrite the other; keep one of them and delete or rename the other (names use lowercase letters, digits and hyphens only)  [duplicate-id]"`);
    // the names are not kebab-case either
    expect(validateContent(root).problems.filter((p) => p.rule === 'file-name')).toHaveLength(2);
  });

  it('reports the same id written as .md and .mdx, or in the demo and the real content', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: reflection,
      [`${P}/2020-07-01-a.mdx`]: reflection,
      'content/demo/sites/riverside-hub.yaml': 'name: Demo Hub\nkind: hub\ncountry: Denmark\n',
    });
    expect(lines(root, 'duplicate-id')).toMatchInlineSnapshot(`
      [
        "content/demo/sites/riverside-hub.yaml:1:1  error  content/demo/sites/riverside-hub.yaml and content/sites/riverside-hub.yaml have the same id "riverside-hub" in sites, so the site cannot tell them apart (demo content shares ids with the real content); rename or remove one of them  [duplicate-id]",
        "content/portfolios/maria-lopez/2020-07-01-a.md:1:1  error  content/portfolios/maria-lopez/2020-07-01-a.md and content/portfolios/maria-lopez/2020-07-01-a.mdx have the same id "maria-lopez/2020-07-01-a" in portfolios, so the site cannot tell them apart; rename or remove one of them  [duplicate-id]",
        "content/portfolios/maria-lopez/2020-07-01-a.mdx:1:1  error  content/portfolios/maria-lopez/2020-07-01-a.mdx and content/portfolios/maria-lopez/2020-07-01-a.md have the same id "maria-lopez/2020-07-01-a" in portfolios, so the site cannot tell them apart; rename or remove one of them  [duplicate-id]",
        "content/sites/riverside-hub.yaml:1:1  error  content/sites/riverside-hub.yaml and content/demo/sites/riverside-hub.yaml have the same id "riverside-hub" in sites, so the site cannot tell them apart (demo content shares ids with the real content); rename or remove one of them  [duplicate-id]",
      ]
    `);
  });
});

describe('stray files', () => {
  it('warns about files that are neither content nor attachments, but not about images a body shows', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: entry('type: reflection\ntitle: A\ndate: 2020-07-01', '![A drawing](./drawing.png)\n'),
      [`${P}/drawing.png`]: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      [`${P}/essay.docx`]: 'PK\u0003\u0004',
      'content/modules/notes.txt': 'notes',
      'content/portfolios/.gitkeep': '',
    });
    const found = validateContent(root).problems;
    expect(found.every((p) => p.severity === 'warning' && p.rule === 'stray-file')).toBe(true);
    expect(found.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/modules/notes.txt:1:1  warning  this file is not content: no collection uses files like it here and no entry refers to it, so the site ignores it. Delete it, or move it out of content/  [stray-file]",
        "content/portfolios/maria-lopez/essay.docx:1:1  warning  .docx files cannot be part of a portfolio: an attachment must be .pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg. Save it as PDF, put the PDF next to its entry and list it under attachments:; then delete this file  [stray-file]",
      ]
    `);
  });
});

describe('robustness', () => {
  it('never throws on an empty or missing content folder', () => {
    const root = makeProject({}, { base: false });
    expect(validateContent(root).problems).toEqual([]);
    write(root, 'content/portfolios/maria-lopez/2020-07-01-a.md', '');
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:1:1  error  the file must start with a line of three dashes (---), then its fields, then another --- line  [frontmatter-missing]",
      ]
    `);
  });
});
