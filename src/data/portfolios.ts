/**
 * Participants, sites and portfolio entries of a build, loaded once and indexed once (every
 * lookup below is a map read, so pages stay linear in the number of entries). The loaders have
 * already dropped everything this build's audience may not see.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { ENTRY_TYPES, ENTRY_TYPE_LABELS, type EntryType } from '../schemas/portfolio-entry.ts';
import { isDemo } from './program.ts';

export type ParticipantEntry = CollectionEntry<'participants'>;
export type SiteEntry = CollectionEntry<'sites'>;
export type PortfolioEntryEntry = CollectionEntry<'portfolios'>;

export interface Entry {
  /** `<participant>/<entry>` */
  id: string;
  participant: string;
  slug: string;
  entry: PortfolioEntryEntry;
  demo: boolean;
}

export interface Participant {
  id: string;
  entry: ParticipantEntry;
  demo: boolean;
  site: SiteEntry | undefined;
  /** Newest first. */
  entries: Entry[];
  /** Buddies this build may show. */
  buddies: ParticipantEntry[];
}

interface Index {
  participants: Participant[];
  byId: Map<string, Participant>;
  entries: Entry[];
  sites: SiteEntry[];
}

let index: Promise<Index> | undefined;

async function buildIndex(): Promise<Index> {
  const [participantEntries, siteEntries, portfolioEntries] = await Promise.all([
    getCollection('participants'),
    getCollection('sites'),
    getCollection('portfolios'),
  ]);
  const sites = new Map(siteEntries.map((s) => [s.id, s]));
  const people = new Map(participantEntries.map((p) => [p.id, p]));
  const entries: Entry[] = portfolioEntries
    .map((entry) => {
      const [participant = '', slug = ''] = entry.id.split('/');
      return { id: entry.id, participant, slug, entry, demo: isDemo(entry) };
    })
    .filter((e) => people.has(e.participant))
    .sort((a, b) => b.entry.data.date.localeCompare(a.entry.data.date) || a.id.localeCompare(b.id));
  const byParticipant = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = byParticipant.get(e.participant) ?? [];
    list.push(e);
    byParticipant.set(e.participant, list);
  }
  const participants = participantEntries
    .map((entry) => ({
      id: entry.id,
      entry,
      demo: isDemo(entry),
      site: sites.get(entry.data.site),
      entries: byParticipant.get(entry.id) ?? [],
      buddies: entry.data.buddies.map((b) => people.get(b)).filter((b): b is ParticipantEntry => b !== undefined),
    }))
    .sort((a, b) => a.entry.data.name.localeCompare(b.entry.data.name));
  return { participants, byId: new Map(participants.map((p) => [p.id, p])), entries, sites: siteEntries };
}

function load(): Promise<Index> {
  index ??= buildIndex();
  return index;
}

export async function getParticipants(): Promise<Participant[]> {
  return (await load()).participants;
}

export async function getParticipant(id: string): Promise<Participant | undefined> {
  return (await load()).byId.get(id);
}

/** Every entry this build may show, newest first. */
export async function getEntries(): Promise<Entry[]> {
  return (await load()).entries;
}

export async function getSites(): Promise<SiteEntry[]> {
  return (await load()).sites;
}

export interface TypeGroup {
  type: EntryType;
  label: string;
  entries: Entry[];
}

/** A participant's entries grouped by type, in the program's order of types, with empty types left out. */
export function groupByType(entries: readonly Entry[]): TypeGroup[] {
  return ENTRY_TYPES.map((type) => ({ type, label: ENTRY_TYPE_LABELS[type], entries: entries.filter((e) => e.entry.data.type === type) })).filter(
    (g) => g.entries.length > 0,
  );
}

/** Attachments this build serves: one per (participant, file), from the entries it may show. */
export async function getAttachments(): Promise<{ participant: string; file: string; source: string }[]> {
  const seen = new Map<string, { participant: string; file: string; source: string }>();
  for (const e of await getEntries()) {
    const folder = (e.entry.filePath ?? '').replace(/[^/]+$/, '');
    for (const a of e.entry.data.attachments) {
      const file = a.file.replace(/^\.\//, '');
      const key = `${e.participant}/${file}`;
      if (!seen.has(key)) seen.set(key, { participant: e.participant, file, source: `${folder}${file}` });
    }
  }
  return [...seen.values()];
}

/** The participants of one cohort this build may show, by name. */
export async function getCohortMembers(cohort: string): Promise<Participant[]> {
  return (await getParticipants()).filter((p) => p.entry.data.cohort === cohort);
}

/** The newest entries of a cohort's participants that this build may show. */
export async function getRecentEntriesOfCohort(cohort: string, count: number): Promise<Entry[]> {
  const members = new Set((await getCohortMembers(cohort)).map((m) => m.id));
  return (await getEntries()).filter((e) => members.has(e.participant)).slice(0, count);
}

/** Buddy groups of a cohort (each participant with their buddies, once), as names. */
export async function getBuddyGroups(cohort: string): Promise<string[][]> {
  const members = await getCohortMembers(cohort);
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const p of members) {
    if (seen.has(p.id)) continue;
    const group = [p, ...p.buddies.map((b) => byId.get(b.id)).filter((m): m is Participant => m !== undefined)];
    for (const g of group) seen.add(g.id);
    if (group.length > 1) groups.push(group.map((g) => g.entry.data.name));
  }
  return groups;
}
