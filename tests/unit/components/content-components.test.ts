/** The components MDX may use are exactly those the safety gate allows, per collection. */
import { describe, expect, it } from 'vitest';
import { portfolioComponents, programComponents } from '../../../src/components/content/index.ts';
import { PORTFOLIO_COMPONENTS, PROGRAM_COMPONENTS } from '../../../src/lib/gate/allowlists.ts';

describe('content components', () => {
  it('gives participants’ MDX exactly the components the gate allows them', () => {
    expect(Object.keys(portfolioComponents).sort()).toEqual(Object.keys(PORTFOLIO_COMPONENTS).sort());
  });
  it('gives program pages exactly the components the gate allows staff', () => {
    expect(Object.keys(programComponents).sort()).toEqual(Object.keys(PROGRAM_COMPONENTS).sort());
  });
});
