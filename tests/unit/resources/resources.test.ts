import { describe, expect, it } from 'vitest';
import { checkContentFile } from '../../../src/lib/validate/read-content.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

const FILE = 'content/resources/breathing-space.md';
const check = (text: string) => checkContentFile(FILE, text).problems.map(formatProblem);

describe('resources', () => {
  it('accepts a recording with its audio, length and transcript', () => {
    expect(
      check('---\nkind: recording\ntitle: Breathing space\nsummary: A short practice.\nduration: "10:30"\naudio:\n  file: ./breathing-space.mp3\n---\nSit comfortably and notice the breath as it comes and goes, for a while.\n'),
    ).toEqual([]);
  });

  it('refuses a recording without a transcript, saying where to write it', () => {
    expect(check('---\nkind: recording\ntitle: Breathing space\nsummary: A short practice.\nduration: "10:30"\naudio:\n  file: ./breathing-space.mp3\n---\n\n')).toMatchInlineSnapshot(`
      [
        "content/resources/breathing-space.md:9:1  error  a recording needs its transcript as the text of this file, below the closing ---, so that people who cannot hear it can read it  [body]",
      ]
    `);
  });

  it('never lets a recording be public, and needs its audio and length', () => {
    expect(check('---\nkind: recording\ntitle: Breathing space\nsummary: A short practice.\nvisibility: public\n---\nA transcript that is long enough to count as one, really.\n')).toMatchInlineSnapshot(`
      [
        "content/resources/breathing-space.md:2:1  error  audio: a recording needs audio: add audio: { file: ./name.mp3 }  [schema]",
        "content/resources/breathing-space.md:2:1  error  duration: a recording needs its length: add duration: MM:SS, for example duration: 10:30  [schema]",
        "content/resources/breathing-space.md:5:1  error  visibility: recordings made for the program are never public; write visibility: cohort (or faculty)  [schema]",
      ]
    `);
  });

  it('accepts audio kept in private storage by address, and refuses other schemes', () => {
    expect(check('---\nkind: recording\ntitle: B\nsummary: S.\nduration: "01:00"\naudio:\n  url: https://media.example.org/b.mp3\n---\nA transcript that is long enough to count as one, really.\n')).toEqual([]);
    expect(check('---\nkind: recording\ntitle: B\nsummary: S.\nduration: "01:00"\naudio:\n  url: http://media.example.org/b.mp3\n---\nA transcript that is long enough to count as one, really.\n').join('\n')).toContain('https://');
  });
});
