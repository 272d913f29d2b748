/**
 * The render guard's alarm survives the build caches. The guard exists for the day the gate's
 * parser and the renderer disagree: it cleans what the renderer produced and the build fails. If
 * the cleaned entry stayed in the content store, the next build with the same files would reuse
 * it without rendering it and pass, silently serving the cleaned page. Here the fixture's gate is
 * given a gap (it passes one file whatever it holds), as a parser disagreement would; both builds,
 * cold and then warm with every cache in place, must fail naming the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureProject, PROJECT_ROOT, type FixtureProject } from '../../helpers/fixture-project.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/privacy/content');
const GAP = 'content/portfolios/olga-other/gap-entry.md';

describe('the render guard with a gap in the gate', () => {
  let project: FixtureProject;
  beforeAll(() => {
    project = makeFixtureProject(FIXTURE);
    const node = 'src/lib/gate/node.ts';
    const code = readFileSync(join(project.root, node), 'utf8');
    const call = 'return gateSource(file, contents, components, satteriParsers);';
    expect(code).toContain(call);
    // the simulated disagreement: the gate sees nothing wrong in one file
    project.write(node, code.replace(call, `const result = gateSource(file, contents, components, satteriParsers);\n  return file.endsWith('gap-entry.md') ? { ...result, problems: [] } : result;`));
    project.write(GAP, '---\ntype: reflection\ntitle: A gap\ndate: 2026-03-02\nvisibility: public\n---\nText <span onclick="alert(1)">here</span>.\n');
  });
  afterAll(() => project?.cleanup());

  it('fails the cold build and the warm one after it, naming the file', async () => {
    for (const run of ['cold', 'warm']) {
      const result = await project.runAsync('build', ['--audience', 'faculty', '--skip-check'], { CERT_BUILD_DATE: '2026-11-15' });
      expect(result.status, `${run} build: ${result.stderr.slice(-400)}`).toBe(1);
      expect(result.stderr, `${run} build`).toContain('render guard');
      expect(result.stderr, `${run} build`).toContain('gap-entry.md');
    }
  }, 900_000);
});
