import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../../src/db/repositories/stored-report.js';
import { encodeOutcome } from '../../../src/services/compute/round-computed.js';
import type { RoundOutcome } from '../../../src/round/types.js';

const breakdown = (contribution: number) => ({ sector: { value: 1, weight: contribution, contribution } });

/** A report of two people, one placed twice, cut to what the encoding reads. */
const outcome = {
  result: {
    status: 'optimal', objective: 7, gap: 0,
    assignments: [
      { participant: 'amina', resource: 'm-occ', kind: 'mentor', score: 4 },
      { participant: 'amina', resource: 'fle-occ', kind: 'training', score: 3 },
    ],
  },
  report: {
    status: 'optimal', objective: 7, totals: { participants: 2, placed: 1, unplaced: 1 },
    participants: [
      { participant: 'amina', placed: true, assignments: [{ resource: 'fle-occ', kind: 'training', score: 3, breakdown: breakdown(3) }, { resource: 'm-occ', kind: 'mentor', score: 4, breakdown: breakdown(4) }], missing: [] },
      { participant: 'chen', placed: false, assignments: [], missing: [{ kind: 'mentor', reason: 'capacity' }] },
    ],
    resources: [{ resource: 'm-occ', kind: 'mentor', capacity: 1, used: 1, remaining: 0 }],
  },
} as unknown as Pick<RoundOutcome, 'result' | 'report'>;

describe('a round\'s outcome as its thread sends it', () => {
  it('keeps the header as objects and the whole report as the store keeps it', async () => {
    const sent = encodeOutcome(outcome);
    expect(sent.header).toEqual({ status: 'optimal', objective: 7, totals: { participants: 2, placed: 1, unplaced: 1 } });
    const stored = await decodeReport(sent.reportGzip);
    expect(stored.resources).toEqual(outcome.report.resources);
    expect([0, 1].map((i) => stored.explanation(i))).toEqual(outcome.report.participants);
    expect(sent.result).toBe(outcome.result);
  });

  it('gives each assignment its own breakdown, in the order of the plan', () => {
    expect(encodeOutcome(outcome).breakdowns.map((b) => JSON.parse(b))).toEqual([breakdown(4), breakdown(3)]);
  });
});
