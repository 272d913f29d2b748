import { describe, expect, it } from 'vitest';
import { explainIsoDate } from '../../../src/schemas/common.ts';

describe('explainIsoDate', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(explainIsoDate('2020-02-29')).toBeUndefined();
    expect(explainIsoDate('2020-06-28')).toBeUndefined();
  });
  it('refuses impossible dates with the reason', () => {
    expect(explainIsoDate('2020-02-30')).toMatchInlineSnapshot(`""2020-02-30" is not a real date: February 2020 has 29 days"`);
    expect(explainIsoDate('2021-02-29')).toMatchInlineSnapshot(`""2021-02-29" is not a real date: February 2021 has 28 days"`);
    expect(explainIsoDate('2020-13-01')).toMatchInlineSnapshot(`""2020-13-01" has no month 13: months run 01 to 12"`);
    expect(explainIsoDate('28/06/2020')).toMatchInlineSnapshot(`"a date must be written YYYY-MM-DD, for example 2020-06-28; got "28/06/2020""`);
  });
});
