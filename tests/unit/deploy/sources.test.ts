/**
 * The sources file (content/sources.yaml): what it accepts, and the messages for bad input, which
 * name the file, the line, the field and what to write instead.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { mountsFromSources, parseSources } from '../../../src/lib/sync/sources.ts';
import { editFileUrl, editLocation, newFileUrl } from '../../../src/lib/edit-links.ts';
import { folderProblem, repositoryKind, repositoryWebUrl } from '../../../src/schemas/sources.ts';

function problems(text: string, allowLocal = false): string[] {
  return parseSources(text, { allowLocal }).problems.map(formatProblem);
}

const GOOD = `sources:
  - name: cohort-c1
    repository: https://github.com/your-org/cohort-c1.git
    tokenVariable: CERT_SOURCES_TOKEN
    folders:
      participants: participants
      sites: sites
      sessions/c1: sessions
  - name: faculty-records
    repository: git@github.com:your-org/faculty-records.git
    commit: 4b825dc642cb6eb9a060e54bf8d69288fbee4904
    folders:
      assessments: assessments
      decisions: decisions
  - repository: ssh://git@git.example.org:2222/your-org/portfolio-maria-lopez.git
    folders:
      portfolios/maria-lopez: .
`;

describe('content/sources.yaml', () => {
  it('reads repositories, branches, pinned commits, token variable names and folders', () => {
    const read = parseSources(GOOD);
    expect(read.problems).toEqual([]);
    expect(read.sources.map((s) => [s.name, s.kind, s.branch, s.commit ?? '', s.tokenVariable ?? ''])).toEqual([
      ['cohort-c1', 'https', 'main', '', 'CERT_SOURCES_TOKEN'],
      ['faculty-records', 'ssh', 'main', '4b825dc642cb6eb9a060e54bf8d69288fbee4904', ''],
      ['portfolio-maria-lopez', 'ssh', 'main', '', ''],
    ]);
    expect(read.sources[2]?.folders).toEqual([{ folder: 'portfolios/maria-lopez', path: '' }]);
  });

  it('is the one mapping the edit links use: each folder opens its own repository', () => {
    const mounts = mountsFromSources(parseSources(GOOD).sources);
    const ctx = { program: { url: 'https://github.com/your-org/certification', branch: 'main' }, mounts };
    const entry = editLocation('content/portfolios/maria-lopez/reflection.md', ctx);
    expect(entry).toEqual({ repository: { url: 'https://git.example.org/your-org/portfolio-maria-lopez', branch: 'main' }, path: 'reflection.md' });
    expect(newFileUrl(entry)).toBe('https://git.example.org/your-org/portfolio-maria-lopez/new/main?filename=reflection.md');
    expect(editFileUrl(editLocation('content/sessions/c1/call-1.yaml', ctx))).toBe('https://github.com/your-org/cohort-c1/edit/main/sessions/call-1.yaml');
    expect(editLocation('content/assessments/maria-lopez/asha.yaml', ctx).repository.url).toBe('https://github.com/your-org/faculty-records');
    expect(editLocation('content/program/overview.md', ctx)).toEqual({ repository: ctx.program, path: 'content/program/overview.md' });
    expect(editLocation('content/sessions/c2/call-1.yaml', ctx).repository).toEqual(ctx.program);
  });

  it('accepts https and ssh addresses only; file:// only where tests allow it', () => {
    expect(repositoryKind('https://github.com/o/r.git')).toBe('https');
    expect(repositoryKind('git@github.com:o/r.git')).toBe('ssh');
    expect(repositoryKind('ssh://git@github.com/o/r.git')).toBe('ssh');
    for (const bad of ['http://github.com/o/r.git', 'file:///srv/r.git', '/srv/r.git', 'git://github.com/o/r.git', 'ext::sh -c touch% /tmp/x', '-oProxyCommand=x@host:r', 'github.com/o/r']) {
      expect(repositoryKind(bad), bad).toBeUndefined();
    }
    expect(repositoryKind('file:///srv/r.git', { allowLocal: true })).toBe('local');
    expect(repositoryWebUrl('git@github.com:your-org/cohort.git')).toBe('https://github.com/your-org/cohort');
  });

  it('refuses a repository address that is not https or ssh, naming the file, line, field and what to write', () => {
    const text = `sources:\n  - repository: http://github.com/your-org/cohort-c1.git\n    folders:\n      participants: participants\n`;
    expect(problems(text)).toEqual([
      'content/sources.yaml:2:5  error  sources[0].repository: plain http is neither encrypted nor authenticated. repository must be an https address, for example https://github.com/your-org/cohort-2026.git, or an ssh address such as git@github.com:your-org/cohort-2026.git; got "http://github.com/your-org/cohort-c1.git"  [schema]',
    ]);
    const local = `sources:\n  - repository: file:///srv/git/cohort.git\n    folders:\n      participants: participants\n`;
    expect(problems(local)[0]).toContain('sources[0].repository: local folders and file:// addresses are only for tests. repository must be an https address');
    expect(problems(local, true)).toEqual([]);
  });

  it('refuses an unknown folder, naming the folders a source can fill', () => {
    const text = `sources:\n  - repository: https://github.com/your-org/records.git\n    folders:\n      programme: programme\n`;
    expect(problems(text)).toEqual([
      'content/sources.yaml:4:7  error  sources[0].folders.programme: "programme" is not a folder a source can fill. Write one of: participants, sites, sessions (or sessions/<cohort>), resources (or resources/<cohort>), attendance (or attendance/<cohort>), approvals (or approvals/<cohort>), assessments (or assessments/<cohort>), decisions (or decisions/<cohort>), recipients (or recipients/<cohort>), portfolios/<participant>. Program pages, modules, faculty, framework, cohorts and settings stay in the program repository  [schema]',
    ]);
    expect(folderProblem('assesments')).toContain('(did you mean assessments?)');
    expect(folderProblem('portfolios')).toBe(
      'portfolios needs the participant: write portfolios/<participant id>, for example portfolios/maria-lopez (one portfolio repository per participant, with its entries at the repository\'s root)',
    );
    expect(folderProblem('program')).toContain('is not a folder a source can fill');
    expect(folderProblem('participants/c1')).toBe('participants takes no sub-folder: write participants (one repository holds all of it)');
    expect(folderProblem('content/participants')).toBe('write the folder without content/ in front: participants');
  });

  it('refuses folders and repository paths that would lead outside their folder', () => {
    const text = `sources:\n  - repository: https://github.com/your-org/p.git\n    folders:\n      portfolios/../../src: .\n      participants: ../secrets\n`;
    const found = problems(text);
    expect(found).toContain(
      'content/sources.yaml:4:7  error  sources[0].folders.portfolios/../../src: "portfolios/../../src" must be a folder under content/, written without "..", "." or a leading slash, for example portfolios/maria-lopez; a source can only fill its own folder  [schema]',
    );
    expect(found).toContain(
      'content/sources.yaml:5:7  error  sources[0].folders.participants: "../secrets" must be a folder inside the repository, such as participants, or . for the repository\'s root; "..", absolute paths and hidden folders cannot be used  [schema]',
    );
  });

  it('refuses a token written into the file, wherever it is, and says to name an environment variable instead', () => {
    const token = `ghp_${'A1b2C3d4'.repeat(5)}`;
    const inField = `sources:\n  - repository: https://github.com/your-org/cohort-c1.git\n    token: ${token}\n    folders:\n      participants: participants\n`;
    expect(problems(inField)).toEqual([
      'content/sources.yaml:3:5  error  sources[0].token: a source has no token field. Never write a token in content/sources.yaml: everyone who can read the program repository can read it, and its history keeps it. Delete it here (and revoke it on the git host, since it has been exposed), keep it as a secret in an environment variable, and write only that variable’s name, for example tokenVariable: CERT_SOURCES_TOKEN.  [secret]',
    ]);
    const asVariable = `sources:\n  - repository: https://github.com/your-org/cohort-c1.git\n    tokenVariable: ${token}\n    folders:\n      participants: participants\n`;
    expect(problems(asVariable)[0]).toBe(
      'content/sources.yaml:3:5  error  sources[0].tokenVariable looks like an access token or password. Never write a token in content/sources.yaml: everyone who can read the program repository can read it, and its history keeps it. Delete it here (and revoke it on the git host, since it has been exposed), keep it as a secret in an environment variable, and write only that variable’s name, for example tokenVariable: CERT_SOURCES_TOKEN  [secret]',
    );
    const inUrl = `sources:\n  - repository: https://x-access-token:${token}@github.com/your-org/cohort-c1.git\n    folders:\n      participants: participants\n`;
    const urlProblems = problems(inUrl);
    expect(urlProblems).toHaveLength(1);
    expect(urlProblems[0]).toContain('sources[0].repository looks like an access token or password. Never write a token');
    expect(urlProblems[0]).not.toContain(token.slice(8));
    const inComment = `# CERT_SOURCES_TOKEN=${token}\nsources:\n  - repository: https://github.com/your-org/cohort-c1.git\n    folders:\n      participants: participants\n`;
    expect(problems(inComment)).toEqual([
      expect.stringMatching(/^content\/sources\.yaml:1:1 {2}error {2}this line holds an access token or a password in an address\. Never write a token/),
    ]);
    const fineGrained = `sources:\n  - repository: https://github.com/your-org/cohort-c1.git\n    password: github_pat_${'x1Y2'.repeat(10)}\n    folders:\n      participants: participants\n`;
    expect(problems(fineGrained)[0]).toContain('sources[0].password: a source has no password field');
  });

  it('refuses two sources filling the same folder, and ssh with a token variable', () => {
    const text = `sources:\n  - repository: https://github.com/o/a.git\n    folders:\n      sessions: sessions\n  - repository: git@github.com:o/b.git\n    tokenVariable: B_TOKEN\n    folders:\n      sessions/c1: sessions\n`;
    const found = problems(text);
    expect(found).toContain('content/sources.yaml:8:7  error  sessions/c1 overlaps sessions, which sources[0] already fills; each content folder comes from exactly one repository  [schema]');
    expect(found.some((p) => p.includes('tokenVariable is for https addresses; an ssh address uses a deploy key'))).toBe(true);
  });
});
