import { describe, it, expect } from 'vitest';
import { Pool } from '../../src/domain/pool.js';
import { formatReport } from '../../src/round/format-report.js';
import { runRound } from '../../src/round/run-round.js';
import { smallPool } from './support/small-pool.js';
import { mentor, participant, pool } from './support/factories.js';

/** Titles: the first line, and every line after a blank one. */
const sections = (text: string) => text.split('\n').filter((line, i, lines) => i === 0 || lines[i - 1] === '');

describe('formatReport', () => {
  it('gives a coordinator the summary, why people are unplaced, the plan, resource use and totals, in that order', async () => {
    const { report } = await runRound(Pool.parse(smallPool()));
    const text = formatReport(report);
    expect(sections(text)).toEqual([
      'Round on pool "small round" (reference date 2026-01-15)',
      'Why 1 participant is unplaced (participants per kind and reason)',
      'Assignments (2 participants with at least one resource; score = sum of the weighted features shown)',
      'Unplaced participants (1): why, per kind of resource',
      'Resource use (used/capacity, * = full)',
      'Totals by region (where each participant will live)',
      'Totals by kind',
      'Totals by priority group',
    ]);
    expect(text).toMatch(/\nmentor +1 +0 +0 +ageRange 1, relocation 1\n/);
    expect(text).toContain('mentor: 2 resources, 2 of 3 used (66.7 %), 1 full\n  Bretagne   m-bzh 1/2\n  Occitanie  m-occ 1/1*\n');
    expect(text).toMatch(/\nwomen_with_children +1 +1 +100\.0 %\n$/);
  });

  it('leaves out housing refusals of someone who needs no housing, but keeps their other kinds', async () => {
    const { report } = await runRound(Pool.parse(smallPool()));
    const chen = formatReport(report).split('chen  Occitanie\n')[1]!.split('\n\n')[0]!;
    expect(chen.split('\n').map((line) => line.trim().split(' ')[0])).toEqual(['mentor', 'training', 'opening']);
  });

  it('shows only the conflicting constraints when a round has no plan', async () => {
    const pool = Pool.parse({
      ...smallPool(),
      overrides: [{ participant: 'amina', resource: 'm-occ', action: 'require' }, { participant: 'bilal', resource: 'm-occ', action: 'require' }],
    });
    const { report } = await runRound(pool);
    const text = formatReport(report);
    expect(text).toContain('status     infeasible: no plan satisfies every constraint\n');
    expect(text).toContain('Constraints that cannot all hold:\n  - require override: amina → m-occ\n  - require override: bilal → m-occ\n  - caseload cap of mentor m-occ (capacity 1)\n');
    expect(text).not.toContain('Assignments');
  });

  it('tells an unplaced participant of a pruned round which eligible places with room were never weighed', async () => {
    // Everyone's best mentor is the first, of their sector; the other three keep their best two, the
    // same two people. One of those three stays empty, and nobody else ever had it as a candidate.
    const five = [1, 2, 3, 4, 5].map((i) => participant({ id: `p${i}`, sectorWishes: ['G'] }));
    const mentors = [1, 2, 3, 4].map((i) => mentor({ id: `m${i}`, caseloadCap: 1, ...(i === 1 ? { sectors: ['G'] } : {}) }).item);
    const { report } = await runRound(pool({ participants: five, mentors, policy: { candidatesPerKind: 1 } }));
    const unplaced = report.participants.filter((p) => !p.placed);
    expect(unplaced).toHaveLength(2);
    for (const person of unplaced) expect(person.missing.find((m) => m.kind === 'mentor')).toMatchObject({ reason: 'not_selected', roomNotConsidered: 1 });
    expect(formatReport(report)).toContain(
      'mentor    not chosen: 1 of the 4 eligible had room but were not among the candidates kept (policy.candidatesPerKind); the plan is better (or only possible) without the others');
  });

  it('says what "optimal" is relative to when the policy keeps only the best K candidates', async () => {
    const full = await runRound(Pool.parse(smallPool()));
    expect(formatReport(full.report)).toMatch(/\nstatus {5}optimal \(gap 0\.000 %\)\n/);
    // Five participants for two mentors of one place: each mentor keeps its best two, and the
    // other three keep only their best one.
    const five = [1, 2, 3, 4, 5].map((i) => participant({ id: `p${i}` }));
    const mentors = [mentor({ id: 'm1', caseloadCap: 1 }).item, mentor({ id: 'm2', caseloadCap: 1 }).item];
    const pruned = await runRound(pool({ participants: five, mentors, policy: { candidatesPerKind: 1 } }));
    const { eligiblePairs, considered } = pruned.report.candidates;
    expect(considered).toBeLessThan(eligiblePairs);
    expect(formatReport(pruned.report)).toMatch(new RegExp(
      `status {5}optimal, among each participant's best 1 per kind and each resource's best 2 per place \\(${considered} of ${eligiblePairs} eligible pairs; the optimum over all of them is at most \\d+\\.\\d{3} % higher\\) \\(gap 0\\.000 %\\)\n`));
    expect([considered, eligiblePairs]).toEqual([7, 10]);
    // A national-size round says that its candidates were chosen at the resources' prices.
    const { everyPairBound: _, ...counts } = pruned.report.candidates;
    const priced = { ...pruned.report, candidates: { ...counts, pricingRounds: 2 } };
    expect(formatReport(priced)).toContain(
      `status     optimal, among each participant's best 1 per kind at the resources' prices (2 pricing rounds), each resource's best 2 per place, the relaxation's plan and the best 12 for each place it leaves (7 of 10 eligible pairs) (gap 0.000 %)\n`);
  });
});
