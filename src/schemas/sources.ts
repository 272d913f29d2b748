/**
 * The sources file: `content/sources.yaml`, the one record of which repository holds which content
 * folder when content is split across repositories (ARCHITECTURE.md, "Who can read the
 * repository"). Without the file, everything is read from this repository's content/ folder.
 *
 *   sources:
 *     - name: cohort-2026
 *       repository: https://github.com/your-org/cohort-2026.git
 *       branch: main                    # or pin a commit with commit: <40 hex digits>
 *       tokenVariable: CERT_SOURCES_TOKEN
 *       folders:
 *         participants: participants    # content folder: folder inside the repository
 *         sessions/2026: sessions
 *     - name: portfolio-maria-lopez
 *       repository: https://github.com/your-org/portfolio-maria-lopez.git
 *       folders:
 *         portfolios/maria-lopez: .     # a portfolio repository has its entries at its root
 *
 * Pure module (no file access): `npm run sync`, the validator and the build's edit links share it.
 */
import { z } from 'zod';
import { editDistance } from '../lib/suggest.ts';
import { field } from './common.ts';

export const SOURCES_FILE = 'content/sources.yaml';

/**
 * Content folders a source may fill, and how far down: `whole` = the folder itself only,
 * `sub` = the folder or one sub-folder (a cohort's sessions), `participant` = one participant's
 * portfolio folder. Program pages, modules, faculty bios, the framework, cohorts and the settings
 * stay in the program repository, which holds nothing above public.
 */
export const MOUNTABLE_FOLDERS = {
  participants: 'whole',
  sites: 'whole',
  sessions: 'sub',
  resources: 'sub',
  attendance: 'sub',
  approvals: 'sub',
  assessments: 'sub',
  decisions: 'sub',
  recipients: 'sub',
  portfolios: 'participant',
} as const satisfies Record<string, 'whole' | 'sub' | 'participant'>;

export type MountableFolder = keyof typeof MOUNTABLE_FOLDERS;

const SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENV_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** How each mountable folder is written, for messages: participants, sessions/<cohort>, … */
export function mountableFolderList(): string {
  return Object.entries(MOUNTABLE_FOLDERS)
    .map(([folder, how]) => (how === 'whole' ? folder : how === 'participant' ? `${folder}/<participant>` : `${folder} (or ${folder}/<cohort>)`))
    .join(', ');
}


/** Why a content folder cannot be filled by a source, or undefined when it can. */
export function folderProblem(folder: string): string | undefined {
  if (folder === '' || folder.startsWith('/') || folder.includes('\\') || folder.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    return `"${folder}" must be a folder under content/, written without "..", "." or a leading slash, for example portfolios/maria-lopez; a source can only fill its own folder`;
  }
  if (folder.startsWith('content/')) return `write the folder without content/ in front: ${folder.slice('content/'.length)}`;
  const [top = '', ...rest] = folder.split('/');
  const how = (MOUNTABLE_FOLDERS as Record<string, 'whole' | 'sub' | 'participant'>)[top];
  if (!how) {
    const close = Object.keys(MOUNTABLE_FOLDERS).find((f) => editDistance(f, top) <= 2);
    return `"${folder}" is not a folder a source can fill${close ? ` (did you mean ${close}?)` : ''}. Write one of: ${mountableFolderList()}. Program pages, modules, faculty, framework, cohorts and settings stay in the program repository`;
  }
  const bad = rest.find((s) => !SEGMENT.test(s));
  if (bad !== undefined) return `"${bad}" in ${folder} must be an id: lowercase letters, digits and hyphens, for example maria-lopez`;
  if (how === 'whole' && rest.length > 0) return `${top} takes no sub-folder: write ${top} (one repository holds all of it)`;
  if (how === 'sub' && rest.length > 1) return `${folder} is too deep: write ${top} or ${top}/<cohort>, for example ${top}/${rest[0]}`;
  if (how === 'participant' && rest.length !== 1) {
    return `${top} needs the participant: write ${top}/<participant id>, for example ${top}/maria-lopez (one portfolio repository per participant, with its entries at the repository's root)`;
  }
  return undefined;
}

/** Why a folder inside a repository cannot be used, or undefined. `.` (or empty) is the repository's root. */
export function repositoryPathProblem(path: string): string | undefined {
  if (path === '' || path === '.' || path === './') return undefined;
  const segments = path.replace(/\/$/, '').split('/');
  if (path.startsWith('/') || path.includes('\\') || segments.some((s) => s === '..' || s === '.' || s === '' || s === '.git' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s))) {
    return `"${path}" must be a folder inside the repository, such as participants, or . for the repository's root; "..", absolute paths and hidden folders cannot be used`;
  }
  return undefined;
}

/** Normalise a folder inside a repository: '' for its root, else without trailing slash. */
export function normaliseRepositoryPath(path: string): string {
  return path === '.' || path === './' ? '' : path.replace(/\/$/, '');
}

export interface RepositoryRules {
  /** Allow file:// addresses and absolute paths (tests only). */
  allowLocal?: boolean | undefined;
}

const HTTPS = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?\/[^\s?#@]+$/;
const SSH_URL = /^ssh:\/\/[A-Za-z0-9_][\w.-]*@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?\/[^\s?#]+$/;
const SCP_LIKE = /^[A-Za-z0-9_][\w.-]*@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?:[A-Za-z0-9_~][^\s?#:]*$/;
const LOCAL = /^file:\/\/\/[^\s?#]+$/;

export type RepositoryKind = 'https' | 'ssh' | 'local';

export function repositoryKind(url: string, rules: RepositoryRules = {}): RepositoryKind | undefined {
  if (HTTPS.test(url)) return 'https';
  if (SSH_URL.test(url) || SCP_LIKE.test(url)) return 'ssh';
  if (rules.allowLocal && LOCAL.test(url)) return 'local';
  return undefined;
}

const EXAMPLE_HTTPS = 'https://github.com/your-org/cohort-2026.git';
const EXAMPLE_SSH = 'git@github.com:your-org/cohort-2026.git';

/** Why a repository address is refused, or undefined when it is accepted. */
export function repositoryProblem(url: string, rules: RepositoryRules = {}): string | undefined {
  if (repositoryKind(url, rules)) return undefined;
  let why = '';
  if (/^http:\/\//i.test(url)) why = 'plain http is neither encrypted nor authenticated. ';
  else if (/^(file:|\/|\.)/i.test(url)) why = 'local folders and file:// addresses are only for tests. ';
  else if (/^(git|ftp|ext)[:+]/i.test(url) || /^[a-z]+::/i.test(url)) why = 'only https and ssh are allowed. ';
  else if (/^https:\/\/[^/]*@/i.test(url)) why = 'an address must not carry a user name or token; name the token in tokenVariable instead. ';
  return `${why}repository must be an https address, for example ${EXAMPLE_HTTPS}, or an ssh address such as ${EXAMPLE_SSH}; got "${url}"`;
}

/** The repository's page on the git host, for links: https://github.com/your-org/cohort-2026 */
export function repositoryWebUrl(url: string): string {
  const scp = /^[\w.-]+@([^:]+):(.+)$/.exec(url);
  if (scp && !url.startsWith('ssh://')) return `https://${scp[1]}/${(scp[2] ?? '').replace(/\.git$/, '')}`;
  const ssh = /^ssh:\/\/[^@]+@([^/:]+)(?::\d+)?\/(.+)$/.exec(url);
  if (ssh) return `https://${ssh[1]}/${(ssh[2] ?? '').replace(/\.git$/, '')}`;
  return url.replace(/\.git$/, '').replace(/\/+$/, '');
}

/** A source's name when the file gives none: the repository's last path segment. */
export function defaultSourceName(url: string): string {
  const last = repositoryWebUrl(url).split(/[/:]/).filter(Boolean).pop() ?? 'source';
  return (
    last
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'source'
  );
}

export function sourcesSchema(rules: RepositoryRules = {}) {
  const source = z.strictObject({
    name: field(
      z.string().regex(SEGMENT, { message: 'name must be lowercase letters, digits and hyphens, for example portfolio-maria-lopez' }).optional(),
      { description: 'short name of the source, used in messages and on the about-this-build page (default: the repository name)', example: 'cohort-2026' },
    ),
    repository: field(
      z.string({ error: `expected the repository's address, for example ${EXAMPLE_HTTPS}` }).superRefine((value, ctx) => {
        const why = repositoryProblem(value, rules);
        if (why) ctx.addIssue({ code: 'custom', message: why });
      }),
      { description: 'address of the repository: https or ssh', example: EXAMPLE_HTTPS },
    ),
    branch: field(
      z
        .string()
        .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]{1,200}$/, { message: 'branch must be a branch name such as main (letters, digits, . _ / and -)' })
        .default('main'),
      { description: 'branch to read (default main); with commit, the branch the commit is on', example: 'main' },
    ),
    commit: field(
      z.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, { message: 'commit must be a full commit id: 40 lowercase hexadecimal digits, for example 4b825dc642cb6eb9a060e54bf8d69288fbee4904' }).optional(),
      { description: 'pin the source to this commit instead of the branch’s latest', example: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' },
    ),
    tokenVariable: field(
      z.string().regex(ENV_NAME, { message: 'tokenVariable is the NAME of an environment variable that holds the token, in capitals, for example CERT_SOURCES_TOKEN; never the token itself' }).optional(),
      { description: 'name of the environment variable holding a read token for an https repository (never the token)', example: 'CERT_SOURCES_TOKEN' },
    ),
    folders: field(
      z.record(z.string(), z.string({ error: 'each folder maps to a folder inside the repository, written as text, or . for its root' })).superRefine((folders, ctx) => {
        const keys = Object.keys(folders);
        if (keys.length === 0) ctx.addIssue({ code: 'custom', message: `folders must list at least one content folder, for example participants: participants` });
        for (const key of keys) {
          const why = folderProblem(key);
          if (why) ctx.addIssue({ code: 'custom', message: why, path: [key] });
          const inRepo = folders[key] ?? '';
          const pathWhy = repositoryPathProblem(inRepo);
          if (pathWhy) ctx.addIssue({ code: 'custom', message: pathWhy, path: [key] });
        }
      }),
      { description: 'content folders this repository fills, each mapped to the folder inside the repository (. for its root)', example: 'participants: participants' },
    ),
  });
  return z
    .strictObject({
      sources: field(z.array(source).min(1, { message: 'sources must list at least one repository; delete the file to read everything from this repository' }), {
        description: 'the repositories content comes from, each with the content folders it fills',
        example: '[{ repository: https://github.com/your-org/cohort-2026.git, folders: { participants: participants } }]',
      }),
    })
    .superRefine((file, ctx) => {
      const owner = new Map<string, number>();
      const names = new Map<string, number>();
      file.sources.forEach((s, i) => {
        const name = s.name ?? defaultSourceName(s.repository);
        const seen = names.get(name);
        if (seen !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `two sources are named ${name} (sources[${seen}] and sources[${i}]); give each a different name:` });
        } else names.set(name, i);
        if (s.tokenVariable !== undefined && repositoryKind(s.repository, rules) === 'ssh') {
          ctx.addIssue({ code: 'custom', path: ['sources', i, 'tokenVariable'], message: 'tokenVariable is for https addresses; an ssh address uses a deploy key, for example through ssh-agent or GIT_SSH_COMMAND. Remove tokenVariable, or use the https address' });
        }
        for (const folder of Object.keys(s.folders)) {
          for (const [other, j] of owner) {
            if (folder === other || folder.startsWith(`${other}/`) || other.startsWith(`${folder}/`)) {
              ctx.addIssue({
                code: 'custom',
                path: ['sources', i, 'folders', folder],
                message: `${folder} overlaps ${other}, which sources[${j}] already fills; each content folder comes from exactly one repository`,
              });
            }
          }
          owner.set(folder, i);
        }
      });
    });
}

export type SourcesFile = z.infer<ReturnType<typeof sourcesSchema>>;

/** Keys that would hold a secret. `tokenVariable` names one and is the only token key allowed. */
export const SECRET_KEY = /^(?:token|tokens|password|passwd|pass|secret|secrets|pat|auth|authorization|credentials?|access[-_]?token|api[-_]?key|private[-_]?key|ssh[-_]?key)$/i;

const KNOWN_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}|gl(?:oas|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})\b|-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Does a value look like a token or password (rather than a name, address or commit)? */
export function looksLikeSecret(value: string, key: string): boolean {
  if (KNOWN_TOKEN.test(value)) return true;
  // credentials in an address: https://user:password@host, https://<token>@host
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/\s]*:[^/\s]*@/i.test(value)) return true;
  if (/^https?:\/\/[^/\s@]{20,}@/i.test(value)) return true;
  if (key !== 'commit' && /^[0-9a-f]{40}$/.test(value)) return true; // classic GitHub tokens are 40 hex digits
  if (value.length >= 30 && /^[A-Za-z0-9_\-+=]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value)) return true;
  return false;
}

export const SECRET_ADVICE =
  'Never write a token in content/sources.yaml: everyone who can read the program repository can read it, and its history keeps it. Delete it here (and revoke it on the git host, since it has been exposed), keep it as a secret in an environment variable, and write only that variable’s name, for example tokenVariable: CERT_SOURCES_TOKEN';

/** Does a line of the raw file (a comment, say) hold a recognisable token? */
export function lineHasKnownToken(line: string): boolean {
  return KNOWN_TOKEN.test(line) || /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i.test(line);
}
