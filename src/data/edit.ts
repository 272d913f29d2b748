/** Where content is edited on the git host, for "create" and "edit" links. */
import type { EditContext } from '../lib/edit-links.ts';
import { settings } from './build.ts';

export function editContext(): EditContext {
  return { program: { url: settings.repository.url, branch: settings.repository.branch }, mounts: [] };
}
