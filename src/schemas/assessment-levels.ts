/** The four-step scale and the recommendations of an assessment, as constants without zod (for islands). */
export const LEVELS = ['not-yet', 'developing', 'meets', 'exceeds'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_LABELS: Record<Level, string> = {
  'not-yet': 'Not yet',
  developing: 'Developing',
  meets: 'Meets',
  exceeds: 'Exceeds',
};

export const RECOMMENDATIONS = ['certify', 'further-work'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = { certify: 'Certify as Trainer', 'further-work': 'Further work needed' };
