/** A small project with a framework, assessing faculty, a cohort with sessions and two participants. */
import { entry } from '../validate/helpers.ts';

export { cleanupProjects, entry, makeProject } from '../validate/helpers.ts';

export const ASSESSMENT_FILES: Readonly<Record<string, string>> = {
  'content/faculty/peter-m-senge.md': `---
name: Peter M. Senge
role: facilitator
affiliation: MIT
gitHandle: psenge
assessor: true
---
`,
  'content/faculty/mette-miriam-boell.md': `---
name: Mette Miriam Böll
role: facilitator
affiliation: Center for Systems Awareness
assessor: true
---
`,
  'content/faculty/julie-diaz.md': `---
name: Julie Diaz
role: coordinator
affiliation: Center for Systems Awareness
---
`,
  'content/framework/coaching.yaml': `title: Coaches others
description: Evidence of coaching others.
order: 40
source: { brochure: "A final graduation based on assessing evidence of work and learning developed during the process, including the application project and evidence of coaching others.", section: Program structure }
evidence: { rule: entries, type: coaching, min: 3, source: { proposal: Three accounts are proposed. } }
`,
  'content/framework/workshops.yaml': `title: Takes part in every workshop
description: Present at every workshop.
order: 10
source: { brochure: "Be present at all three face-to-face sessions (15 days total).", section: Participant commitments }
evidence: { rule: attendance, kind: workshop, source: { faculty: { by: [peter-m-senge, mette-miriam-boell], date: 2020-07-03 } } }
`,
  'content/framework/application-project.yaml': `title: Carries out an application project
description: A proposal reviewed and finalised by faculty, and a final report.
module: systems-awareness
order: 30
source: { brochure: "Undertake an application project within their organization or worksite.", section: Participant commitments }
evidence:
  rule: all
  rules:
    - { rule: project, source: { brochure: "We expect to review proposed projects prior to commencing the year-long process and to finalize them after the first workshop.", section: Program structure } }
    - { rule: entries, type: application-project, stage: final-report, min: 1, source: { proposal: A final report is proposed. } }
`,
  'content/participants/ana-ruiz.yaml': `name: Ana Ruiz
cohort: 2021-2022
site: riverside-hub
role: teacher
gitHandle: ana-ruiz
`,
  'content/portfolios/maria-lopez/project-proposal.md': entry('type: application-project\nstage: proposal\ntitle: My proposal\ndate: 2020-06-01\ncriteria: [application-project]'),
  'content/portfolios/maria-lopez/a-reflection.md': entry('type: reflection\ntitle: A reflection\ndate: 2020-07-02'),
  'content/portfolios/jonas-berg/project-proposal.md': entry('type: application-project\nstage: proposal\ntitle: His proposal\ndate: 2020-07-01'),
  'content/attendance/2020-2021/module-1-workshop.yaml': `present: [maria-lopez]
absent: [{ participant: jonas-berg, reason: illness }]
recordedBy: julie-diaz
recordedOn: 2020-07-03
`,
  'content/approvals/maria-lopez/project-proposal/review.yaml': `by: [peter-m-senge]
date: 2020-06-10
`,
  'content/approvals/maria-lopez/project-proposal/final.yaml': `by: [peter-m-senge, mette-miriam-boell]
date: 2020-07-20
note: Agreed; keep it to one class.
`,
  'content/assessments/maria-lopez/peter-m-senge.yaml': `assessor: peter-m-senge
date: 2021-06-20
levels:
  coaching: { level: meets, comment: Three clear accounts. }
recommendation: certify
`,
  'content/assessments/maria-lopez/mette-miriam-boell.yaml': `assessor: mette-miriam-boell
date: 2021-06-21
levels:
  coaching: { level: exceeds, comment: Thorough. }
recommendation: certify
`,
  'content/decisions/maria-lopez/2021-06-25.yaml': `outcome: certified
date: 2021-06-25
panel: [peter-m-senge, mette-miriam-boell]
certificateId: CST-2021-0001
released: 2021-06-30
`,
};
