/**
 * The kinds of portfolio entry and the stages of an application project, as plain constants
 * without zod, so a browser island can list them without loading the schemas.
 */
export const ENTRY_TYPES = [
  'reflection',
  'workshop-reflection',
  'call-prework',
  'application-project',
  'coaching',
  'buddy-checkin',
  'practice-log',
] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export const ENTRY_TYPE_LABELS: Record<EntryType, string> = {
  reflection: 'Reflection',
  'workshop-reflection': 'Workshop reflection',
  'call-prework': 'Call pre-work',
  'application-project': 'Application project',
  coaching: 'Coaching evidence',
  'buddy-checkin': 'Buddy check-in',
  'practice-log': 'Practice log',
};

export const PROJECT_STAGES = ['proposal', 'update', 'final-report'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = { proposal: 'Proposal', update: 'Update', 'final-report': 'Final report' };
