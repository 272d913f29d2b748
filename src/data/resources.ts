/** Resources a build may show: guided meditations, readings, tools and templates. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { RESOURCE_KINDS } from '../schemas/resource.ts';
import { isDemo } from './program.ts';

export type ResourceEntry = CollectionEntry<'resources'>;

export interface ResourceItem {
  id: string;
  entry: ResourceEntry;
  demo: boolean;
  /** Where the build serves the audio or handout file, when it is a file next to the resource. */
  fileHref?: string | undefined;
}

let resources: ResourceItem[] | undefined;
export async function getResources(): Promise<ResourceItem[]> {
  resources ??= (await getCollection('resources'))
    .map((entry) => {
      const local = entry.data.audio && 'file' in entry.data.audio ? entry.data.audio.file : entry.data.file;
      return { id: entry.id, entry, demo: isDemo(entry), fileHref: local ? `/resources/files/${entry.id}/${local.replace(/^\.\//, '')}` : undefined };
    })
    .sort((a, b) => RESOURCE_KINDS.indexOf(a.entry.data.kind) - RESOURCE_KINDS.indexOf(b.entry.data.kind) || a.entry.data.title.localeCompare(b.entry.data.title));
  return resources;
}

/** The files this build serves for its resources. */
export async function getResourceFiles(): Promise<{ id: string; file: string; source: string }[]> {
  return (await getResources()).flatMap((r) => {
    const local = r.entry.data.audio && 'file' in r.entry.data.audio ? r.entry.data.audio.file : r.entry.data.file;
    if (!local) return [];
    const folder = (r.entry.filePath ?? '').replace(/[^/]+$/, '');
    return [{ id: r.id, file: local.replace(/^\.\//, ''), source: `${folder}${local.replace(/^\.\//, '')}` }];
  });
}

export async function getResourcesOfModule(moduleId: string): Promise<ResourceItem[]> {
  return (await getResources()).filter((r) => r.entry.data.module === moduleId);
}
