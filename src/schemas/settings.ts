/** Site-wide settings: `content/settings.yaml`, one file. */
import { z } from 'zod';
import { field, httpsUrl, line } from './common.ts';

export const repositorySchema = z.strictObject({
  /** Web address of the program repository on the git host. */
  url: field(httpsUrl, {
    description: 'web address of the program repository on the git host',
    example: 'https://github.com/your-org/certification',
  }),
  /** Branch that pull requests target. Default main. */
  branch: field(z.string().regex(/^[\w./-]+$/).default('main'), {
    description: 'branch that pull requests target (default main)',
    example: 'main',
  }),
});

export const settingsSchema = z.strictObject({
  title: field(line('the site title', 120), {
    description: 'site title, shown in the header and in every page title',
    example: 'Compassionate Systems Certification',
  }),
  description: field(line('the site description', 300), {
    description: 'one sentence used when a page has no description of its own',
    example: 'A one-year program for Compassionate Systems master practitioners.',
  }),
  site: field(httpsUrl, {
    description: 'public address of the site, without the sub-path (the SITE_URL environment variable overrides it)',
    example: 'https://your-org.github.io',
  }),
  base: field(
    z.string().regex(/^\/([\w.-]+\/)*$/, { message: 'base must start and end with a slash, for example / or /certification/' }).default('/'),
    { description: 'sub-path the public site is served under (default /; SITE_BASE overrides it)', example: '/certification/' },
  ),
  demo: field(z.boolean().default(false), {
    description: 'include the fictional demo cohort from content/demo (turn off for a real deployment)',
    example: 'false',
  }),
  repository: repositorySchema,
});

export type Settings = z.infer<typeof settingsSchema>;
