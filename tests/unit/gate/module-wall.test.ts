/**
 * The bundler wall's decisions, on real files in a temporary project: every way a bundler could be
 * led from an entry to a file other than the image it names (extension fallback, folder index,
 * package entry point, queries, links, other folders, lookalike names) is refused with the
 * validator's message, naming the entry and the line; real images, the compiler's own imports and
 * Astro's entry modules pass. The real builds are in tests/unit/build/module-wall.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeLoad, judgeRequest, judgeResult, WallError, type WallContext } from '../../../src/lib/gate/module-wall.ts';
import { formatProblem } from '../../../src/lib/problems.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const P = 'content/portfolios/pia';
const ENTRY = `${P}/entry.mdx`;

let root: string;
let ctx: WallContext;
const abs = (path: string) => join(root, path);
function put(path: string, contents: string | Buffer = ''): void {
  mkdirSync(dirname(abs(path)), { recursive: true });
  writeFileSync(abs(path), contents);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cert-wall-'));
  ctx = { root };
  put(ENTRY, '---\ntype: reflection\ntitle: T\ndate: 2026-07-01\n---\n\nText.\n\n![d](./diagram.png)\n\n![p](./photo.png)\n');
  put(`${P}/photo.png`, PNG);
  put(`${P}/my photo.png`, PNG);
  put(`${P}/diagram.png.js`, 'export default 1');
  put(`${P}/typed.png.tsx`, 'export default 1');
  put(`${P}/folder.png/index.js`, 'export default 1');
  put(`${P}/pkg.png/package.json`, '{"main":"main.js"}');
  put(`${P}/pkg.png/main.js`, 'export default 1');
  put(`${P}/script.png`, 'export default "not an image"');
  put(`${P}/Upper.png`, PNG);
  put(`${P}/drawing.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  put('content/portfolios/olga/secret.png', PNG);
  put('outside/secret.png', PNG);
  symlinkSync(abs('outside/secret.png'), abs(`${P}/linked.png`));
  mkdirSync(abs(`${P}`), { recursive: true });
  symlinkSync(abs('outside'), abs(`${P}/linked-folder`));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The validator's line the wall refuses with, or 'allowed'. */
function request(source: string, importer = abs(ENTRY)): string {
  try {
    const decision = judgeRequest(ctx, source, importer);
    return decision.kind === 'file' ? `file ${decision.path.slice(root.length + 1)}` : decision.kind;
  } catch (error) {
    if (error instanceof WallError) return formatProblem(error.problem);
    throw error;
  }
}

function refusal(fn: () => void): string {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    if (error instanceof WallError) return formatProblem(error.problem);
    throw error;
  }
}

describe('a request from an entry', () => {
  it('gets exactly the image file it names, with or without ./, and names with spaces', () => {
    expect(request('./photo.png')).toBe(`file ${P}/photo.png`);
    expect(request('photo.png')).toBe(`file ${P}/photo.png`);
    expect(request('./my photo.png')).toBe(`file ${P}/my photo.png`);
    expect(request('./my%20photo.png')).toBe(`file ${P}/my photo.png`);
  });

  it('never gets what a bundler would find instead of a missing image, and says which file is in the way', () => {
    expect(request('./diagram.png')).toBe(
      `${ENTRY}:9:6  error  the image "./diagram.png" cannot be used: there is no file ${P}/diagram.png (there is ${P}/diagram.png.js, which is not an image or attachment and may not be in a portfolio folder; delete it and add the real png file)  [image-file]`,
    );
    expect(request('./typed.png')).toContain(`there is ${P}/typed.png.tsx, which is not an image`);
    expect(request('./folder.png')).toContain(`${P}/folder.png is a folder, not a file`);
    expect(request('./pkg.png')).toContain(`${P}/pkg.png is a folder, not a file`);
    expect(request('pkg.png')).toContain(`${P}/pkg.png is a folder, not a file`);
  });

  it('refuses a file whose bytes are not the image its name says, and lookalike names', () => {
    expect(request('./script.png')).toContain(`${P}/script.png is named .png but its contents are not of any kind a portfolio may hold`);
    expect(request('./upper.png')).toContain(`only ${P}/Upper.png, whose name differs in capital letters`);
    expect(request('./phоto.png')).toContain(`there is no file ${P}/phоto.png`); // Cyrillic о
    expect(request('./photo.pnɡ')).toContain('may load nothing but image files'); // Latin script ɡ
  });

  it('refuses links, other folders, queries, separators and anything that is not an image', () => {
    expect(request('./linked.png')).toContain(`${P}/linked.png is a symbolic link`);
    expect(request('./linked-folder/secret.png')).toContain('it must be a file in the entry\'s own folder');
    expect(request('../olga/secret.png')).toContain('it must be a file in the entry\'s own folder');
    expect(request('./photo.png?raw')).toContain('the address may not contain ? or #');
    expect(request('./photo.png?url')).toContain('the address may not contain ? or #');
    expect(request('./photo.png#x')).toContain('the address may not contain ? or #');
    expect(request('.\\photo.png')).toContain('it must be a file in the entry\'s own folder');
    expect(request('./photo%2Epng%3Fraw')).toContain('[module-wall]');
    expect(request('./photo.png%3Fraw.png')).toContain('file names may contain letters');
    expect(request('/etc/passwd.png')).toContain('may load nothing but image files');
    expect(request('./drawing.svg')).toContain('may load nothing but image files');
    expect(request('node:fs')).toContain('may load nothing but image files');
    expect(request('./evil.js')).toContain('may load nothing but image files');
    expect(request('astro:content')).toContain('may load nothing but image files');
  });

  it('resolves the compiler\'s own imports from the project root, never from the participant\'s folder', () => {
    for (const id of ['astro/jsx-runtime', 'astro/runtime/server/index.js', 'astro:assets']) expect(request(id)).toBe('from-root');
  });

  it('applies to anything loaded from a participant\'s folder, not only entries', () => {
    expect(request('node:child_process', abs(`${P}/diagram.png.js`))).toContain('may load nothing but image files');
  });
});

describe('where a resolution lands', () => {
  const asset = (path: string, entry: string) => `${path}?astroContentImageFlag=&importer=${encodeURIComponent(entry)}`;

  it('lets the content store\'s asset map load an entry\'s own image, and nothing of another folder', () => {
    const assets = abs('.astro/content-assets.mjs');
    expect(refusal(() => judgeResult(ctx, asset('./photo.png', `${P}/entry.md`), assets, `${abs(`${P}/photo.png`)}?astroContentImageFlag`))).toBe('allowed');
    // a frontmatter value "__ASTRO_IMAGE_../olga/secret.png" becomes such a request
    expect(refusal(() => judgeResult(ctx, asset('../olga/secret.png', `${P}/entry.md`), assets, `${abs('content/portfolios/olga/secret.png')}?astroContentImageFlag`))).toContain(
      'the image "../olga/secret.png" resolves to content/portfolios/olga/secret.png, which is not a file of the entry\'s own folder',
    );
  });

  it('refuses code in a participant\'s folder whoever asks for it', () => {
    expect(refusal(() => judgeResult(ctx, '../../content/portfolios/pia/diagram.png.js', abs('src/pages/index.astro'), abs(`${P}/diagram.png.js`)))).toContain(
      `the build was asked to load ${P}/diagram.png.js from a participant's folder`,
    );
  });

  it('lets Astro load entries as modules with its own flags', () => {
    expect(refusal(() => judgeResult(ctx, 'astro:content-layer-deferred-module?fileName=x', abs('.astro/content-modules.mjs'), `${abs(ENTRY)}?astroPropagatedAssets`))).toBe('allowed');
    expect(refusal(() => judgeResult(ctx, abs(ENTRY), `${abs(ENTRY)}?astroPropagatedAssets`, abs(ENTRY)))).toBe('allowed');
    expect(refusal(() => judgeResult(ctx, 'x', undefined, `${abs(ENTRY)}?raw`))).toContain('only entries and their images may be loaded from there');
  });

  it('has nothing to say about the rest of the project', () => {
    expect(refusal(() => judgeResult(ctx, './Base.astro', abs('src/pages/index.astro'), abs('src/layouts/Base.astro')))).toBe('allowed');
    expect(refusal(() => judgeResult(ctx, 'react', abs('src/islands/x.tsx'), '/somewhere/node_modules/react/index.js'))).toBe('allowed');
  });
});

describe('a module about to be loaded from a participant\'s folder', () => {
  it('may be an entry or a real image, and nothing else', () => {
    expect(refusal(() => judgeLoad(ctx, `${abs(ENTRY)}?astroPropagatedAssets`))).toBe('allowed');
    expect(refusal(() => judgeLoad(ctx, `${abs(`${P}/photo.png`)}?astroContentImageFlag`))).toBe('allowed');
    expect(refusal(() => judgeLoad(ctx, abs(`${P}/photo.png`)))).toBe('allowed');
    expect(refusal(() => judgeLoad(ctx, abs(`${P}/diagram.png.js`)))).toBe(
      `${P}/diagram.png.js:1:1  error  the build was asked to load this file, but a participant's folder holds only entries (.md, .mdx) and attachments, and nothing in it is ever loaded as code. Delete the file  [module-wall]`,
    );
    expect(refusal(() => judgeLoad(ctx, `${abs(`${P}/photo.png`)}?raw`))).toContain('(with ?raw)');
    expect(refusal(() => judgeLoad(ctx, abs(`${P}/script.png`)))).toContain('is named .png but its contents are');
    expect(refusal(() => judgeLoad(ctx, abs(`${P}/linked.png`)))).toContain('is a symbolic link');
    expect(refusal(() => judgeLoad(ctx, abs('content/portfolios/loose.js')))).toContain('[module-wall]');
    expect(refusal(() => judgeLoad(ctx, `\0${abs(`${P}/folder.png/index.js`)}`))).toContain('[module-wall]');
    expect(refusal(() => judgeLoad(ctx, abs('src/pages/index.astro')))).toBe('allowed');
  });
});
