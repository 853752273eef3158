import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listExplanations, listResourceUse, ExplanationQuery, ResourceUseQuery } from '../../src/services/round-explanations.js';
import { encodeReport } from '../../src/db/repositories/stored-report.js';
import { openTempDatabase, type TempDatabase } from '../support/temp-database.js';

/** A stored report, as a solve writes it, with one person placed on `mentor` or nobody placed. */
function report(mentor: string | null) {
  const amina = mentor
    ? { participant: 'amina', placed: true, region: 'Occitanie', assignments: [{ resource: mentor, kind: 'mentor', region: 'Occitanie', score: 2, breakdown: {} }], missing: [] }
    : { participant: 'amina', placed: false, region: 'Occitanie', assignments: [], missing: [{ kind: 'mentor', reason: 'capacity', refusals: [], fullResources: ['m-occ'], eligibleResources: 1 }] };
  return JSON.stringify({ participants: [amina], resources: [{ resource: 'm-occ', kind: 'mentor', region: 'Occitanie', capacity: 1, used: mentor ? 1 : 0, remaining: mentor ? 0 : 1 }] });
}

describe('pages of a round\'s explanations', () => {
  let temp: TempDatabase;
  beforeEach(async () => {
    temp = await openTempDatabase();
    await temp.db.write((tx) => tx.round.create({ data: { id: 'r1', name: 'spring', status: 'proposed', filters: '{}', policy: '{}', solvedAt: new Date('2026-12-01T10:00:00Z'), report: report('m-occ') } }));
  });
  afterEach(async () => temp.remove());

  const explanations = () => listExplanations(temp.db, 'r1', ExplanationQuery.parse({}));
  const resources = () => listResourceUse(temp.db, 'r1', ResourceUseQuery.parse({ kind: 'mentor' }));

  // The first report is stored as text, as solves did before reports were compressed; the second compressed.
  it('answers a page read again from the last answer, and reads the new solve\'s report once it is stored', async () => {
    const first = await explanations();
    expect(first.items[0]).toMatchObject({ participant: 'amina', placed: true });
    expect(await explanations()).toBe(first);
    expect((await resources()).items[0]).toMatchObject({ resource: 'm-occ', used: 1, remaining: 0 });

    await temp.db.write((tx) => tx.round.update({ where: { id: 'r1' }, data: { solvedAt: new Date('2026-12-01T11:00:00Z'), report: null, reportGzip: encodeReport(JSON.parse(report(null))) } }));
    expect((await explanations()).items[0]).toMatchObject({ participant: 'amina', placed: false, missing: [{ kind: 'mentor', reason: 'capacity' }] });
    expect((await resources()).items[0]).toMatchObject({ resource: 'm-occ', used: 0, remaining: 1 });
  });
});
