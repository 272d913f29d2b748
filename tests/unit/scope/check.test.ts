import { describe, expect, it } from 'vitest';
import { checkScope, checkSender, allowedText } from '../../../src/lib/scope/check.ts';
import { parseRawDiff, type Change } from '../../../src/lib/scope/diff.ts';
import { grantsOf, parseMaintainers, peopleFromSources } from '../../../src/lib/scope/people.ts';
import { matchArea } from '../../../src/lib/scope/permissions.ts';
import { PEOPLE_FILES } from './helpers.ts';

const people = peopleFromSources(Object.entries(PEOPLE_FILES).map(([path, text]) => ({ path, text })));

const add = (path: string): Change => ({ status: 'A', path, mode: '100644', oldMode: '000000' });
const edit = (path: string): Change => ({ status: 'M', path, mode: '100644', oldMode: '100644' });
const remove = (path: string): Change => ({ status: 'D', path, mode: '000000', oldMode: '100644' });
const move = (oldPath: string, path: string): Change => ({ status: 'R', oldPath, path, mode: '100644', oldMode: '100644' });

/** The refusals as `path: reason` lines, for snapshots. */
function check(author: string, ...changes: Change[]): string {
  return checkScope({ author, changes, people })
    .map((r) => `${r.path}: ${r.reason}`)
    .join('\n');
}

const MARIA = 'content/portfolios/maria-lopez';
const JONAS = 'content/portfolios/jonas-berg';

describe('people', () => {
  it('reads handles from participant, demo participant and faculty files, and the maintainers list', () => {
    expect(people.participants.map((p) => `${p.id} ${p.handle} demo=${p.demo}`)).toEqual([
      'ines-lunaclara demo-ines demo=true',
      'jonas-berg JonasB demo=false',
      'maria-lopez maria-lopez demo=false',
    ]);
    expect(people.faculty.map((f) => `${f.id} ${f.handle} ${f.role} assessor=${f.assessor}`)).toEqual([
      'dan-siegel dsiegel guest assessor=false',
      'julie-diaz jdiaz coordinator assessor=false',
      'peter-m-senge psenge facilitator assessor=true',
    ]);
    expect(people.maintainers).toEqual(['dev-ana']);
  });

  it('ignores comments, blank lines and invalid handles in the maintainers file', () => {
    expect(parseMaintainers('# none yet\n\n  alice \n@Bob # lead\nnot a handle\n-bad\n')).toEqual(['alice', 'Bob']);
  });

  it('ignores files that cannot be read or have no valid handle', () => {
    const odd = peopleFromSources([
      { path: 'content/participants/broken.yaml', text: 'name: [unclosed\ngitHandle: broken\n' },
      { path: 'content/participants/bad-handle.yaml', text: 'gitHandle: "-nope-"\n' },
      { path: 'content/faculty/no-role.md', text: '---\nname: X\ngitHandle: xrole\n---\n' },
      { path: 'content/participants/Not An Id.yaml', text: 'gitHandle: notanid\n' },
    ]);
    expect(odd).toEqual({ participants: [], faculty: [], maintainers: [] });
  });

  it('gives no role to a handle written in an invented demo faculty file', () => {
    const withDemo = peopleFromSources([
      ...Object.entries(PEOPLE_FILES).map(([path, text]) => ({ path, text })),
      { path: 'content/demo/faculty/ramon-vientosur.md', text: '---\nname: Ramón Vientosur\nrole: facilitator\naffiliation: Demo faculty (fictional)\nassessor: true\ngitHandle: mallory\n---\n' },
    ]);
    expect(withDemo.faculty.map((f) => f.id)).not.toContain('ramon-vientosur');
    expect(grantsOf('mallory', withDemo).known).toBe(false);
    expect(checkScope({ author: 'mallory', changes: [add('content/demo/decisions/ines-lunaclara/2026-11-26.yaml')], people: withDemo })).toHaveLength(1);
  });

  it('compares handles without regard to case', () => {
    expect(grantsOf('jonasb', people).ownFolders).toEqual([`${JONAS}/`]);
    expect(grantsOf('PSENGE', people).roles.has('assessor')).toBe(true);
  });
});

describe('matchArea', () => {
  it('finds the folder and, for portfolios, the participant', () => {
    expect(matchArea(`${MARIA}/a.md`)).toMatchObject({ folder: `${MARIA}/`, participant: 'maria-lopez' });
    expect(matchArea('content/demo/portfolios/ines-lunaclara/sub/a.png')).toMatchObject({ folder: 'content/demo/portfolios/ines-lunaclara/', participant: 'ines-lunaclara' });
    expect(matchArea('content/sites/riverside-hub.yaml').folder).toBe('content/sites/');
    expect(matchArea('content/portfolios/README.md').area.name).toBe('Code, settings and everything else');
    expect(matchArea('content/settings.yaml').area.name).toBe('Code, settings and everything else');
    expect(matchArea('src/lib/audience.ts').area.name).toBe('Code, settings and everything else');
  });
});

describe('checkScope: participants', () => {
  it('allows adding, changing and deleting files in their own folder, attachments included', () => {
    expect(check('maria-lopez', add(`${MARIA}/a.md`), edit(`${MARIA}/b.mdx`), remove(`${MARIA}/c.md`), add(`${MARIA}/photo.jpg`), move(`${MARIA}/d.md`, `${MARIA}/e.md`))).toBe('');
    expect(check('demo-ines', add('content/demo/portfolios/ines-lunaclara/a.md'))).toBe('');
  });

  it('refuses another participant\'s folder', () => {
    expect(check('maria-lopez', add(`${JONAS}/a.md`), edit(`${JONAS}/b.md`), remove(`${JONAS}/c.md`))).toMatchInlineSnapshot(`
      "content/portfolios/jonas-berg/a.md: content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Remove this file from your pull request
      content/portfolios/jonas-berg/b.md: content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Undo the change to this file
      content/portfolios/jonas-berg/c.md: content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Restore this file"
    `);
  });

  it('keeps a demo participant to the demo folder and a real one to the real folder', () => {
    expect(check('demo-ines', add('content/portfolios/ines-lunaclara/a.md'))).toMatchInlineSnapshot(
      `"content/portfolios/ines-lunaclara/a.md: content/portfolios/ines-lunaclara/ is not your portfolio folder; you may change only content/demo/portfolios/ines-lunaclara/. Remove this file from your pull request"`,
    );
    expect(check('maria-lopez', add('content/demo/portfolios/maria-lopez/a.md'))).toContain('is not your portfolio folder');
  });

  it('refuses their own participant file: the coordinator keeps it', () => {
    expect(check('maria-lopez', edit('content/participants/maria-lopez.yaml'))).toMatchInlineSnapshot(
      `"content/participants/maria-lopez.yaml: your participant file is kept by the program coordinator: ask them to make this change. Undo the change to this file; you may change only content/portfolios/maria-lopez/"`,
    );
  });

  it('refuses program records, faculty records, code and settings', () => {
    expect(
      check('maria-lopez', edit('content/sites/riverside-hub.yaml'), add('content/assessments/maria-lopez/psenge.md'), edit('src/lib/audience.ts'), edit('package.json'), edit('.github/workflows/pr-check.yml'), edit('content/settings.yaml')),
    ).toMatchInlineSnapshot(`
      "content/sites/riverside-hub.yaml: content/sites/ is kept by the program coordinator; you may change only content/portfolios/maria-lopez/. Undo the change to this file
      content/assessments/maria-lopez/psenge.md: content/assessments/ is kept by the assessing faculty; you may change only content/portfolios/maria-lopez/. Remove this file from your pull request
      src/lib/audience.ts: this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/portfolios/maria-lopez/. Undo the change to this file
      package.json: this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/portfolios/maria-lopez/. Undo the change to this file
      .github/workflows/pr-check.yml: this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/portfolios/maria-lopez/. Undo the change to this file
      content/settings.yaml: this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/portfolios/maria-lopez/. Undo the change to this file"
    `);
  });

  it('refuses moving a file out of their folder, or into it, even though one side is theirs', () => {
    expect(check('maria-lopez', move(`${MARIA}/a.md`, `${JONAS}/a.md`), move(`${JONAS}/b.md`, `${MARIA}/b.md`), move('content/sites/x.yaml', 'src/x.yaml'))).toMatchInlineSnapshot(`
      "content/portfolios/jonas-berg/a.md: this file was moved here from content/portfolios/maria-lopez/a.md, but content/portfolios/jonas-berg/ is not your portfolio folder; a file may be moved only within folders you may change. You may change only content/portfolios/maria-lopez/. Move the file back
      content/portfolios/maria-lopez/b.md: this file was moved here from content/portfolios/jonas-berg/b.md, but content/portfolios/jonas-berg/ is not your portfolio folder; a file may be moved only within folders you may change. You may change only content/portfolios/maria-lopez/. Move the file back
      src/x.yaml: this file was moved here from content/sites/x.yaml, but content/sites/ is kept by the program coordinator, and src/x.yaml is part of the site's code and settings, kept by the maintainers of the site; a file may be moved only within folders you may change. You may change only content/portfolios/maria-lopez/. Move the file back"
    `);
  });

  it('allows copying a file into their folder, and refuses copying one out of it', () => {
    const copy = (oldPath: string, path: string): Change => ({ status: 'C', oldPath, path, mode: '100644', oldMode: '100644' });
    expect(check('maria-lopez', copy(`${JONAS}/a.md`, `${MARIA}/a.md`))).toBe('');
    expect(check('maria-lopez', copy(`${MARIA}/a.md`, `${JONAS}/a.md`))).toMatchInlineSnapshot(
      `"content/portfolios/jonas-berg/a.md: content/portfolios/jonas-berg/ is not your portfolio folder; you may change only content/portfolios/maria-lopez/. Remove this file from your pull request"`,
    );
  });
});

describe('checkScope: links, submodules and type changes, for everyone', () => {
  it('refuses symbolic links and submodules, even in one\'s own folder and for maintainers', () => {
    expect(
      check(
        'maria-lopez',
        { status: 'A', path: `${MARIA}/link.md`, mode: '120000', oldMode: '000000' },
        { status: 'M', path: `${MARIA}/old-link.md`, mode: '120000', oldMode: '120000' },
        { status: 'A', path: `${MARIA}/vendor`, mode: '160000', oldMode: '000000' },
      ),
    ).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/link.md: this is a symbolic link (a file that points at another file); links are not allowed anywhere in the repository, because they can point outside it. Replace it with an ordinary file
      content/portfolios/maria-lopez/old-link.md: this is a symbolic link (a file that points at another file); links are not allowed anywhere in the repository, because they can point outside it. Replace it with an ordinary file
      content/portfolios/maria-lopez/vendor: this is a submodule (a link to another repository); submodules are not allowed. Remove it, and add the files themselves instead"
    `);
    expect(check('dev-ana', { status: 'A', path: 'src/link.ts', mode: '120000', oldMode: '000000' })).toContain('symbolic link');
    expect(check('dev-ana', move('src/a.ts', 'src/b.ts'), { ...move('src/c.ts', 'src/d.ts'), mode: '120000', oldMode: '120000' })).toMatch(/^src\/d\.ts: this is a symbolic link/);
  });

  it('allows deleting a link from one\'s own folder', () => {
    expect(check('maria-lopez', { status: 'D', path: `${MARIA}/link.md`, mode: '000000', oldMode: '120000' })).toBe('');
  });

  it('refuses a change of file type', () => {
    expect(check('maria-lopez', { status: 'T', path: `${MARIA}/a.md`, mode: '120000', oldMode: '100644' }, { status: 'T', path: `${MARIA}/b.md`, mode: '100644', oldMode: '120000' })).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/a.md: this file changed from an ordinary file to a symbolic link; a file may not change its type. Undo this change, and add an ordinary file under a new name if you need one
      content/portfolios/maria-lopez/b.md: this file changed from a symbolic link to an ordinary file; a file may not change its type. Undo this change, and add an ordinary file under a new name if you need one"
    `);
  });
});

describe('checkScope: faculty, maintainers and unknown authors', () => {
  it('lets the coordinator change program records, and record faculty decisions, approval steps and recipients, and nothing else', () => {
    expect(
      check('jdiaz', edit('content/participants/maria-lopez.yaml'), add('content/demo/sessions/demo-2026/call.yaml'), edit('content/program/overview.md'), edit('content/faculty/julie-diaz.md'), move('content/sites/a.yaml', 'content/sessions/2020-2021/a.yaml')),
    ).toBe('');
    // what the coordinator's forms write: releasing a decision, revoking a credential, an approval step, a recipient record
    expect(
      check('jdiaz', edit('content/decisions/maria-lopez/2021-06-25.yaml'), add('content/approvals/maria-lopez/project-proposal/review.yaml'), add('content/demo/recipients/teo-pastizal.yaml'), add('content/cohorts/2021-2022.yaml'), add('content/attendance/2020-2021/call-2020-07.yaml')),
    ).toBe('');
    expect(check('jdiaz', edit(`${MARIA}/a.md`), add('content/assessments/maria-lopez/julie-diaz.yaml'), edit('content/framework/calls.yaml'), edit('scripts/build.ts'))).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/a.md: content/portfolios/maria-lopez/ is the portfolio folder of participant maria-lopez, which only they may change; you may change only content/participants/, content/sites/, content/sessions/, content/attendance/, content/resources/, content/cohorts/, content/modules/, content/faculty/, content/program/, content/decisions/, content/approvals/, content/recipients/ and the matching folders under content/demo/. Undo the change to this file
      content/assessments/maria-lopez/julie-diaz.yaml: content/assessments/ is kept by the assessing faculty; you may change only content/participants/, content/sites/, content/sessions/, content/attendance/, content/resources/, content/cohorts/, content/modules/, content/faculty/, content/program/, content/decisions/, content/approvals/, content/recipients/ and the matching folders under content/demo/. Remove this file from your pull request
      content/framework/calls.yaml: content/framework/ is kept by the assessing faculty; you may change only content/participants/, content/sites/, content/sessions/, content/attendance/, content/resources/, content/cohorts/, content/modules/, content/faculty/, content/program/, content/decisions/, content/approvals/, content/recipients/ and the matching folders under content/demo/. Undo the change to this file
      scripts/build.ts: this file is part of the site's code and settings, kept by the maintainers of the site; you may change only content/participants/, content/sites/, content/sessions/, content/attendance/, content/resources/, content/cohorts/, content/modules/, content/faculty/, content/program/, content/decisions/, content/approvals/, content/recipients/ and the matching folders under content/demo/. Undo the change to this file"
    `);
  });

  it('lets assessing faculty change assessments, decisions and approvals only', () => {
    expect(check('psenge', add('content/assessments/maria-lopez/peter-m-senge.yaml'), edit('content/decisions/maria-lopez/2026-07-20.yaml'), add('content/approvals/maria-lopez.yaml'))).toBe('');
    expect(check('psenge', edit(`${MARIA}/a.md`))).toMatchInlineSnapshot(
      `"content/portfolios/maria-lopez/a.md: content/portfolios/maria-lopez/ is the portfolio folder of participant maria-lopez, which only they may change; you may change only content/assessments/, content/framework/, content/decisions/, content/approvals/, content/recipients/ and the matching folders under content/demo/. Undo the change to this file"`,
    );
  });

  it('lets guest faculty change nothing', () => {
    expect(check('dsiegel', edit('content/faculty/dan-siegel.md'))).toMatchInlineSnapshot(
      `"content/faculty/dan-siegel.md: content/faculty/ is kept by the program coordinator; faculty who are neither the coordinator nor an assessor (assessor: true) may not change files in this repository; ask the program coordinator. Undo the change to this file"`,
    );
  });

  it('lets maintainers change the code but not content kept by others', () => {
    expect(check('Dev-Ana', edit('src/lib/audience.ts'), edit('package.json'), add('.github/workflows/x.yml'), edit('content/settings.yaml'), move('src/a.ts', 'scripts/a.ts'))).toBe('');
    expect(check('dev-ana', edit(`${MARIA}/a.md`))).toMatchInlineSnapshot(
      `"content/portfolios/maria-lopez/a.md: content/portfolios/maria-lopez/ is the portfolio folder of participant maria-lopez, which only they may change; you may change only the code and settings (everything outside the content folders kept by participants, the coordinator and assessing faculty). Undo the change to this file"`,
    );
  });

  it('refuses every change by an author no participant or faculty file names', () => {
    expect(check('stranger', add(`${MARIA}/a.md`), edit('README.md'))).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/a.md: the git account "stranger" is not the gitHandle of any participant or faculty member, so this check cannot tell which folder is yours. Ask the program coordinator to add "gitHandle: stranger" to your participant file (content/participants/<your-id>.yaml; for faculty, your file in content/faculty/); once that is merged, make any small change to your file in this pull request and the check runs again
      README.md: the git account "stranger" is not the gitHandle of any participant or faculty member, so this check cannot tell which folder is yours. Ask the program coordinator to add "gitHandle: stranger" to your participant file (content/participants/<your-id>.yaml; for faculty, your file in content/faculty/); once that is merged, make any small change to your file in this pull request and the check runs again"
    `);
    expect(allowedText(grantsOf('stranger', people))).toBe('you may not change files in this repository; ask the program coordinator');
  });

  it('refuses nothing when nothing changed', () => {
    expect(checkScope({ author: 'stranger', changes: [], people })).toEqual([]);
  });
});

describe('file kinds: the role table says what may be added where', () => {
  it('lets a participant add only entries and attachments, directly in their folder', () => {
    expect(check('maria-lopez', add(`${MARIA}/a.md`), add(`${MARIA}/b.mdx`), add(`${MARIA}/plan.PDF`), add(`${MARIA}/photo.jpeg`), add(`${MARIA}/talk.m4a`))).toBe('');
    expect(
      check('maria-lopez', add(`${MARIA}/diagram.png.js`), add(`${MARIA}/diagram.png.tsx`), add(`${MARIA}/Makefile`), add(`${MARIA}/.npmrc`), add(`${MARIA}/x.svg`), add(`${MARIA}/diagram.png/index.js`), add(`${MARIA}/img/photo.png`), move(`${MARIA}/a.png`, `${MARIA}/a.png.js`)),
    ).toMatchInlineSnapshot(`
      "content/portfolios/maria-lopez/diagram.png.js: .js files may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request
      content/portfolios/maria-lopez/diagram.png.tsx: .tsx files may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request
      content/portfolios/maria-lopez/Makefile: files without an extension may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request
      content/portfolios/maria-lopez/.npmrc: files without an extension may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request
      content/portfolios/maria-lopez/x.svg: .svg files may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request
      content/portfolios/maria-lopez/diagram.png/index.js: files go directly in content/portfolios/maria-lopez/, not in a sub-folder: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Move the file up (and write its name as ./index.js), or remove it
      content/portfolios/maria-lopez/img/photo.png: files go directly in content/portfolios/maria-lopez/, not in a sub-folder: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Move the file up (and write its name as ./photo.png), or remove it
      content/portfolios/maria-lopez/a.png.js: .js files may not be added to content/portfolios/maria-lopez/: it holds entries (.md, .mdx) and their attachments (.pdf, .png, .jpg, .jpeg, .webp, .gif, .mp3, .m4a, .ogg), directly in the folder. Remove this file from your pull request"
    `);
  });

  it('lets anyone delete a file of the wrong kind from a folder they may change', () => {
    expect(check('maria-lopez', remove(`${MARIA}/diagram.png.js`), remove(`${MARIA}/sub/old.png`))).toBe('');
  });

  it('holds the coordinator and assessors to content kinds, and leaves the code to maintainers', () => {
    expect(check('jdiaz', add('content/resources/meditation.mp3'), add('content/sites/x.yaml'))).toBe('');
    expect(check('jdiaz', add('content/resources/tool.js'))).toContain('.js files may not be added to content/resources/');
    expect(check('psenge', add('content/assessments/maria-lopez/notes.md'))).toContain('.md files may not be added to content/assessments/');
    expect(check('dev-ana', add('scripts/new-tool.ts'), add('public/favicon.svg'))).toBe('');
  });
});

describe('who pushed', () => {
  it('accepts the author and maintainers, and refuses anyone else pushing to an author\'s pull request', () => {
    expect(checkSender({ author: 'maria-lopez', sender: 'Maria-Lopez', people })).toBeUndefined();
    expect(checkSender({ author: 'maria-lopez', sender: 'dev-ana', people })).toBeUndefined();
    expect(checkSender({ author: 'maria-lopez', sender: 'JonasB', people })?.reason).toMatchInlineSnapshot(`"the latest commits of this pull request were pushed by @JonasB, but it was opened by @maria-lopez; only its author (or a maintainer of the site) may add to a pull request. @maria-lopez: if you did not ask for them, remove those commits or close this pull request and start again from your own fork. @JonasB: open a pull request of your own"`);
    // faculty are not maintainers: the coordinator opens a pull request of their own
    expect(checkSender({ author: 'maria-lopez', sender: 'jdiaz', people })).toBeDefined();
  });
});

describe('parseRawDiff', () => {
  it('reads statuses, paths, renames and modes from git diff --raw -z', () => {
    const z = (...fields: string[]) => fields.join('\0') + '\0';
    const sha = 'a'.repeat(40);
    const out = z(
      `:100644 120000 ${sha} ${sha} T`,
      'b.txt',
      `:100644 100644 ${sha} ${sha} R100`,
      'd/a b.txt',
      'e\ttab.txt',
      `:000000 160000 ${sha} ${sha} A`,
      'vendor',
      `:100644 000000 ${sha} ${sha} D`,
      'gone.md',
    );
    expect(parseRawDiff(out)).toEqual([
      { status: 'T', path: 'b.txt', mode: '120000', oldMode: '100644' },
      { status: 'R', path: 'e\ttab.txt', oldPath: 'd/a b.txt', mode: '100644', oldMode: '100644' },
      { status: 'A', path: 'vendor', mode: '160000', oldMode: '000000' },
      { status: 'D', path: 'gone.md', mode: '000000', oldMode: '100644' },
    ]);
    expect(parseRawDiff('')).toEqual([]);
    expect(() => parseRawDiff('M\tfile\n')).toThrow(/unexpected git diff output/);
  });
});
