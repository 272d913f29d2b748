/** Qualification criteria, assessments and decisions for a build (faculty-only parts are empty elsewhere). */
import { getCollection, type CollectionEntry } from 'astro:content';

export type CriterionEntry = CollectionEntry<'framework'>;

let criteria: CriterionEntry[] | undefined;
export async function getCriteria(): Promise<CriterionEntry[]> {
  criteria ??= (await getCollection('framework')).sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
  return criteria;
}
