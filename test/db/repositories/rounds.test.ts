import { describe, expect, it, vi } from 'vitest';
import { loadReport, type RoundHead } from '../../../src/db/repositories/rounds.js';
import { encodeReport } from '../../../src/db/repositories/stored-report.js';
import type { RoundReport } from '../../../src/round/report.js';
import type { Client } from '../../../src/db/repositories/json-table.js';

/** A store that answers every round with the same report, and counts how often it was read. */
function store(stored: { report: string | null; reportGzip: Uint8Array | null }) {
  const findUnique = vi.fn(async () => stored);
  return { client: { round: { findUnique } } as unknown as Client, findUnique };
}

const empty = { participants: [], resources: [] } as unknown as RoundReport;

let next = 0;
/** A solved round the cache has not seen. */
const solved = () => ({ id: `r-${next++}`, solvedAt: new Date('2026-12-01T10:00:00Z') }) as RoundHead;

describe('reading a solve\'s report', () => {
  it('reads a compressed report, and a report stored as text before reports were compressed', async () => {
    const report = { participants: [{ participant: 'amina', placed: true, assignments: [], missing: [] }], resources: [] } as unknown as RoundReport;
    for (const stored of [{ report: null, reportGzip: encodeReport(report) }, { report: JSON.stringify(report), reportGzip: null }]) {
      const read = (await loadReport(store(stored).client, solved()))!;
      expect(read.participants).toEqual([{ participant: 'amina', placed: true }]);
      expect(read.explanation(0)).toEqual(report.participants[0]);
    }
  });

  it('reads it once for the requests that ask for it at the same time, and once until the next solve', async () => {
    const { client, findUnique } = store({ report: null, reportGzip: encodeReport(empty) });
    const round = solved();
    const answers = await Promise.all(Array.from({ length: 10 }, () => loadReport(client, round)));
    expect(findUnique).toHaveBeenCalledTimes(1);
    expect(new Set(answers).size).toBe(1);
    await loadReport(client, round);
    expect(findUnique).toHaveBeenCalledTimes(1);
    await loadReport(client, { ...round, solvedAt: new Date('2026-12-01T11:00:00Z') });
    expect(findUnique).toHaveBeenCalledTimes(2);
  });

  it('keeps the last 16 reports, and forgets a reading that failed', async () => {
    const { client, findUnique } = store({ report: '{"participants":[]}', reportGzip: null });
    const first = solved();
    await loadReport(client, first);
    for (let i = 0; i < 16; i += 1) await loadReport(client, solved());
    await loadReport(client, first);
    expect(findUnique).toHaveBeenCalledTimes(18);

    const broken = solved();
    const failing = { round: { findUnique: vi.fn().mockRejectedValueOnce(new Error('disk')).mockResolvedValue({ report: '{"participants":[]}', reportGzip: null }) } } as unknown as Client;
    await expect(loadReport(failing, broken)).rejects.toThrow('disk');
    expect((await loadReport(failing, broken))?.participants).toEqual([]);
  });

  it('answers null for a round not solved yet, without reading', async () => {
    const { client, findUnique } = store({ report: null, reportGzip: null });
    expect(await loadReport(client, { id: 'draft', solvedAt: null } as RoundHead)).toBeNull();
    expect(findUnique).not.toHaveBeenCalled();
  });
});
