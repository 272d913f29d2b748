/**
 * Generates `.github/CODEOWNERS` from the permissions table and the people in the content, so
 * GitHub asks the right people to review each pull request. Pure: `scripts/codeowners.ts` reads
 * the files and writes the result.
 */
import { handlesWithRole, sameHandle, uniqueHandles, type People } from './people.ts';
import { AREAS, CODE_AREA, MAINTAINERS_FILE, PARTICIPANT_SLOT, PEOPLE_FOLDERS, type Area, type Role } from './permissions.ts';

export const CODEOWNERS_FILE = '.github/CODEOWNERS';

const HEADER = [
  '# GENERATED FILE: do not edit it by hand; your changes would be lost.',
  '# `npm run codeowners` writes it from the participant files',
  `# (${PEOPLE_FOLDERS.participants.join(', ')}), the faculty files (${PEOPLE_FOLDERS.faculty.join(', ')}),`,
  `# ${MAINTAINERS_FILE} and the table in src/lib/scope/permissions.ts. Change those, run`,
  '# `npm run codeowners` and commit this file with them. CI runs `npm run codeowners -- --check`,',
  '# which fails when this file is out of date. GitHub uses the last line that matches a path.',
];

const NOBODY: Record<Exclude<Role, 'owner'>, string> = {
  coordinator: 'no faculty file with role: coordinator has a gitHandle',
  assessor: 'no faculty file with assessor: true has a gitHandle',
  maintainer: `${MAINTAINERS_FILE} lists no handles`,
};

const WHO: Record<Role, string> = {
  owner: 'the participant',
  coordinator: 'the coordinator',
  assessor: 'the assessing faculty',
  maintainer: 'the maintainers',
};

function ownerList(handles: readonly string[]): string {
  return handles.map((h) => `@${h}`).join(' ');
}

function describeOwners(area: Area): string {
  const who = area.owners.map((r) => WHO[r]);
  return who.length <= 1 ? who.join('') : `${who.slice(0, -1).join(', ')} and ${who[who.length - 1]}`;
}

/** `/content/sites/`: CODEOWNERS patterns are anchored at the repository root with a leading slash. */
function pattern(folder: string): string {
  return `/${folder}`;
}

export function generateCodeowners(people: People): string {
  const lines = [...HEADER, ''];
  const byRole = (role: Exclude<Role, 'owner'>) => handlesWithRole(role, people);

  const maintainers = byRole('maintainer');
  lines.push(`# ${CODE_AREA.name}: owned by ${describeOwners(CODE_AREA)}`);
  if (maintainers.length > 0) lines.push(`* ${ownerList(maintainers)}`);
  else lines.push(`# No owner yet (${NOBODY.maintainer}), so GitHub asks nobody in particular for:`, '# *');

  for (const area of AREAS) {
    lines.push('', `# ${area.name}: owned by ${describeOwners(area)}`);
    const shared = area.owners.filter((r): r is Exclude<Role, 'owner'> => r !== 'owner');
    const sharedHandles = uniqueHandles(shared.flatMap(byRole));
    const perParticipant = area.owners.includes('owner');
    if (!perParticipant) {
      if (sharedHandles.length === 0) lines.push(`# No owner yet (${shared.map((r) => NOBODY[r]).join('; ')}), so the * line applies to:`);
      for (const folder of area.folders) lines.push(sharedHandles.length > 0 ? `${pattern(folder)} ${ownerList(sharedHandles)}` : `# ${pattern(folder)}`);
      continue;
    }
    const rows = people.participants
      .map((p) => {
        const folder = area.folders.find((f) => f.startsWith('content/demo/') === p.demo);
        return folder ? { folder: folder.replace(PARTICIPANT_SLOT, p.id), handle: p.handle } : undefined;
      })
      .filter((row) => row !== undefined)
      .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
    if (rows.length === 0) lines.push('# No participant file has a gitHandle yet.');
    for (const row of rows) lines.push(`${pattern(row.folder)} ${ownerList([row.handle, ...sharedHandles.filter((h) => !sameHandle(h, row.handle))])}`);
  }
  return lines.join('\n') + '\n';
}

/** Lines only in one of the two texts, for the `--check` message. */
export function codeownersDifference(current: string, wanted: string): { missing: string[]; extra: string[] } {
  const have = new Set(current.split(/\r?\n/));
  const want = new Set(wanted.split(/\r?\n/));
  return {
    missing: [...want].filter((l) => l !== '' && !have.has(l)),
    extra: [...have].filter((l) => l !== '' && !want.has(l)),
  };
}
