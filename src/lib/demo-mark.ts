/**
 * How fictional demo content is marked, wherever it appears: the badge on pages, list rows,
 * schedule rows and search results, the names of calendar files and the summaries of their events.
 * One place, so that every mark says the same thing. Pure: pages, islands and calendars use it.
 */

/** The badge's text. */
export const DEMO_LABEL = 'Demo · fictional';

/** The badge's longer explanation (its tooltip). */
export const DEMO_EXPLANATION = 'Fictional content for trying out the site';

/** The search metadata key a demo page carries (data-pagefind-meta), read by the search islands. */
export const DEMO_SEARCH_META = 'demo';

/** An event summary or a calendar's name that says it is fictional, even outside the site. */
export function demoTitle(title: string): string {
  return `[${DEMO_LABEL}] ${title}`;
}

/**
 * A file name (without extension) that says it is demo content when saved on its own: the name
 * itself if one of its hyphen-separated words is "demo", else "demo-" in front.
 */
export function demoFileName(name: string): string {
  return name.split('-').includes('demo') ? name : `demo-${name}`;
}
