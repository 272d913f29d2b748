/**
 * The changes of a pull request, as `git diff --raw -z -M` prints them: each record is
 * `:<old mode> <new mode> <old sha> <new sha> <status>` NUL `<path>` NUL, and for renames and
 * copies `<old path>` NUL `<new path>` NUL. The raw format is used because it carries file
 * modes, which is how links (120000) and submodules (160000) show.
 */

export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

export interface Change {
  /** A added, M modified, D deleted, R renamed (moved), C copied, T type changed (e.g. file to link). */
  status: ChangeStatus;
  /** The path after the change (for a deletion: the deleted path). */
  path: string;
  /** For R and C: where the file was moved or copied from. */
  oldPath?: string | undefined;
  /** Git file mode after the change: 100644 file, 100755 executable, 120000 link, 160000 submodule, 000000 none. */
  mode?: string | undefined;
  /** Git file mode before the change. */
  oldMode?: string | undefined;
}

export const SYMLINK_MODE = '120000';
export const SUBMODULE_MODE = '160000';

const HEADER = /^:(\d{6}) (\d{6}) [0-9a-f]+ [0-9a-f]+ ([AMDRCT])\d*$/;

/** Parse `git diff --raw -z -M` output. Throws on anything else (a bug, not a content problem). */
export function parseRawDiff(output: string): Change[] {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const changes: Change[] = [];
  for (let i = 0; i < fields.length; ) {
    const header = fields[i++] ?? '';
    const match = HEADER.exec(header);
    if (!match) throw new Error(`unexpected git diff output: ${JSON.stringify(header.slice(0, 80))}`);
    const [, oldMode, mode, status] = match as unknown as [string, string, string, ChangeStatus];
    const first = fields[i++];
    if (first === undefined) throw new Error('unexpected end of git diff output');
    if (status === 'R' || status === 'C') {
      const second = fields[i++];
      if (second === undefined) throw new Error('unexpected end of git diff output');
      changes.push({ status, path: second, oldPath: first, mode, oldMode });
    } else {
      changes.push({ status, path: first, mode, oldMode });
    }
  }
  return changes;
}
