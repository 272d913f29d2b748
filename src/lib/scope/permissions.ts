/**
 * Who may change what, as data (ARCHITECTURE.md, "Who may change what"). The pull-request scope
 * check (`check.ts`) and the CODEOWNERS generator (`codeowners.ts`) both read this one table;
 * CONTRIBUTING.md describes it in words. Change it here and both follow.
 */

/**
 * Who a rule names:
 * - `owner`: the participant whose id fills `<participant>` in the folder (and nobody else);
 * - `coordinator`: faculty with `role: coordinator`;
 * - `assessor`: faculty with `assessor: true`;
 * - `maintainer`: a handle listed in `.github/maintainers.txt`.
 * Guest faculty (no coordinator role, not an assessor) have no role: they change nothing.
 */
import { ATTACHMENT_EXTENSIONS } from '../validate/attachments.ts';

export type Role = 'owner' | 'coordinator' | 'assessor' | 'maintainer';

export interface Area {
  /** What the files are, for headings: "Portfolio folders". */
  name: string;
  /**
   * Folders relative to the project root, each ending in `/`. `<participant>` stands for one
   * participant id; a folder under `content/demo/` belongs to demo participants only.
   */
  folders: readonly string[];
  /** Who may add, change, delete or move files here. */
  editors: readonly Role[];
  /** Who the generated CODEOWNERS names for these folders (whose review GitHub asks for). */
  owners: readonly Role[];
  /** How messages name whoever keeps these files: "the program coordinator". */
  keptBy: string;
  /** Extensions of the files that may be added or changed here (lowercase, no dot); every kind when unset. */
  kinds?: readonly string[];
  /** May files go in sub-folders of a folder of this area (below `<participant>/` for portfolios)? Default yes. */
  subFolders?: boolean;
  /** What the folder holds, for messages about a file of the wrong kind: "entries (.md, .mdx) and attachments". */
  holds?: string;
}

/** Files a participant's folder may hold: entries and the attachments they list (src/lib/participant-files.ts). */
export const PORTFOLIO_KINDS: readonly string[] = ['md', 'mdx', ...ATTACHMENT_EXTENSIONS];
/** Content and the files it lists (resources' recordings and handouts, images of program pages). */
const CONTENT_KINDS: readonly string[] = ['yaml', 'yml', 'md', 'mdx', ...ATTACHMENT_EXTENSIONS];

export const PARTICIPANT_SLOT = '<participant>';

function realAndDemo(...folders: string[]): string[] {
  return [...folders.map((f) => `content/${f}/`), ...folders.map((f) => `content/demo/${f}/`)];
}

/**
 * The table. A path belongs to the first area with a folder it is inside; a path in no area
 * belongs to `CODE_AREA`.
 */
export const AREAS: readonly Area[] = [
  {
    name: 'Portfolio folders',
    folders: realAndDemo(`portfolios/${PARTICIPANT_SLOT}`),
    editors: ['owner'],
    owners: ['owner', 'assessor'],
    keptBy: 'the participant it belongs to',
    kinds: PORTFOLIO_KINDS,
    subFolders: false,
    holds: `entries (.md, .mdx) and their attachments (.${ATTACHMENT_EXTENSIONS.join(', .')}), directly in the folder`,
  },
  {
    name: 'Program records kept by the coordinator',
    folders: [
      ...realAndDemo('participants', 'sites', 'sessions', 'attendance', 'resources', 'cohorts', 'modules', 'faculty'),
      // program pages have no demo copies (content-model.ts)
      'content/program/',
    ],
    editors: ['coordinator'],
    owners: ['coordinator'],
    keptBy: 'the program coordinator',
    kinds: CONTENT_KINDS,
    holds: `content files (.yaml, .md, .mdx) and the files they list (.${ATTACHMENT_EXTENSIONS.join(', .')})`,
  },
  {
    name: 'Faculty records kept by assessing faculty',
    // the qualification framework is decided by the assessing faculty, who apply it
    folders: [...realAndDemo('assessments'), 'content/framework/'],
    editors: ['assessor'],
    owners: ['assessor'],
    keptBy: 'the assessing faculty',
    kinds: ['yaml', 'yml'],
    holds: 'records written in YAML (.yaml)',
  },
  {
    name: 'Faculty decisions the coordinator may record',
    // faculty decide approvals and decisions; the coordinator records them, releases decisions and
    // revokes credentials with the faculty site's forms. Assessing faculty own the folders, so
    // GitHub asks them to review what the coordinator proposes.
    folders: realAndDemo('decisions', 'approvals', 'recipients'),
    editors: ['assessor', 'coordinator'],
    owners: ['assessor'],
    keptBy: 'the assessing faculty (the coordinator records their decisions)',
  },
];

/**
 * Everything no area lists: the site's code (src/, scripts/, tests/), workflows and .github/,
 * package files, content/settings.yaml, and content folders the table above does not name.
 */
export const CODE_AREA: Area = {
  name: 'Code, settings and everything else',
  folders: [],
  editors: ['maintainer'],
  owners: ['maintainer'],
  keptBy: 'the maintainers of the site',
};

/** The maintainers of the code: one git handle per line, `#` starts a comment. */
export const MAINTAINERS_FILE = '.github/maintainers.txt';

/** Where handles are resolved to people: participant files and faculty files (frontmatter). */
export const PEOPLE_FOLDERS = {
  participants: ['content/participants/', 'content/demo/participants/'],
  faculty: ['content/faculty/'],
} as const;

export interface AreaMatch {
  area: Area;
  /** The folder the path is in, with the participant id filled in: `content/portfolios/maria-lopez/`. */
  folder: string;
  /** For a portfolio folder: the participant id from the path. */
  participant?: string;
}

/** Which area a path (relative to the project root, forward slashes) belongs to. */
export function matchArea(path: string): AreaMatch {
  for (const area of AREAS) {
    for (const pattern of area.folders) {
      const slot = pattern.indexOf(PARTICIPANT_SLOT);
      if (slot === -1) {
        if (path.startsWith(pattern) && path.length > pattern.length) return { area, folder: pattern };
        continue;
      }
      const prefix = pattern.slice(0, slot);
      const suffix = pattern.slice(slot + PARTICIPANT_SLOT.length); // '/'
      if (!path.startsWith(prefix)) continue;
      const rest = path.slice(prefix.length);
      const end = rest.indexOf(suffix);
      if (end <= 0 || rest.length === end + suffix.length) continue;
      const participant = rest.slice(0, end);
      return { area, folder: `${prefix}${participant}${suffix}`, participant };
    }
  }
  return { area: CODE_AREA, folder: '' };
}

/** A participant's own portfolio folder: `content/portfolios/<id>/`, or under content/demo/ for a demo participant. */
export function portfolioFolder(participant: { id: string; demo: boolean }): string {
  const owned = AREAS.find((a) => a.editors.includes('owner'));
  const pattern = owned?.folders.find((f) => f.startsWith('content/demo/') === participant.demo);
  if (!pattern) throw new Error('permissions.ts: no portfolio folder pattern for participants');
  return pattern.replace(PARTICIPANT_SLOT, participant.id);
}

/** The folders (patterns) a role may change. */
export function foldersFor(role: Role): string[] {
  return AREAS.filter((a) => a.editors.includes(role)).flatMap((a) => [...a.folders]);
}
