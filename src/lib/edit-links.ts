/**
 * Where a person edits a content file: the one mapping from a path under content/ to the
 * repository, branch and path on the git host, and the host's "new file", "edit" and "upload"
 * pages built from it. In single-repository mode everything lives in the program repository;
 * with split repositories (a sources file) each folder maps to its own repository.
 * Pure: the browser composer uses it too.
 */

export interface RepositoryRef {
  /** https://github.com/owner/name */
  url: string;
  branch: string;
}

/** A folder of content/ that lives in another repository, mounted at `folder`. */
export interface SourceMount {
  /** Folder under the project root, e.g. content/portfolios/maria-lopez */
  folder: string;
  repository: RepositoryRef;
  /** Folder inside that repository where the files are ('' = its root). */
  path: string;
}

export interface EditContext {
  program: RepositoryRef;
  /** Mounts from the sources file; empty in single-repository mode. */
  mounts?: readonly SourceMount[];
}

export interface EditLocation {
  repository: RepositoryRef;
  /** Path of the file inside that repository. */
  path: string;
}

/** The repository and path where the file at `contentPath` (project-relative) is edited. */
export function editLocation(contentPath: string, ctx: EditContext): EditLocation {
  const clean = contentPath.replace(/^\.?\//, '');
  const mount = [...(ctx.mounts ?? [])]
    .sort((a, b) => b.folder.length - a.folder.length)
    .find((m) => clean === m.folder || clean.startsWith(`${m.folder}/`));
  if (!mount) return { repository: ctx.program, path: clean };
  const rest = clean.slice(mount.folder.length).replace(/^\//, '');
  return { repository: mount.repository, path: [mount.path, rest].filter(Boolean).join('/') };
}

function base(repository: RepositoryRef): string {
  return repository.url.replace(/\/+$/, '');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The host's "create new file" page, prefilled with the file's name and, optionally, its text. */
export function newFileUrl(location: EditLocation, text?: string): string {
  // the file name may contain folders: the host creates them
  const params = new URLSearchParams({ filename: location.path });
  if (text !== undefined) params.set('value', text);
  return `${base(location.repository)}/new/${encodeURIComponent(location.repository.branch)}?${params.toString()}`;
}

/** The host's upload page for a folder. */
export function uploadUrl(location: EditLocation): string {
  return `${base(location.repository)}/upload/${encodeURIComponent(location.repository.branch)}/${encodePath(location.path)}`;
}

/** The host's edit page for a file. */
export function editFileUrl(location: EditLocation): string {
  return `${base(location.repository)}/edit/${encodeURIComponent(location.repository.branch)}/${encodePath(location.path)}`;
}

/** Above this many characters a prefilled link risks being refused by the host. */
export const MAX_PREFILLED_URL = 8000;
