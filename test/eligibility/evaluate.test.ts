import { describe, it, expect } from 'vitest';
import { evaluatePool, roundReferenceDate } from '../../src/eligibility/evaluate.js';
import { allRules, checkPair } from '../../src/eligibility/rules.js';
import { eligibilityContext } from '../../src/eligibility/facts.js';
import { indexPool } from '../../src/eligibility/pool-index.js';
import { randomPool } from '../round/support/random-pool.js';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { Pool } from '../../src/domain/pool.js';
import { contextFor, housing, mentor, opening, participant, pool, training } from '../round/support/factories.js';

const ids = (result: ReturnType<typeof evaluatePool>, positions: ArrayLike<number>) => Array.from(positions, (i) => result.index.resources[i]!.item.id);

describe('evaluatePool', () => {
  it('bridges an opening above the participant\'s level through an eligible language session', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'A2' }] });
    const fle = training({ id: 'fle', kind: 'language', cefrEntry: { min: 'A1', max: 'A2' }, cefrExit: 'B1' });
    const job = opening({ id: 'job', minCefr: 'B1' });
    const result = evaluatePool(pool({ participants: [p], trainingSessions: [fle.item], openings: [job.item] }));
    const mine = result.participants[0]!;
    expect(ids(result, mine.byKind.opening.eligible)).toEqual(['job']);
    expect([...mine.bridges].map(([o, t]) => [result.index.resources[o]!.item.id, ids(result, t)])).toEqual([['job', ['fle']]]);
  });

  it('refuses the opening when the only language session does not admit the participant', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'A2' }], birthYear: 1980 });
    const fle = training({ id: 'fle', kind: 'language', cefrExit: 'B1', eligibility: { maxAge: 25 } });
    const job = opening({ id: 'job', minCefr: 'B1' });
    const result = evaluatePool(pool({ participants: [p], trainingSessions: [fle.item], openings: [job.item] }));
    const refused = result.participants[0]!.byKind.opening;
    expect(Array.from(refused.eligible)).toEqual([]);
    expect(refused.refusals.map((r) => [r.rule, r.count])).toEqual([['minCefr', 1]]);
  });

  it('counts resources in regions the participant does not accept without judging each, keeping a few examples', () => {
    const p = participant({ homeRegion: 'Occitanie' });
    const far = Array.from({ length: 40 }, (_, i) => mentor({ id: `far${i}`, region: i % 2 ? 'Bretagne' : 'Grand Est' }).item);
    const near = mentor({ id: 'near' }).item;
    const result = evaluatePool(pool({ participants: [p], mentors: [...far, near] }));
    const mentors = result.participants[0]!.byKind.mentor;
    expect(ids(result, mentors.eligible)).toEqual(['near']);
    expect(mentors.refusals).toHaveLength(1);
    expect(mentors.refusals[0]!.rule).toBe('relocation');
    expect(mentors.refusals[0]!.count).toBe(40);
    expect(mentors.refusals[0]!.examples).toHaveLength(2);
  });

  it('groups refusals by rule, most frequent first', () => {
    const p = participant({ birthYear: 1990, mentorPreferences: { gender: 'female' } });
    const mentors = [
      mentor({ id: 'm1', gender: 'male' }).item,
      mentor({ id: 'm2', gender: 'male' }).item,
      mentor({ id: 'm3', eligibility: { maxAge: 30 } }).item,
    ];
    const result = evaluatePool(pool({ participants: [p], mentors }));
    expect(result.participants[0]!.byKind.mentor.refusals.map((r) => [r.rule, r.count])).toEqual([['mentorPreferences', 2], ['ageRange', 1]]);
  });

  it('counts to the policy\'s reference date when it sets one', () => {
    const p = participant({ birthYear: 2000 });
    const young = mentor({ eligibility: { maxAge: 26 } }).item;
    const later = pool({ participants: [p], mentors: [young], policy: { referenceDate: '2027-06-01' } });
    expect(roundReferenceDate(later)).toBe('2027-06-01');
    expect(evaluatePool(later).participants[0]!.byKind.mentor.refusals[0]!.examples[0]!.message).toBe('aged 27, the mentor admits up to 26');
  });
});

describe('checkPair', () => {
  it('gives the first refusal of every rule, location first', () => {
    const p = participant({ birthYear: 1960 });
    expect(checkPair(p, housing({ region: 'Bretagne', eligibility: { maxAge: 30 } }), contextFor(p))?.rule).toBe('relocation');
    expect(checkPair(p, housing({ eligibility: { maxAge: 30 } }), contextFor(p))?.rule).toBe('ageRange');
    expect(checkPair(p, housing(), contextFor(p))?.rule).toBe('housingNeed');
    expect(checkPair(p, opening({ minCefr: 'B2' }), contextFor(p))?.rule).toBe('minCefr');
  });
});

describe('evaluatePool with bridges an opening names', () => {
  it('bridges only through the named sessions, and refuses when none of them admits the participant', () => {
    const p = participant({ languages: [{ language: 'fr', level: 'A1' }] });
    const prep = training({ id: 'prep', kind: 'workshop', cefrEntry: { min: 'A0', max: 'A2' } });
    const fle = training({ id: 'fle', kind: 'language', cefrExit: 'B2' });
    const closed = training({ id: 'closed', kind: 'workshop', eligibility: { maxAge: 20 } });
    const job = opening({ id: 'job', minCefr: 'B1', bridgeTrainings: ['prep'] });
    const other = opening({ id: 'other', minCefr: 'B1', bridgeTrainings: ['closed'] });
    const result = evaluatePool(pool({ participants: [p], trainingSessions: [prep.item, fle.item, closed.item], openings: [job.item, other.item] }));
    const mine = result.participants[0]!;
    expect(ids(result, mine.byKind.opening.eligible)).toEqual(['job']);
    expect([...mine.bridges].map(([o, t]) => [result.index.resources[o]!.item.id, ids(result, t)])).toEqual([['job', ['prep']]]);
    expect(mine.byKind.opening.refusals.map((r) => [r.rule, r.examples[0]!.resource])).toEqual([['minCefr', 'other']]);
  });
});

describe('every rule', () => {
  it('explains each refusal it makes in words, says nothing of the pairs it lets through, and never refuses a resource it does not apply to', () => {
    const random = randomPool(5, { participants: 30, mentors: 12, trainings: 10, openings: 15, housing: 12 });
    const index = indexPool(random);
    let refusals = 0;
    for (const p of random.participants) {
      const context = eligibilityContext(p, random.referenceDate, index.regions);
      for (const resource of index.resources) {
        for (const rule of allRules) {
          const reason = rule(p, resource, context);
          expect(reason === null).toBe(!rule.refuses(p, resource, context));
          if (!rule.appliesTo(resource)) expect(reason).toBeNull();
          if (!reason) continue;
          refusals += 1;
          expect(reason.rule).toBe(rule.rule);
          expect(reason.message.length).toBeGreaterThan(10);
        }
      }
    }
    expect(refusals).toBeGreaterThan(100);
  });
});

describe('evaluatePool against checkPair', () => {
  /** For every participant and kind: the eligible resources, and refusals counted by the first rule that refuses. */
  function pairByPair(subject: Pool) {
    const result = evaluatePool(subject);
    const { index } = result;
    subject.participants.forEach((p, i) => {
      const context = eligibilityContext(p, result.referenceDate, index.regions);
      const mine = result.participants[i]!;
      for (const kind of ['mentor', 'training', 'opening', 'housing'] as const) {
        const expected: number[] = [];
        const counts = new Map<string, number>();
        index.resources.forEach((resource, position) => {
          if (resource.kind !== kind) return;
          const reason = checkPair(p, resource, context);
          if (!reason || (reason.rule === 'minCefr' && mine.bridges.has(position))) expected.push(position);
          else counts.set(reason.rule, (counts.get(reason.rule) ?? 0) + 1);
        });
        expect([...mine.byKind[kind].eligible].sort((a, b) => a - b)).toEqual(expected);
        expect(new Map(mine.byKind[kind].refusals.map((r) => [r.rule, r.count]))).toEqual(counts);
      }
    });
    return result;
  }

  it('finds the same eligible pairs and counts the same refusals as judging each pair alone, on a random pool', () => {
    const result = pairByPair(randomPool(11, { participants: 40, mentors: 15, trainings: 12, openings: 20, housing: 15 }));
    expect(result.participants.some((p) => p.bridges.size > 0)).toBe(true);
  });

  it('does the same on a generated pool with closed openings, ended sessions and late resources', () => {
    const generated = Pool.parse(syntheticPool({ participants: 120, seed: 3 }));
    generated.openings.forEach((o, i) => { if (i % 7 === 0) o.status = 'filled'; });
    generated.trainingSessions.forEach((t, i) => { if (i % 9 === 0) Object.assign(t, { startDate: '2020-01-06', endDate: '2020-03-27' }); });
    const result = pairByPair(generated);
    const rules = new Set(result.participants.flatMap((p) => Object.values(p.byKind).flatMap((k) => k.refusals.map((r) => r.rule))));
    for (const rule of ['resourceOpen', 'availability', 'relocation', 'minCefr']) expect(rules).toContain(rule);
  });
});
