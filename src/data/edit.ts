/** Where content is edited on the git host, for "create" and "edit" links. */
import type { EditContext } from '../lib/edit-links.ts';
import { ContentError } from '../lib/problems.ts';
import { mountsFromSources, readSources } from '../lib/sync/sources.ts';
import { settings } from './build.ts';

/**
 * The program repository from the settings, and, with split repositories, one mount per content
 * folder listed in content/sources.yaml (the one record of which repository holds what).
 */
export function editContext(): EditContext {
  const sources = readSources(process.cwd());
  if (sources.problems.length) throw new ContentError(sources.problems, 'content/sources.yaml has problems (npm run sync lists them too)');
  return { program: { url: settings.repository.url, branch: settings.repository.branch }, mounts: mountsFromSources(sources.sources) };
}
