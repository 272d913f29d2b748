/**
 * The bundler wall in a real build. Each entry here passes the safety gate (its text is a plain
 * image), but the file it names is missing and something the bundler's resolver would load instead
 * sits next to it: `diagram.png.js`, `.tsx`, `.mjs`, `.json`, a folder with `index.js`, a folder with
 * a `package.json`, a `node_modules` package for a bare name. Each of those, if loaded, writes a
 * marker file and reads the environment. One build over all of them must fail, name every entry
 * with the validator's line, and leave no marker: nothing in a participant's folder ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const MARKERS = mkdtempSync(join(tmpdir(), 'cert-wall-markers-'));

/** A module that, if it ever ran, would leave a marker with what it could read. */
function payload(name: string): string {
  return [
    "import { writeFileSync } from 'node:fs';",
    `writeFileSync(${JSON.stringify(join(MARKERS, name))}, String(process.env.CREDENTIAL_SIGNING_KEY));`,
    "export default { src: '/x.png', width: 1, height: 1, format: 'png' };",
    'export const jsx = () => null, jsxs = () => null, Fragment = () => null, __astro_tag_component__ = () => {};',
    '',
  ].join('\n');
}

function entry(body: string): string {
  return `---\ntype: reflection\ntitle: An entry with a picture\ndate: 2026-07-02\nvisibility: public\n---\nMy picture.\n\n${body}\n`;
}

const PIA = 'content/portfolios/pia-public';
const OLGA = 'content/portfolios/olga-other';

/** Entry, then the files that stand in for the image it names. */
const ATTACKS: Record<string, Record<string, string>> = {
  [`${PIA}/ext-js.md`]: { [`${PIA}/ext-js.png.js`]: payload('ext-js') },
  [`${PIA}/ext-tsx.md`]: { [`${PIA}/ext-tsx.png.tsx`]: payload('ext-tsx') },
  [`${PIA}/ext-mjs.mdx`]: { [`${PIA}/ext-mjs.png.mjs`]: payload('ext-mjs') },
  [`${PIA}/ext-json.md`]: { [`${PIA}/ext-json.png.json`]: '{"src":"/x.png","width":1,"height":1,"format":"png"}' },
  [`${PIA}/folder-index.mdx`]: { [`${PIA}/folder-index.png/index.js`]: payload('folder-index') },
  [`${OLGA}/package-main.md`]: { [`${OLGA}/package-main.png/package.json`]: '{"main":"main.js"}', [`${OLGA}/package-main.png/main.js`]: payload('package-main') },
  [`${OLGA}/bare-package.mdx`]: {
    [`${OLGA}/node_modules/bare-package.png/package.json`]: '{"name":"bare-package.png","main":"index.js"}',
    [`${OLGA}/node_modules/bare-package.png/index.js`]: payload('bare-package'),
    // and a copy of the MDX runtime the compiled entry imports, found first from the entry's folder
    [`${OLGA}/node_modules/astro/package.json`]: '{"name":"astro","type":"module","exports":{"./jsx-runtime":"./r.js","./runtime/server/index.js":"./r.js"}}',
    [`${OLGA}/node_modules/astro/r.js`]: payload('runtime-hijack'),
  },
};

function imageOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.mdx?$/, '.png');
  return file.includes('bare-package') ? name : `./${name}`;
}

describe('the bundler wall in a real build', () => {
  let project: FixtureProject;
  let result: { ok: boolean; log: string };
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
    for (const [file, standIns] of Object.entries(ATTACKS)) {
      const image = imageOf(file);
      project.write(file, entry(file.endsWith('.mdx') && file.includes('folder') ? `<Figure caption="My drawing">![drawing](${image})</Figure>` : `![drawing](${image})`));
      for (const [path, text] of Object.entries(standIns)) project.write(path, text);
    }
    result = project.build({ kind: 'faculty' }, { CREDENTIAL_SIGNING_KEY: 'not-a-real-key' });
  }, 240_000);
  afterAll(() => {
    project?.cleanup();
    rmSync(MARKERS, { recursive: true, force: true });
  });

  it('fails, and nothing in any participant\'s folder ran', () => {
    expect(result.ok, result.log.slice(-3000)).toBe(false);
    expect(readdirSync(MARKERS)).toEqual([]);
    expect(existsSync(join(project.root, 'dist/faculty/index.html'))).toBe(false);
  });

  for (const file of Object.keys(ATTACKS)) {
    it(`names ${file.slice(file.lastIndexOf('/') + 1)} with the validator's line and what stands in for the image`, () => {
      const line = new RegExp(`${file.replace(/[.]/g, '\\.')}:9:\\d+  error  the image "${imageOf(file).replace(/[.]/g, '\\.')}" cannot be used: .*\\[image-file\\]`);
      expect(result.log).toMatch(line);
    });
  }

  it('lists every refusal in one run, as the validator would', () => {
    expect(result.log).toContain(`The bundler refused ${Object.keys(ATTACKS).length} files in participants' folders`);
  });
});

describe('the bundler wall against one stand-in that bundles cleanly', () => {
  // alone, `diagram.png.js` bundles without error, so without the wall the build would run it
  // while rendering pages (the batch above fails earlier for other reasons)
  let project: FixtureProject;
  let result: { ok: boolean; log: string };
  beforeAll(() => {
    project = makeFixtureProject(join(PROJECT_ROOT, 'tests/fixtures/privacy/content'));
    project.write(`${PIA}/diagram.md`, entry('![drawing](./diagram.png)'));
    project.write(`${PIA}/diagram.png.js`, payload('alone'));
    result = project.build({ kind: 'public' }, { CREDENTIAL_SIGNING_KEY: 'not-a-real-key' });
  }, 240_000);
  afterAll(() => project?.cleanup());

  it('stops the build before the module is evaluated, naming the entry and the file in the way', () => {
    expect(result.ok).toBe(false);
    expect(existsSync(join(MARKERS, 'alone'))).toBe(false);
    expect(result.log).toContain(
      `${PIA}/diagram.md:9:12  error  the image "./diagram.png" cannot be used: there is no file ${PIA}/diagram.png (there is ${PIA}/diagram.png.js, which is not an image or attachment and may not be in a portfolio folder; delete it and add the real png file)  [image-file]`,
    );
  });
});

