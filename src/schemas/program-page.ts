/** A program page written by staff: `content/program/<id>.mdx`. */
import { z } from 'zod';
import { field, line } from './common.ts';

export const programPageSchema = z.strictObject({
  title: field(line('the page title', 120), { description: 'page title', example: 'Structure of the year' }),
  description: field(line('the description', 300), {
    description: 'one or two sentences for search results and link previews',
    example: 'How the blended year runs: workshops, calls, buddies and a project.',
  }),
  order: field(z.number().int().min(0).default(100), {
    description: 'position in the program menu, lowest first (default 100)',
    example: '20',
  }),
  navLabel: field(line('the menu label', 40).optional(), {
    description: 'shorter label for the menu (default: the title)',
    example: 'Structure',
  }),
});

export type ProgramPage = z.infer<typeof programPageSchema>;
