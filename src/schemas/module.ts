/**
 * A module of the curriculum: `content/modules/<id>.md`, the same in every cycle. When and where
 * a cohort meets for it lives in that cohort's workshop session (`sessions/<cohort>/`), so each
 * date is written once.
 */
import { z } from 'zod';
import { field, line } from './common.ts';

export const moduleSchema = z.strictObject({
  number: field(z.number().int().min(1).max(20), { description: 'module number, as the program counts them', example: '1' }),
  title: field(line('the module title', 120), { description: 'module title', example: 'Systems Awareness' }),
  summary: field(line('the summary', 300), {
    description: 'one sentence on what the module is about',
    example: 'Seeing the systems we are part of, starting with ourselves.',
  }),
});

export type Module = z.infer<typeof moduleSchema>;
