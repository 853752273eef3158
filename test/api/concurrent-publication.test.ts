import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacities } from '../../src/services/capacity.js';
import type { Answer } from '../support/http.js';
import { startService, type RunningService } from '../support/running-service.js';
import { servicePolicy } from '../support/service-pool.js';

interface AssignmentBody { id: string; participant: string; resource: string; status: string }

describe('two rounds published at the same time', () => {
  let running: RunningService;
  let key: string;
  beforeAll(async () => {
    running = await startService();
    key = running.keys.coordinator;
  });
  afterAll(async () => running.stop());

  /** A round over the named participants only, solved and waiting for publication. */
  async function proposed(name: string, participantIds: string[]): Promise<{ id: string; assignments: AssignmentBody[] }> {
    const { api } = running;
    const created = await api.post('/api/v1/rounds', { key, json: { name, filters: { participantIds }, policy: servicePolicy } });
    const solve = await api.post(`/api/v1/rounds/${created.body.id}/solve`, { key });
    expect((await api.waitForJob(solve.body.jobId, key)).status).toBe('succeeded');
    const round = await api.get(`/api/v1/rounds/${created.body.id}`, { key });
    expect(round.body.status).toBe('proposed');
    return { id: created.body.id, assignments: await api.assignments(created.body.id, key) };
  }

  const publishBoth = (a: string, b: string) =>
    Promise.all([a, b].map((id) => running.api.post(`/api/v1/rounds/${id}/publish`, { key })));

  const published = async () => (await running.service.db.prisma.assignment.findMany({ where: { status: 'published' } })).map((x) => x.resourceId).sort();

  it('never overbooks the scarce resources both proposals use: one wins, the other names what has no room', async () => {
    const a = await proposed('north bank', ['dana', 'eli']);
    const b = await proposed('south bank', ['farah', 'amina']);
    const shared = [...new Set(a.assignments.map((x) => x.resource))].filter((r) => b.assignments.some((y) => y.resource === r));
    expect(shared).toContain('m-occ');

    const answers = await publishBoth(a.id, b.id);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409) as Answer;
    const loserRound = answers[0] === loser ? a : b;
    const full = (loser.body.details.resources as { resource: string; capacity: number; used: number; requested: number }[]);
    expect(full.length).toBeGreaterThan(0);
    for (const f of full) {
      expect(shared).toContain(f.resource);
      expect(f.used + f.requested).toBeGreaterThan(f.capacity);
      expect(loser.body.message).toContain(f.resource);
    }
    expect(loser.body.message).toMatch(/nothing was published/);

    // Nothing of the losing round was published, and no resource holds more than its capacity.
    const after = await running.api.get(`/api/v1/rounds/${loserRound.id}`, { key });
    expect(after.body.status).toBe('proposed');
    const proposedStill = loserRound.assignments.length;
    expect(after.body.assignmentCounts).toMatchObject({ total: proposedStill, byStatus: { proposed: proposedStill, accepted: 0, rejected: 0, published: 0 } });
    expect((await running.api.assignments(loserRound.id, key)).every((x) => x.status === 'proposed')).toBe(true);
    const overbooked = (await capacities(running.service.db.prisma)).filter((c) => c.used > c.capacity);
    expect(overbooked).toEqual([]);
    const winner = answers[0] === loser ? b : a;
    expect(await published()).toEqual(winner.assignments.map((x) => x.resource).sort());
  });

  it('publishes both when the shared resource has room for both', async () => {
    const { api } = running;
    const mentor = { id: 'm-extra', kind: 'professional', region: 'Occitanie', caseloadCap: 2, gender: 'female', availableFrom: '2025-12-01' };
    expect((await api.post('/api/v1/mentors', { key, json: mentor })).status).toBe(201);
    const waiting = (await api.get('/api/v1/rounds?status=proposed', { key })).body as { id: string }[];
    expect(waiting).toHaveLength(1);
    const left = ((await api.assignments(waiting[0]!.id, key)) as AssignmentBody[]).map((x) => x.participant);
    const [first, second] = [...new Set(left)];
    const c = await proposed('extra one', [first!]);
    const d = await proposed('extra two', [second!]);
    expect([...c.assignments, ...d.assignments].filter((x) => x.resource === 'm-extra')).toHaveLength(2);

    const answers = await publishBoth(c.id, d.id);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const extra = await api.get('/api/v1/mentors/m-extra', { key });
    expect(extra.body).toMatchObject({ caseloadCap: 2, currentCaseload: 2 });
  });
});
