/**
 * The to-do list of the demo cohort on fixed build dates lists what is truly missing in its records
 * and nothing else. Each expected item says which file is missing or incomplete; everything the
 * demo records do hold (six call and workshop attendance files, both approval steps for six
 * projects, released decisions) must not appear.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/fixture-project.ts';
import { endOfProgramDay } from '../../../src/lib/build-date.ts';
import { computeTodo, todoInputFromContent } from '../../../src/lib/coordinator/todo.ts';
import { readContent } from '../../../src/lib/validate/read-content.ts';

const records = readContent(PROJECT_ROOT, { gate: false }).records;

function todoOn(day: string) {
  return computeTodo(todoInputFromContent(records, { today: day, now: endOfProgramDay(day) })).map((i) => `${i.key} | ${i.missing}`);
}

describe('the demo cohort’s to-do list', () => {
  it('on 15 December 2026 lists the five things its records lack', () => {
    expect(todoOn('2026-12-15')).toEqual([
      // the December call was held on 8 December; content/demo/attendance/demo-2026/ has no call-2026-12.yaml
      'attendance:demo-2026/call-2026-12 | held on 8 December 2026; no attendance recorded',
      // Daichi's proposal was reviewed (review.yaml) but has no final.yaml, and the first workshop ended on 19 June
      'approval:daichi-mizukagami/project-proposal-soil-to-school | finalised after the first workshop: not recorded',
      // Teo joined on 1 September; his proposal has neither step
      'approval:teo-pastizal/project-proposal-peer-listeners | reviewed before the year: not recorded; finalised after the first workshop: not recorded',
      // faculty began assessing Paloma (one assessment, by Kaede Kirinomori); a decision needs two
      'assessment:paloma-nubeverde | assessed by 1 faculty member; a decision needs 2 (graduation begins on 20 June 2027)',
      // Haruka's certified decision of 27 November has no released date, so no credential yet
      'credential:haruka-kumonoue/2026-11-27 | certified on 27 November 2026; the credential is issued once the decision is released',
    ]);
  });

  it('on 7 December 2026, before the December call, has no attendance to record', () => {
    expect(todoOn('2026-12-07').filter((i) => i.startsWith('attendance:'))).toEqual([]);
  });

  it('from 60 days before the graduation workshop asks for the assessments of everyone not yet assessed twice', () => {
    expect(todoOn('2027-04-21').filter((i) => i.startsWith('assessment:'))).toEqual([
      'assessment:daichi-mizukagami | assessed by 0 faculty members; a decision needs 2 (graduation begins on 20 June 2027)',
      'assessment:ines-lunaclara | assessed by 0 faculty members; a decision needs 2 (graduation begins on 20 June 2027)',
      'assessment:paloma-nubeverde | assessed by 1 faculty member; a decision needs 2 (graduation begins on 20 June 2027)',
      'assessment:teo-pastizal | assessed by 0 faculty members; a decision needs 2 (graduation begins on 20 June 2027)',
    ]);
  });

  it('says nothing of the 2020–2021 cycle, which has no participants and ended long ago', () => {
    expect(todoOn('2026-12-15').filter((i) => i.includes('2020-2021'))).toEqual([]);
    // while it ran, its unannounced workshops were due from a month before the year began
    expect(todoOn('2020-06-01')).toEqual([
      'tba:2020-2021/module-2-workshop | still to be announced; the cycle begins on 28 June 2020',
      'tba:2020-2021/module-3-workshop | still to be announced; the cycle begins on 28 June 2020',
    ]);
  });
});
