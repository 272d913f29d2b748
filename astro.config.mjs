// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { audienceFromEnv, audienceOutDir } from './src/lib/audience.ts';
import { readSettings } from './src/lib/settings.ts';
import { renderGuard } from './src/lib/gate/render-guard.ts';
import { moduleWall } from './src/lib/gate/module-wall.ts';
import { audienceIntegration } from './src/integrations/audience.ts';
import { audienceCacheDir } from './src/lib/build-cache.ts';

const audience = audienceFromEnv(process.env);
const settings = readSettings(process.cwd());

// Cohort and faculty sites are served at the root of their own host names; only the public site
// may live under a sub-path (GitHub Pages project sites).
const base = audience.kind === 'public' ? (process.env.SITE_BASE ?? settings.base) : '/';

export default defineConfig({
  site: process.env.SITE_URL ?? settings.site,
  base,
  outDir: audienceOutDir(audience),
  cacheDir: audienceCacheDir(audience),
  trailingSlash: 'always',
  // rendering waits on file writes much of the time: four pages in flight keep both cores busy
  build: { format: 'directory', concurrency: 4 },
  markdown: {
    // raw HTML is parsed into elements so the render guard can check every one of them;
    // no syntax highlighting: highlighters add inline styles a strict content policy refuses
    processor: satteri({ features: { rawHtml: true }, hastPlugins: [renderGuard()] }),
    syntaxHighlight: false,
  },
  integrations: [
    mdx(),
    react(),
    ...(audience.kind === 'public' ? [sitemap()] : []),
    audienceIntegration(audience),
  ],
  // Content security policy: Astro writes a <meta> policy into every page with a hash of each of
  // its scripts and styles, so an inline script or style that the build did not make is refused.
  // Pagefind compiles WebAssembly ('wasm-unsafe-eval'); nothing else may evaluate code. What a meta
  // policy cannot carry (frame-ancestors) is sent as a header (src/lib/deploy/headers.ts).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // the bundler wall: nothing in a participant's folder is loaded but entries and real images
  vite: { plugins: [moduleWall()] },
  devToolbar: { enabled: false },
  // pages whose cacheKey and code are unchanged are copied from the last build (src/data/page-keys.ts)
  experimental: { incrementalBuild: true },
});
