/**
 * Where each participant's progress summary goes in split-repository mode: the GitHub repository
 * that holds their portfolio, read from the sources file. Only a portfolio source names a
 * participant (`portfolios/<id>` filled from it), so a summary can only ever go to the repository
 * of the participant it is about.
 */
import { repositoryWebUrl } from '../../schemas/sources.ts';
import type { Source } from './sources.ts';

export interface ProgressTarget {
  participant: string;
  /** `owner/name` on GitHub. */
  repository: string;
}

/** GitHub's rules for an owner (letters, digits, hyphens) and a repository name (also `.` and `_`). */
const GITHUB_REPOSITORY = /^https:\/\/github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** `owner/name` of a repository address on GitHub (https or ssh), or undefined for any other host. */
export function githubRepository(url: string): string | undefined {
  const m = GITHUB_REPOSITORY.exec(repositoryWebUrl(url));
  if (!m || m[2] === '.' || m[2] === '..') return undefined;
  return `${m[1]}/${m[2]}`;
}

export function progressTargets(sources: readonly Pick<Source, 'repository' | 'folders'>[]): { targets: ProgressTarget[]; skipped: string[] } {
  const targets: ProgressTarget[] = [];
  const skipped: string[] = [];
  for (const source of sources) {
    const repository = githubRepository(source.repository);
    for (const folder of source.folders) {
      const participant = /^portfolios\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(folder.folder)?.[1];
      if (!participant) continue;
      if (repository) targets.push({ participant, repository });
      else skipped.push(`${participant}: ${source.repository} is not a repository on GitHub, so no issue can be written there`);
    }
  }
  return { targets, skipped };
}
