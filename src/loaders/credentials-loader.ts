/**
 * The `credentials` collection: derived records, one per credential this build may show
 * (src/lib/credentials/derive.ts). It reads decisions, recipients, participants, cohorts and
 * portfolio frontmatter from content/ itself, so the public build never loads the decisions or
 * recipients collections: only the derived public fields reach its data store. A load derives
 * every record again unless none of its inputs changed (the files it reads, the audience, the
 * build date, the code), and the store ends up holding exactly those records, so a withdrawn
 * consent or a revocation never survives in the cache; records that came out the same are left
 * as they are, so an unchanged build does not rewrite the whole content store.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Audience } from '../lib/audience.ts';
import { buildDateFromEnv, deriveCredentials } from '../lib/credentials/derive.ts';
import { credentialSourceFiles, readCredentialSources } from '../lib/credentials/read-sources.ts';
import { contentCodeFingerprint, digestOf } from '../lib/build-cache.ts';
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
      const buildDate = buildDateFromEnv(process.env);
      // the records are a function of these files, the audience, the build date and the code: when
      // none of them changed since the last load, the store holds exactly what deriving again gives
      const inputs = digestOf(
        JSON.stringify(options.audience),
        buildDate,
        contentCodeFingerprint(root),
        ...credentialSourceFiles(root, { demo: options.demo }).flatMap(({ file }) => [file, readFileSync(join(root, file))]),
      );
      if (ctx.meta.get('inputs') === inputs) return;
      const read = readCredentialSources(root, { demo: options.demo });
      const derived = deriveCredentials(read.records, { audience: options.audience, buildDate });
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
      ctx.meta.set('inputs', inputs);
      ctx.logger.info(`${derived.records.length} credential record${derived.records.length === 1 ? '' : 's'} for this build`);
    },
  };
}
