/**
 * The components MDX content may use, by collection. Names and attributes must match the
 * allow-lists in src/lib/gate/allowlists.ts, which the safety gate enforces.
 */
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Quote from './Quote.astro';
import Video from './Video.astro';
import Facts from './Facts.astro';
import FacultyList from './FacultyList.astro';
import ApplyStatusFor from './ApplyStatusFor.astro';
import ModuleList from '../ModuleList.astro';

export const portfolioComponents = { Callout, Figure, Quote, Video };

export const programComponents = { ...portfolioComponents, Facts, FacultyList, ModuleList, ApplyStatus: ApplyStatusFor };
