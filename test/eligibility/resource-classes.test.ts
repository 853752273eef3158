import { describe, it, expect } from 'vitest';
import { evaluatePool } from '../../src/eligibility/evaluate.js';
import { eligibilityContext } from '../../src/eligibility/facts.js';
import { indexPool } from '../../src/eligibility/pool-index.js';
import { resourceClasses } from '../../src/eligibility/resource-classes.js';
import { allRules, pairRules } from '../../src/eligibility/rules.js';
import { pairRule } from '../../src/eligibility/types.js';
import { Pool } from '../../src/domain/pool.js';
import { syntheticPool } from '../../fixtures/generator/synthetic/pool.js';
import { randomPool } from '../round/support/random-pool.js';
import { housing, mentor, participant, pool } from '../round/support/factories.js';

const ids = (result: ReturnType<typeof evaluatePool>, positions: ArrayLike<number>) => Array.from(positions, (i) => result.index.resources[i]!.item.id);

function classesOf(subject: Pool) {
  const index = indexPool(subject);
  const rules = index.resources.map((resource) => pairRules.filter((rule) => rule.appliesTo(resource)));
  return { index, ...resourceClasses(index.resources, rules) };
}

describe('resource classes', () => {
  it.each([
    ['a random pool', randomPool(7, { participants: 40, mentors: 30, trainings: 20, openings: 25, housing: 30 }), 0.9],
    ['a generated pool', Pool.parse(syntheticPool({ participants: 400, seed: 5 })), 0.7],
  ])('put together only resources that every rule judges alike for every participant, on %s', (_name, subject, share) => {
    const { index, classOf, count } = classesOf(subject);
    expect(count).toBeLessThan(index.resources.length * share);
    const members = new Map<number, number[]>();
    classOf.forEach((number, position) => members.set(number, [...(members.get(number) ?? []), position]));
    for (const p of subject.participants) {
      const context = eligibilityContext(p, subject.referenceDate, index.regions);
      for (const positions of members.values()) {
        const [first, ...rest] = positions.map((position) => index.resources[position]!);
        for (const other of rest) {
          expect(other.kind).toBe(first!.kind);
          expect(other.item.region).toBe(first!.item.region);
          for (const rule of allRules.filter((r) => r.rule !== 'resourceOpen' && r.rule !== 'availability')) {
            expect(rule.refuses(p, other, context), `${rule.rule}: ${first!.item.id} and ${other.item.id}`).toBe(rule.refuses(p, first!, context));
          }
        }
      }
    }
  });

  it('keep apart resources that differ in what a rule reads', () => {
    const { classOf } = classesOf(pool({
      mentors: [mentor({ id: 'a', gender: 'female' }).item, mentor({ id: 'b', gender: 'female' }).item, mentor({ id: 'c', gender: 'male' }).item],
      housingUnits: [housing({ id: 'h1', eligibility: { maxAge: 30 } }).item, housing({ id: 'h2', eligibility: { maxAge: 31 } }).item],
    }));
    const [a, b, c, h1, h2] = classOf;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(h1).not.toBe(h2);
  });

  it('keep each resource on its own under a rule that does not say what it reads', () => {
    const anyMentor = pairRule('byId', () => false, () => '');
    const two = pool({ mentors: [mentor({ id: 'a' }).item, mentor({ id: 'b' }).item] });
    const index = indexPool(two);
    expect(resourceClasses(index.resources, index.resources.map(() => [anyMentor])).count).toBe(2);
  });
});

describe('evaluatePool with resources of one class', () => {
  it('gives them one verdict but each its own dates and its own examples', () => {
    const needs = { needed: true, sharedAcceptable: true };
    const p = participant({ birthYear: 1990, availableFrom: '2026-01-10', housing: needs });
    const units = ['u1', 'u2', 'u3', 'u4', 'u5'].map((id, i) => housing({ id, eligibility: { maxAge: 30 }, availableFrom: i === 2 ? '2027-06-01' : '2026-01-01' }).item);
    const mentors = [mentor({ id: 'm1' }).item, mentor({ id: 'm2' }).item];
    const result = evaluatePool(pool({ participants: [p, participant({ id: 'young', birthYear: 2000, availableFrom: '2026-01-10', housing: needs })], housingUnits: units, mentors }));
    const [older, younger] = result.participants;
    expect(older!.byKind.housing.refusals.map((r) => [r.rule, r.count, r.examples.map((e) => e.resource)])).toEqual([
      ['ageRange', 4, ['u1', 'u2', 'u4']],
      ['availability', 1, ['u3']],
    ]);
    expect(ids(result, younger!.byKind.housing.eligible)).toEqual(['u1', 'u2', 'u4', 'u5']);
    expect(ids(result, older!.byKind.mentor.eligible)).toEqual(['m1', 'm2']);
  });
});
