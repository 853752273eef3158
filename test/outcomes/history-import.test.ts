import { describe, it, expect } from 'vitest';
import { HistoryError, parseHistoryCsv, parseHistoryJson } from '../../src/outcomes/history-import.js';
import { historyToCsv } from '../../src/outcomes/history-export.js';

const header = 'id,participantId,placementDate,outcomeDate,age,educationLevel,cefrLevel,statusMonths,waitingDays,childcareNeed,barrierCount,sectorWish,homeRegion,resourceKind,sector,region,shortageIndex,contractType,trainingKind,minCefr,childcareProvided,withMentor,inWorkOrTraining';
const opening = 'OUT-1,P-1,2024-09-14,2025-03-15,24,3,B1,11,205,false,1,care,BRE,opening,care,BRE,0.9,fixed_term,,A2,false,true,true';
const training = 'OUT-2,P-2,2024-10-01,2025-04-01,31,1,A1,30,90,yes,2,,OCC,training,,OCC,,,language,A0,yes,no,no';

function problemsOf(parse: () => unknown): string[] {
  try {
    parse();
  } catch (error) {
    if (error instanceof HistoryError) return error.problems.map((p) => `${p.where}, ${p.field}: ${p.message}`);
    throw error;
  }
  throw new Error('the history was accepted');
}

describe('importing an outcome history', () => {
  it('reads a CSV with a header row, yes/no words and empty optional cells', () => {
    const [first, second] = parseHistoryCsv([header, opening, training].join('\n'));
    expect(first).toMatchObject({ id: 'OUT-1', resourceKind: 'opening', contractType: 'fixed_term', shortageIndex: 0.9, withMentor: true, inWorkOrTraining: true });
    expect(second).toMatchObject({ id: 'OUT-2', resourceKind: 'training', trainingKind: 'language', childcareNeed: true, childcareProvided: true, inWorkOrTraining: false });
    expect(second!.sectorWish).toBeUndefined();
  });

  it('reads the same records from JSON, as an array or as { outcomes: [...] }, and writes them back to the same CSV', () => {
    const records = parseHistoryCsv([header, opening, training].join('\n'));
    expect(parseHistoryJson(JSON.stringify(records))).toEqual(records);
    expect(parseHistoryJson(JSON.stringify({ outcomes: records }))).toEqual(records);
    expect(parseHistoryCsv(historyToCsv(records))).toEqual(records);
  });

  it('refuses bad CSV rows one by one, with the file line and the field, and imports nothing', () => {
    const lines = [
      header,
      opening,
      'OUT-3,P-3,2024-09-14,2024-03-01,24,3,B1,11,205,false,1,care,BRE,opening,,BRE,0.9,fixed_term,,A2,false,true,true',
      '',
      'OUT-4,P-4,2024-09-14,2025-03-01,twenty,3,B7,11,205,maybe,1,care,BRE,mentor,care,BRE,,internship,qualifying,,false,false,',
      opening,
    ];
    expect(problemsOf(() => parseHistoryCsv(lines.join('\n'), 'history.csv'))).toEqual([
      'line 3, outcomeDate: is before the placement date 2024-09-14',
      'line 3, sector: is required for a placement in an opening',
      'line 5, age: "twenty" is not a number',
      'line 5, childcareNeed: "maybe" is not a yes/no value (true, false, yes, no, 1, 0)',
      expect.stringMatching(/^line 5, cefrLevel: /),
      'line 5, inWorkOrTraining: is missing',
      'line 5, contractType: is given but the placement is a mentor, not an opening',
      'line 5, trainingKind: is given but the placement is a mentor, not a training session',
      'line 5, withMentor: is false but the placement is a mentor',
      'line 6, id: duplicate id "OUT-1" (already on line 2)',
    ]);
    expect(() => parseHistoryCsv(lines.join('\n'), 'history.csv')).toThrow(/^history.csv: 10 problem\(s\), nothing imported:\n  line 3, outcomeDate:/);
  });

  it('refuses a header with an unknown or a missing column, and a row with too many cells', () => {
    const renamed = header.replace('waitingDays', 'waiting_days');
    expect(problemsOf(() => parseHistoryCsv([renamed, opening].join('\n')))).toEqual([
      'line 1, waiting_days: is not a column of the outcome history',
      'line 1, waitingDays: column is missing',
    ]);
    expect(problemsOf(() => parseHistoryCsv([header, `${opening},extra`].join('\n')))).toEqual(['line 2, (row): has 24 cells, the header has 23']);
    expect(problemsOf(() => parseHistoryCsv(''))).toEqual(['file, (header): the file is empty']);
  });

  it('refuses bad JSON records by their number and field', () => {
    const [good] = parseHistoryCsv([header, opening].join('\n'));
    const records = [good, 'not a record', { ...good, id: 'OUT-9', age: -4, resourceKind: 'housing', region: undefined, contractType: undefined }];
    expect(problemsOf(() => parseHistoryJson(JSON.stringify(records)))).toEqual([
      'record 2, (row): must be an object',
      'record 3, age: must be 14 or more',
      'record 3, shortageIndex: is given but the placement is housing; only openings and training sessions have one',
      'record 3, minCefr: is given but the placement is housing; only openings and training sessions have one',
      'record 3, sector: is given but the placement is housing, which has no sector',
      'record 3, region: is required for a placement in housing',
    ]);
    expect(problemsOf(() => parseHistoryJson('{"records": []}'))).toEqual(['file, outcomes: must be an array of outcome records']);
    expect(problemsOf(() => parseHistoryJson('[{'))).toEqual([expect.stringMatching(/^file, \(json\): /)]);
  });

  it('says what is wrong with a JSON field of the wrong type, and "is missing" only for a field that is absent', () => {
    const [good] = parseHistoryCsv([header, opening].join('\n'));
    const { inWorkOrTraining: _, ...withoutOutcome } = good!;
    const records = [
      { ...good, age: '24' },
      { ...good, id: 'OUT-2', age: 24.5 },
      { ...good, id: 'OUT-3', inWorkOrTraining: 'yes' },
      { ...good, id: 'OUT-4', childcareNeed: null },
      { ...withoutOutcome, id: 'OUT-5' },
    ];
    expect(problemsOf(() => parseHistoryJson(JSON.stringify(records)))).toEqual([
      'record 1, age: must be a number, got "24"',
      'record 2, age: must be a whole number, got 24.5',
      'record 3, inWorkOrTraining: must be true or false, got "yes"',
      'record 4, childcareNeed: must be true or false, got null',
      'record 5, inWorkOrTraining: is missing',
    ]);
  });

  it('says "must be a whole number" for a CSV cell that is a number but not a whole one', () => {
    const row = opening.replace(',24,3,', ',24.5,3,');
    expect(problemsOf(() => parseHistoryCsv([header, row].join('\n')))).toEqual(['line 2, age: must be a whole number, got 24.5']);
  });

  it('refuses unknown keys of a JSON record by name, as the CSV header refuses unknown columns', () => {
    const [good] = parseHistoryCsv([header, opening].join('\n'));
    const { waitingDays, ...rest } = good!;
    const records = [good, { ...rest, id: 'OUT-2', waiting_days: waitingDays, comment: 'n/a' }];
    expect(problemsOf(() => parseHistoryJson(JSON.stringify(records)))).toEqual([
      'record 2, waiting_days: is not a field of the outcome history',
      'record 2, comment: is not a field of the outcome history',
      'record 2, waitingDays: is missing',
    ]);
  });

  it('refuses contradictions row by row: an outcome outside 3 to 9 months, opening-only fields elsewhere, housing without a home', () => {
    const cells = (row: string, edits: Record<number, string>) => row.split(',').map((c, i) => edits[i] ?? c).join(',');
    const lines = [
      header,
      cells(opening, { 3: '2024-11-30' }), // 2.5 months after 2024-09-14
      cells(opening, { 0: 'OUT-3', 3: '2025-06-15' }), // 9 months and a day
      cells(opening, { 0: 'OUT-4', 3: '2024-12-14' }), // exactly 3 months: accepted
      cells(training, { 0: 'OUT-5', 13: 'mentor', 16: '0.4', 18: '', 19: 'A2' }),
      cells(training, { 0: 'OUT-6', 12: '', 13: 'housing', 14: 'care', 16: '0.7', 18: '', 19: '' }),
    ];
    expect(problemsOf(() => parseHistoryCsv(lines.join('\n'), 'history.csv'))).toEqual([
      'line 2, outcomeDate: must be 3 to 9 months after the placement date 2024-09-14 (the outcome is the situation about 6 months later)',
      'line 3, outcomeDate: must be 3 to 9 months after the placement date 2024-09-14 (the outcome is the situation about 6 months later)',
      'line 5, shortageIndex: is given but the placement is a mentor; only openings and training sessions have one',
      'line 5, minCefr: is given but the placement is a mentor; only openings and training sessions have one',
      'line 5, withMentor: is false but the placement is a mentor',
      'line 6, shortageIndex: is given but the placement is housing; only openings and training sessions have one',
      'line 6, sector: is given but the placement is housing, which has no sector',
      'line 6, homeRegion: is required for a placement in housing (it tells whether the person moved)',
    ]);
  });
});
