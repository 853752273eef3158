import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participants, mentors } from '../../../src/db/repositories/stores.js';
import { Mentor } from '../../../src/domain/mentor.js';
import { Participant } from '../../../src/domain/participant.js';
import { mentorColumns, participantColumns } from '../../../src/services/csv/columns.js';
import { parseCsv, parseCsvRows, parseCsvRowsInSlices } from '../../../src/services/csv/import-csv.js';
import { InputError, type FieldIssue } from '../../../src/services/errors.js';
import { importItems, listItems } from '../../../src/services/resources.js';
import { openTempDatabase, type TempDatabase } from '../../support/temp-database.js';

const header = 'id,birthYear,gender,legalStatus,statusSince,homeRegion,household.adults,household.isolated,languages,skills,availableFrom,waitingSince';
const row = (id: string, overrides: Partial<Record<string, string>> = {}) => {
  const cells: Record<string, string> = {
    id, birthYear: '1999', gender: 'female', legalStatus: 'refugee', statusSince: '2024-01-01', homeRegion: 'Occitanie',
    'household.adults': '1', 'household.isolated': 'yes', languages: 'fr:B1;ar:C2', skills: 'F1703; G1602',
    availableFrom: '2026-01-01', waitingSince: '2025-06-01', ...overrides,
  };
  return header.split(',').map((name) => cells[name]).join(',');
};

/** The error thrown by `work`, with its issues as `line:path` pairs. */
function refusal(work: () => unknown): { error: InputError; where: string[] } {
  try {
    work();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { error, where: error.issues.map((i: FieldIssue) => `${i.line ?? '-'}:${i.path}`) };
  }
  throw new Error('expected the CSV to be refused');
}

describe('parsing a file of thousands of rows in slices, as the service does', () => {
  const many = (n: number, bad?: number) =>
    [header, ...Array.from({ length: n }, (_, i) => row(`p${i}`, i === bad ? { birthYear: 'soon' } : {}))].join('\n');

  it('gives the same rows with their lines as parsing in one go', async () => {
    const text = many(2500);
    const sliced = await parseCsvRowsInSlices(text, participantColumns, Participant);
    expect(sliced).toEqual(parseCsvRows(text, participantColumns, Participant));
    expect(sliced.at(-1)).toMatchObject({ line: 2501, item: { id: 'p2499' } });
  });

  it('refuses the whole file for a bad row after the first slice, naming its line', async () => {
    const refused = await parseCsvRowsInSlices(many(2500, 1800), participantColumns, Participant).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).issues.map((i) => `${i.line}:${i.path}`)).toEqual(['1802:birthYear']);
  });
});

describe('parseCsv', () => {
  it('turns each row into a domain object: dotted columns nest, lists split on ";", languages carry levels, defaults apply', () => {
    const [amina] = parseCsv(`${header}\n${row('amina')}\n`, participantColumns, Participant);
    expect(amina).toMatchObject({
      id: 'amina', birthYear: 1999, household: { adults: 1, children: 0, isolated: true },
      languages: [{ language: 'fr', level: 'B1' }, { language: 'ar', level: 'C2' }], skills: ['F1703', 'G1602'], barriers: [],
    });
  });

  it('reports every bad row by its line in the file and the field, skipping blank lines in the count', () => {
    const text = [
      header,
      row('ok-1'),
      '',
      row('bad-year', { birthYear: '19x9' }),
      row('bad-two', { gender: 'robot', statusSince: '2024-13-01' }),
      row('ok-2'),
      row('bad-level', { languages: 'fr:Z9' }),
      row('ok-1'),
    ].join('\n');
    const { error, where } = refusal(() => parseCsv(text, participantColumns, Participant));
    expect(where).toEqual(['4:birthYear', '5:gender', '5:statusSince', '7:languages.0.level', '8:id']);
    expect(error.message).toMatch(/4 bad row\(s\): nothing was imported/);
    expect(error.issues.find((i) => i.line === 8)?.message).toMatch(/duplicate id "ok-1" \(also on line 2\)/);
  });

  it('names the line of a row with more cells than the header, and counts a quoted line break inside a cell', () => {
    const text = `${header}\n"multi\nline",${row('x').split(',').slice(1).join(',')}\n${row('wide')},extra\n`;
    expect(refusal(() => parseCsv(text, participantColumns, Participant)).where).toEqual(['4:row']);
  });

  it('refuses unknown or repeated header columns before reading any row', () => {
    const { where, error } = refusal(() => parseCsv('id,nationality,id\np1,xx,p1\n', participantColumns, Participant));
    expect(where).toEqual(['1:nationality', '1:id']);
    expect(error.issues[0]?.message).toMatch(/unknown column/);
  });

  it('refuses text that is not CSV, an empty file and a header without rows, naming the body', () => {
    expect(refusal(() => parseCsv(`${header}\n"p1,1999\n`, participantColumns, Participant)).where).toEqual(['2:body']);
    expect(refusal(() => parseCsv('', participantColumns, Participant)).where).toEqual(['-:body']);
    expect(refusal(() => parseCsv(`${header}\n`, participantColumns, Participant)).where).toEqual(['1:body']);
  });

  it('checks cell types of mentors: whole numbers, booleans and status rules', () => {
    const text = 'id,kind,gender,availableFrom,caseloadCap,eligibility.isolatedAdultsOnly,eligibility.statuses\n'
      + 'm1,volunteer,male,2026-01-01,2.5,true,refugee\n'
      + 'm2,volunteer,male,2026-01-01,3,perhaps,asylum_seeker:6\n'
      + 'm3,volunteer,male,2026-01-01,3,no,asylum_seeker:6;refugee\n';
    expect(refusal(() => parseCsv(text, mentorColumns, Mentor)).where).toEqual(['2:caseloadCap', '3:eligibility.isolatedAdultsOnly']);
  });

  it('says a required field is missing when its cell is empty or its column absent, and keeps the options when a value is wrong', () => {
    const text = 'id,kind,gender,caseloadCap\nm1,volunteer,,3\nm2,volunteer,male,3\n';
    const { error } = refusal(() => parseCsv(text, mentorColumns, Mentor));
    const required = 'is required: the cell is empty or the column is missing';
    expect(error.issues).toEqual([
      { line: 2, path: 'gender', message: required }, { line: 2, path: 'availableFrom', message: required },
      { line: 3, path: 'availableFrom', message: required },
    ]);
    const wrongValue = refusal(() => parseCsv('id,kind,gender,caseloadCap,availableFrom\nm1,robot,male,3,2026-01-01\n', mentorColumns, Mentor));
    expect(wrongValue.error.issues).toEqual([{ line: 2, path: 'kind', message: expect.stringMatching(/^Invalid option: expected one of "contact_person"/) }]);
  });
});

describe('importing a CSV file', () => {
  let temp: TempDatabase;
  beforeAll(async () => { temp = await openTempDatabase('placement-csv-'); });
  afterAll(async () => temp.remove());

  const importText = async (text: string) => importItems(temp.db, participants, parseCsvRows(text, participantColumns, Participant), { keyId: 'key-1' });

  it('imports every row of a good file, then updates the rows it already has', async () => {
    expect(await importText([header, row('a'), row('b'), row('c')].join('\n'))).toEqual({ created: 3, updated: 0 });
    expect(await importText([header, row('c', { homeRegion: 'Bretagne' }), row('d')].join('\n'))).toEqual({ created: 1, updated: 1 });
    const page = await listItems(temp.db, participants, {}, 10, 0);
    expect(page.items.map((p) => `${p.id}:${p.homeRegion}`)).toEqual(['a:Occitanie', 'b:Occitanie', 'c:Bretagne', 'd:Occitanie']);
    const audit = await temp.db.prisma.auditLog.findMany({ where: { action: 'import' } });
    expect(audit.map((a) => [a.keyId, a.subject, JSON.parse(a.details ?? '{}')])).toEqual([
      ['key-1', 'participant', { rows: 3, updated: 0 }],
      ['key-1', 'participant', { rows: 2, updated: 1 }],
    ]);
  });

  it('imports nothing from a file with one bad row among good ones', async () => {
    const before = await temp.db.prisma.participant.count();
    await expect(importText([header, row('e'), row('f', { birthYear: 'old' }), row('g')].join('\n'))).rejects.toThrow(InputError);
    expect(await temp.db.prisma.participant.count()).toBe(before);
    expect(await temp.db.prisma.participant.findUnique({ where: { id: 'e' } })).toBeNull();
  });

  it('keeps a mentor imported again with a new cap, and stores the cap in its column', async () => {
    const text = 'id,kind,gender,availableFrom,caseloadCap\nm1,volunteer,male,2026-01-01,4\n';
    await importItems(temp.db, mentors, parseCsvRows(text, mentorColumns, Mentor), { keyId: null });
    await importItems(temp.db, mentors, parseCsvRows(text.replace(',4', ',6'), mentorColumns, Mentor), { keyId: null });
    expect(await temp.db.prisma.mentor.findUnique({ where: { id: 'm1' } })).toMatchObject({ caseloadCap: 6, currentCaseload: 0 });
  });
});
