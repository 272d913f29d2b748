/**
 * The Astro integration that makes a build one audience's site: injects the routes only that
 * audience has, fails the build when the render guard removed anything, moves the islands' style
 * rule into <head> (src/lib/island-style.ts), and indexes the built site with Pagefind.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { audienceLabel, type Audience } from '../lib/audience.ts';
import { takeGuardViolations } from '../lib/gate/render-guard.ts';
import { indexSite } from '../lib/search-index.ts';
import { hoistIslandStyles } from '../lib/island-style.ts';

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

export function audienceIntegration(audience: Audience): AstroIntegration {
  return {
    name: 'certification-audience',
    hooks: {
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
        hoistIslandStyles(fileURLToPath(dir));
        // npm run build indexes after Astro's process has exited, so the two never hold memory at once
        if (process.env['CERT_INDEX_SEPARATELY'] === '1') return;
        const stats = await indexSite(fileURLToPath(dir), (msg) => logger.info(msg));
        logger.info(`search index: ${stats.pages} pages`);
      },
    },
  };
}
