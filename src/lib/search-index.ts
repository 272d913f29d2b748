/** Builds the Pagefind index of one built site, over the main content of each page only. */
import * as pagefind from 'pagefind';

export interface IndexStats {
  pages: number;
  words: number;
}

export async function indexSite(siteDir: string, log: (message: string) => void = () => {}): Promise<IndexStats> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    log('indexing for search…');
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, words: 0 };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
