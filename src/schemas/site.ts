/** A site or hub of the global Compassionate Systems community: `content/sites/<id>.yaml`. */
import { z } from 'zod';
import { field, line } from './common.ts';

export const siteSchema = z.strictObject({
  name: field(line('the name', 120), { description: 'name of the school, organisation or hub', example: 'Riverside Learning Hub' }),
  kind: field(z.enum(['site', 'hub'], { error: (i) => `kind must be site or hub; got ${JSON.stringify(i.input)}` }), {
    description: 'site (one school or organisation) or hub (a regional network)',
    example: 'hub',
  }),
  city: field(line('the city', 80).optional(), { description: 'city', example: 'Aarhus' }),
  country: field(line('the country', 80), { description: 'country', example: 'Denmark' }),
});

export type Site = z.infer<typeof siteSchema>;
