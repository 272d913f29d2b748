/** The demo badge inside islands (search results, the next call), the same as the pages' DemoBadge.astro. */
import { DEMO_EXPLANATION, DEMO_LABEL } from '../lib/demo-mark.ts';

export function DemoBadge() {
  return (
    <span className="badge demo" title={DEMO_EXPLANATION}>
      {DEMO_LABEL}
    </span>
  );
}
