/**
 * Where the progress workflow writes each participant's summary: the GitHub repository of their own
 * portfolio, named exactly, dots included (`portfolio.maria-lopez` is a valid repository name).
 */
import { describe, expect, it } from 'vitest';
import { githubRepository, progressTargets } from '../../../src/lib/sync/progress-targets.ts';

const folder = (f: string) => ({ folder: f, path: '.' });

describe('progress issue targets', () => {
  it('keeps dots, underscores and hyphens in repository names, and drops only .git', () => {
    expect(githubRepository('https://github.com/your-org/portfolio.maria-lopez.git')).toBe('your-org/portfolio.maria-lopez');
    expect(githubRepository('https://github.com/your-org/portfolio.maria-lopez')).toBe('your-org/portfolio.maria-lopez');
    expect(githubRepository('git@github.com:your-org/cohort_2026.v2.git')).toBe('your-org/cohort_2026.v2');
    expect(githubRepository('ssh://git@github.com/your-org/p.git')).toBe('your-org/p');
  });

  it('names no repository for other hosts or for addresses that are not a repository', () => {
    expect(githubRepository('https://gitlab.com/your-org/portfolio.git')).toBeUndefined();
    expect(githubRepository('https://github.com/your-org/..')).toBeUndefined();
    expect(githubRepository('https://github.com/your-org/a/b')).toBeUndefined();
    expect(githubRepository('https://github.com/-bad/a')).toBeUndefined();
  });

  it('sends each participant\'s summary only to the repository their portfolio comes from', () => {
    const { targets, skipped } = progressTargets([
      { repository: 'https://github.com/your-org/portfolio.maria-lopez.git', folders: [folder('portfolios/maria-lopez')] },
      { repository: 'https://github.com/your-org/cohort-2026.git', folders: [folder('participants'), folder('sessions/2026')] },
      { repository: 'https://gitlab.example/your-org/portfolio-jonas.git', folders: [folder('portfolios/jonas-berg')] },
    ]);
    expect(targets).toEqual([{ participant: 'maria-lopez', repository: 'your-org/portfolio.maria-lopez' }]);
    expect(skipped).toEqual(['jonas-berg: https://gitlab.example/your-org/portfolio-jonas.git is not a repository on GitHub, so no issue can be written there']);
  });
});
