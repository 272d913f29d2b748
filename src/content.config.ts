/**
 * Wires each folder of content/ to its loader and schema. The loader applies the safety gate and
 * the audience rule (see src/loaders/content-loader.ts); the schemas live in src/schemas/.
 */
import { defineCollection } from 'astro:content';
import type { z } from 'zod';
import { audienceFromEnv } from './lib/audience.ts';
import { collectionSpec, type CollectionName } from './lib/content-model.ts';
import { currentPolicyContext } from './lib/policy-context.ts';
import { readSettings } from './lib/settings.ts';
import { contentLoader } from './loaders/content-loader.ts';
import { cohortSchema } from './schemas/cohort.ts';
import { facultySchema } from './schemas/faculty.ts';
import { moduleSchema } from './schemas/module.ts';
import { participantSchema } from './schemas/participant.ts';
import { portfolioEntrySchema } from './schemas/portfolio-entry.ts';
import { programPageSchema } from './schemas/program-page.ts';
import { sessionSchema } from './schemas/session.ts';
import { siteSchema } from './schemas/site.ts';
import { frameworkSchema } from './schemas/framework.ts';
import { attendanceSchema } from './schemas/attendance.ts';
import { approvalSchema } from './schemas/approval.ts';
import { assessmentSchema } from './schemas/assessment.ts';
import { decisionSchema } from './schemas/decision.ts';
import { resourceSchema } from './schemas/resource.ts';
import { credentialsLoader } from './loaders/credentials-loader.ts';
import { credentialRecordSchema } from './lib/credentials/record.ts';

const root = process.cwd();
const audience = audienceFromEnv(process.env);
const { demo } = readSettings(root);

// read once, not once per collection: every loader applies the rule to the same facts
const currentPolicy = () => currentPolicyContext(root, demo);

function collection<S extends z.ZodType>(name: CollectionName, schema: S) {
  return defineCollection({
    loader: contentLoader({ spec: collectionSpec(name), audience, demo, policy: currentPolicy }),
    schema,
  });
}

export const collections = {
  program: collection('program', programPageSchema),
  cohorts: collection('cohorts', cohortSchema),
  modules: collection('modules', moduleSchema),
  sessions: collection('sessions', sessionSchema),
  faculty: collection('faculty', facultySchema),
  sites: collection('sites', siteSchema),
  participants: collection('participants', participantSchema),
  portfolios: collection('portfolios', portfolioEntrySchema),
  framework: collection('framework', frameworkSchema),
  attendance: collection('attendance', attendanceSchema),
  approvals: collection('approvals', approvalSchema),
  assessments: collection('assessments', assessmentSchema),
  decisions: collection('decisions', decisionSchema),
  resources: collection('resources', resourceSchema),
  // derived from decisions, recipients and participants; never the faculty records themselves (see the loader)
  credentials: defineCollection({ loader: credentialsLoader({ audience, demo }), schema: credentialRecordSchema }),
};
