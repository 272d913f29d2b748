/**
 * The `credentials` collection: derived records, one per credential this build may show
 * (src/lib/credentials/derive.ts). It reads decisions, recipients, participants, cohorts and
 * portfolio frontmatter from content/ itself, so the public build never loads the decisions or
 * recipients collections: only the derived public fields reach its data store. Every load
 * derives every record again and the store ends up holding exactly those, so a withdrawn consent
 * or a revocation never survives in the cache; records that came out the same are left as they
 * are, so an unchanged build does not rewrite the whole content store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import type { Audience } from '../lib/audience.ts';
import { buildDateFromEnv, deriveCredentials } from '../lib/credentials/derive.ts';
import { readCredentialSources } from '../lib/credentials/read-sources.ts';
import { ContentError } from '../lib/problems.ts';

export interface CredentialsLoaderOptions {
  audience: Audience;
  /** Include content/demo/? */
  demo: boolean;
}

export function credentialsLoader(options: CredentialsLoaderOptions): Loader {
  return {
    name: 'certification-credentials',
    load: async (ctx: LoaderContext) => {
      const root = fileURLToPath(ctx.config.root);
      const read = readCredentialSources(root, { demo: options.demo });
      const derived = deriveCredentials(read.records, { audience: options.audience, buildDate: buildDateFromEnv(process.env) });
      const problems = [...read.problems.filter((p) => p.severity === 'error'), ...derived.problems];
      if (problems.length) throw new ContentError(problems, 'Credentials cannot be issued');
      const ids = new Set<string>();
      for (const record of derived.records) {
        const data = await ctx.parseData({ id: record.certificateId, data: record });
        const digest = ctx.generateDigest(data);
        ids.add(record.certificateId);
        if (ctx.store.get(record.certificateId)?.digest !== digest) ctx.store.set({ id: record.certificateId, data, digest });
      }
      for (const id of ctx.store.keys()) if (!ids.has(id)) ctx.store.delete(id);
      ctx.logger.info(`${derived.records.length} credential record${derived.records.length === 1 ? '' : 's'} for this build`);
    },
  };
}
