import { symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { detectKind, MAX_ATTACHMENT_BYTES } from '../../../src/lib/validate/attachments.ts';
import { validateContent } from '../../../src/lib/validate/index.ts';
import { cleanupProjects, entry, makeProject, write } from './helpers.ts';

afterAll(cleanupProjects);

const P = 'content/portfolios/maria-lopez';
const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

function withAttachments(...files: string[]): string {
  const list = files.map((f) => `  - file: ${f}\n    title: ${f.replace(/^\.\//, '')}`).join('\n');
  return entry(`type: reflection\ntitle: A\ndate: 2020-07-01\nattachments:\n${list}`);
}

function lines(root: string): string[] {
  return validateContent(root).problems.map(formatProblem);
}

describe('attachments', () => {
  it('accepts every kind whose bytes match its extension', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: withAttachments('./a.pdf', './b.png', './c.jpg', './d.jpeg', './e.gif', './f.webp', './g.mp3', './h.mp3', './i.ogg', './j.m4a', './k.PDF'),
      [`${P}/a.pdf`]: '%PDF-1.7\n',
      [`${P}/b.png`]: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0),
      [`${P}/c.jpg`]: bytes(0xff, 0xd8, 0xff, 0xe0),
      [`${P}/d.jpeg`]: bytes(0xff, 0xd8, 0xff, 0xdb),
      [`${P}/e.gif`]: 'GIF89a',
      [`${P}/f.webp`]: 'RIFF\u0010\u0000\u0000\u0000WEBPVP8 ',
      [`${P}/g.mp3`]: 'ID3\u0003',
      [`${P}/h.mp3`]: bytes(0xff, 0xfb, 0x90, 0x64),
      [`${P}/i.ogg`]: 'OggS\u0000',
      [`${P}/j.m4a`]: bytes(0, 0, 0, 0x20, ...ascii('ftypM4A ')),
      [`${P}/k.PDF`]: '%PDF-1.4',
    });
    expect(lines(root)).toEqual([]);
  });

  it('refuses a file over 10 MB and gives its size', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: withAttachments('./talk.mp3') });
    const big = write(root, `${P}/talk.mp3`, 'ID3');
    truncateSync(big, MAX_ATTACHMENT_BYTES + 2 * 1024 * 1024); // sparse: no 12 MB written to disk
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:6:5  error  attachments[0].file: content/portfolios/maria-lopez/talk.mp3 is 12.0 MB; an attachment may be at most 10.0 MB. Make it smaller (export a PDF with reduced image quality, resize a photo, or record audio at a lower bit rate), or split it into several files  [attachment-size]",
      ]
    `);
  });

  it('accepts exactly 10 MB', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: withAttachments('./talk.mp3') });
    truncateSync(write(root, `${P}/talk.mp3`, 'ID3'), MAX_ATTACHMENT_BYTES);
    expect(lines(root)).toEqual([]);
  });

  it('refuses bytes that do not match the extension, naming what they are', () => {
    const root = makeProject({
      [`${P}/2020-07-01-a.md`]: withAttachments('./essay.pdf', './photo.png', './scan.pdf', './empty.jpg'),
      [`${P}/essay.pdf`]: 'PK\u0003\u0004word/document.xml',
      [`${P}/photo.png`]: bytes(0xff, 0xd8, 0xff, 0xe0),
      [`${P}/scan.pdf`]: 'just some text',
      [`${P}/empty.jpg`]: '',
    });
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:6:5  error  attachments[0].file: content/portfolios/maria-lopez/essay.pdf is named .pdf but is not a PDF document: its contents are a Word, PowerPoint or zip file. Open it in Word or PowerPoint, save it as PDF, and attach the PDF  [attachment-kind]",
        "content/portfolios/maria-lopez/2020-07-01-a.md:8:5  error  attachments[1].file: content/portfolios/maria-lopez/photo.png is named .png but is not a PNG image: its contents are a JPEG image. Rename it to .jpg (and change the name here), or open it in an image editor and export it again as PNG  [attachment-kind]",
        "content/portfolios/maria-lopez/2020-07-01-a.md:10:5  error  attachments[2].file: content/portfolios/maria-lopez/scan.pdf is named .pdf but is not a PDF document: its contents are not of any kind an attachment may be. Open it and export or print it again as PDF  [attachment-kind]",
        "content/portfolios/maria-lopez/2020-07-01-a.md:12:5  error  attachments[3].file: content/portfolios/maria-lopez/empty.jpg is empty (0 bytes); add the real file  [attachment-kind]",
      ]
    `);
  });

  it('refuses a symbolic link, even to a good file', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: withAttachments('./plan.pdf'), 'elsewhere/plan.pdf': '%PDF-1.7' });
    symlinkSync(join(root, 'elsewhere/plan.pdf'), join(root, `${P}/plan.pdf`));
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:6:5  error  attachments[0].file: content/portfolios/maria-lopez/plan.pdf is a symbolic link, not a real file; replace the link with a copy of the file it points to  [attachment-kind]",
        "content/portfolios/maria-lopez/plan.pdf:1:1  error  this is a symbolic link, not a real file; links are not allowed under content/ because they can point outside the repository. Replace it with a copy of the file it points to  [file-kind]",
      ]
    `);
  });

  it('reports a missing file, suggesting one whose name differs only in case', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: withAttachments('./Plan.pdf'), [`${P}/plan.pdf`]: '%PDF-1.7' });
    expect(lines(root)).toMatchInlineSnapshot(`
      [
        "content/portfolios/maria-lopez/2020-07-01-a.md:6:5  error  attachments[0].file: ./Plan.pdf does not exist: there is no file content/portfolios/maria-lopez/Plan.pdf. Put the file next to the entry, or correct the name here (names are case-sensitive); did you mean ./plan.pdf?  [attachment-missing]",
      ]
    `);
  });

  it('leaves a path outside the folder to the schema, and does not report it twice', () => {
    const root = makeProject({ [`${P}/2020-07-01-a.md`]: withAttachments('../jonas-berg/plan.pdf'), 'content/portfolios/jonas-berg/plan.pdf': '%PDF-1.7' });
    const found = validateContent(root).problems.filter((p) => p.file === `${P}/2020-07-01-a.md`);
    expect(found.map((p) => p.rule)).toEqual(['schema']);
  });

  it('detects kinds by their signature', () => {
    expect(detectKind(ascii('%PDF-1.7'))).toBe('pdf');
    expect(detectKind(bytes(0xff, 0xf3, 0x00))).toBe('mp3');
    expect(detectKind(bytes(0xff, 0x13, 0x00))).toBeUndefined();
    expect(detectKind(ascii('RIFF....WAVE'))).toBeUndefined();
  });
});
