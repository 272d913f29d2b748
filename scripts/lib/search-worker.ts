/**
 * A worker thread of `npm run build` that indexes search shards with a Pagefind service of its
 * own (src/lib/search-index.ts), so two shards are indexed at once on two cores.
 */
import { workerData } from 'node:worker_threads';
import { indexShards, type ShardJob } from '../../src/lib/search-index.ts';

await indexShards(workerData as ShardJob[]);
