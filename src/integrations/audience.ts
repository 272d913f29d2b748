/**
 * The Astro integration that makes a build one audience's site: injects the routes only that
 * audience has, moves the islands' style rule of each rendered page into <head>
 * (src/lib/island-style.ts), fails the build when the render guard removed anything, and indexes
 * the built site with Pagefind. Under `npm run build` it also hands each rendered page to the
 * build's own process (CERT_PAGE_STREAM), which compresses pages on the other core while Astro
 * renders: the page it hands over is the final one, style rule already moved.
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { fileURLToPath } from 'node:url';
import { audienceLabel, type Audience } from '../lib/audience.ts';
import { takeGuardViolations } from '../lib/gate/render-guard.ts';
import { indexSite } from '../lib/search-index.ts';
import { hasIslandStyle, hoistIslandStyle } from '../lib/island-style.ts';
import { pruneImageCache } from '../lib/build-cache.ts';

interface RouteSpec {
  pattern: string;
  entrypoint: string;
  audiences: readonly Audience['kind'][];
  /** Only when the site's base is / (root) or a sub-path: did:web resolves to different paths. */
  base?: 'root' | 'sub-path';
}

/** Routes that exist only in some audiences' builds (shared routes live in src/pages/). */
export const AUDIENCE_ROUTES: readonly RouteSpec[] = [
  { pattern: '/browse', entrypoint: './src/routes/members/browse.astro', audiences: ['cohort', 'faculty'] },
  { pattern: '/compose', entrypoint: './src/routes/members/compose.astro', audiences: ['cohort', 'faculty'] },
  { pattern: '/dashboard', entrypoint: './src/routes/faculty/dashboard.astro', audiences: ['faculty'] },
  { pattern: '/review', entrypoint: './src/routes/faculty/review.astro', audiences: ['faculty'] },
  { pattern: '/evidence/[participant]', entrypoint: './src/routes/faculty/evidence/[participant].astro', audiences: ['faculty'] },
  { pattern: '/evidence/[participant]/assess', entrypoint: './src/routes/faculty/evidence/assess/[participant].astro', audiences: ['faculty'] },
  { pattern: '/credentials/[id]', entrypoint: './src/routes/credentials/[id].astro', audiences: ['public'] },
  { pattern: '/credentials/index.json', entrypoint: './src/routes/credentials/index.json.ts', audiences: ['public'] },
  { pattern: '/credentials/badge.png', entrypoint: './src/routes/credentials/badge.png.ts', audiences: ['public'] },
  { pattern: '/certificates/[id]', entrypoint: './src/routes/certificates/[id].astro', audiences: ['faculty'] },
  { pattern: '/about-build', entrypoint: './src/routes/build/about-build.astro', audiences: ['faculty'] },
  { pattern: '/coordinator', entrypoint: './src/routes/coordinator/index.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/guide', entrypoint: './src/routes/coordinator/guide.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/cycle', entrypoint: './src/routes/coordinator/cycle.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/session', entrypoint: './src/routes/coordinator/session.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/enrol', entrypoint: './src/routes/coordinator/enrol.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/attendance', entrypoint: './src/routes/coordinator/attendance.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/approval', entrypoint: './src/routes/coordinator/approval.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/release', entrypoint: './src/routes/coordinator/release.astro', audiences: ['faculty'] },
  { pattern: '/coordinator/revoke', entrypoint: './src/routes/coordinator/revoke.astro', audiences: ['faculty'] },
];

/** A message from the Astro process to `npm run build`: one rendered HTML page. */
export interface RenderedPageMessage {
  type: 'page';
  bytes: Uint8Array;
}

/**
 * Astro's own prerenderer, with each HTML page it renders finished here (the islands' style rule
 * moved into <head>) and, when `send` is given, also sent to the parent process.
 */
function finishingPrerenderer(inner: AstroPrerenderer, send: ((message: RenderedPageMessage) => void) | undefined): AstroPrerenderer {
  return {
    name: 'certification-page-finish',
    ...(inner.setup ? { setup: () => (inner.setup as () => Promise<void>)() } : {}),
    ...(inner.teardown ? { teardown: () => (inner.teardown as () => Promise<void>)() } : {}),
    ...(inner.collectStaticImages ? { collectStaticImages: () => (inner.collectStaticImages as NonNullable<AstroPrerenderer['collectStaticImages']>)() } : {}),
    getStaticPaths: () => inner.getStaticPaths(),
    render: async (request, options) => {
      const result = await inner.render(request, options);
      const response = result instanceof Response ? result : result.response;
      if (!response.body || response.status !== 200 || !(response.headers.get('content-type') ?? '').startsWith('text/html')) return result;
      const raw = new Uint8Array(await response.arrayBuffer());
      // most pages have no island: only those with the rule are decoded and rewritten
      const html = hasIslandStyle(raw) ? new TextDecoder().decode(raw) : undefined;
      const finished = html === undefined ? undefined : hoistIslandStyle(html);
      const bytes = finished === undefined || finished === html ? raw : new TextEncoder().encode(finished);
      send?.({ type: 'page', bytes });
      const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
      return result instanceof Response ? copy : { ...result, response: copy };
    },
  };
}

export function audienceIntegration(audience: Audience): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'certification-audience',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': ({ setPrerenderer }) => {
        const send = process.env['CERT_PAGE_STREAM'] === '1' ? process.send?.bind(process) : undefined;
        setPrerenderer((inner) => finishingPrerenderer(inner, send ? (message) => send(message) : undefined));
      },
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        logger.info(`building the ${audienceLabel(audience)} site`);
        const base = config.base === '/' || config.base === '' ? 'root' : 'sub-path';
        for (const route of AUDIENCE_ROUTES) {
          if (route.base !== undefined && route.base !== base) continue;
          if (route.audiences.includes(audience.kind)) injectRoute({ pattern: route.pattern, entrypoint: route.entrypoint, prerender: true });
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        const violations = takeGuardViolations();
        if (violations.length) {
          throw new Error(
            `The render guard removed markup the safety gate should have refused (${violations.length}):\n` +
              violations.map((v) => `${v.file}  ${v.message}`).join('\n'),
          );
        }
        if (cacheDir) pruneImageCache(cacheDir, fileURLToPath(dir));
        // npm run build indexes after Astro's process has exited, so the two never hold memory at once
        if (process.env['CERT_INDEX_SEPARATELY'] === '1') return;
        const stats = await indexSite(fileURLToPath(dir), { log: (msg) => logger.info(msg), cacheDir, audience });
        logger.info(`search index: ${stats.pages} pages in ${stats.shards} shards (${stats.reused} reused)`);
      },
    },
  };
}
