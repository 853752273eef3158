import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { Outcome } from '../../src/domain/outcome.js';
import { crossValidate, foldsOf, outOfFold } from '../../src/outcomes/cross-validation.js';
import { featureMatrix, featureNames } from '../../src/outcomes/feature-set.js';
import { standardisationOf } from '../../src/outcomes/logistic.js';
import { parseHistoryCsv } from '../../src/outcomes/history-import.js';
import { readFileSync } from 'node:fs';
import { auc } from '../../src/outcomes/metrics.js';
import { SeededRandom } from '../../src/outcomes/seeded-random.js';
import { fitOutcomeModel, predictOutcomes } from '../../src/outcomes/train.js';

const fixture = parseHistoryCsv(readFileSync('fixtures/outcomes/history.csv', 'utf8'), 'fixture');

/** A history of `people.length` participants, the i-th with people[i] records. */
function historyOf(people: readonly number[]): Outcome[] {
  const template = fixture[0]!;
  return people.flatMap((records, person) => Array.from({ length: records }, (_, r) => ({
    ...template, id: `O-${person}-${r}`, participantId: `P-${person}`,
  })));
}

describe('cross-validation folds', () => {
  it('on the fixture: every record is tested exactly once, and never trained on in its own fold', () => {
    const folds = foldsOf(fixture, 5, 1);
    expect(folds).toHaveLength(5);
    const tested = folds.flatMap((f) => f.test).sort((a, b) => a - b);
    expect(tested).toEqual(fixture.map((_, i) => i));
    for (const { train, test } of folds) {
      const inTest = new Set(test);
      expect(train.some((i) => inTest.has(i))).toBe(false);
      expect(train.length + test.length).toBe(fixture.length);
    }
  });

  it('keeps all records of one participant in the same fold (some have two placements)', () => {
    expect(new Set(fixture.map((o) => o.participantId)).size).toBeLessThan(fixture.length);
    for (const { train, test } of foldsOf(fixture, 5, 1)) {
      const testedPeople = new Set(test.map((i) => fixture[i]!.participantId));
      expect(train.filter((i) => testedPeople.has(fixture[i]!.participantId))).toEqual([]);
    }
  });

  it('holds for any history and any k: disjoint, covering, people never split', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 7 }), fc.integer(), (people, k, seed) => {
      const history = historyOf(people);
      const folds = foldsOf(history, k, seed);
      expect(folds.length).toBe(Math.min(k, people.length));
      expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(history.map((_, i) => i));
      for (const { train, test } of folds) {
        const testedPeople = new Set(test.map((i) => history[i]!.participantId));
        expect(train.every((i) => !testedPeople.has(history[i]!.participantId))).toBe(true);
        expect(train.length + test.length).toBe(history.length);
      }
    }), { numRuns: 60 });
  });

  it('gives the same folds for the same seed, and other folds for another', () => {
    expect(foldsOf(fixture, 5, 3)).toEqual(foldsOf(fixture, 5, 3));
    expect(foldsOf(fixture, 5, 3)[0]!.test).not.toEqual(foldsOf(fixture, 5, 4)[0]!.test);
  });

  it('judges on records the fold did not learn from: on pure noise the fit looks good in sample and not out of fold', () => {
    const random = new SeededRandom(1);
    const noise = fixture.slice(0, 300).map((o) => ({ ...o, inWorkOrTraining: random.chance(0.5) }));
    const labels = noise.map((o) => (o.inWorkOrTraining ? 1 : 0));
    const inSample = auc(predictOutcomes(fitOutcomeModel(noise, { lambda: 0.01 }), noise), labels);
    const cv = crossValidate(noise, 5, { lambda: 0.01, seed: 1 });
    expect(inSample).toBeGreaterThan(0.6);
    expect(cv.auc).toBeLessThan(0.58);
    expect(cv.foldAuc).toHaveLength(5);
  });

  it('fits the standardisation of each fold on its training records only', () => {
    const history = fixture.slice(0, 1000);
    const folds = foldsOf(history, 5, 1);
    // Make the first test fold stand out: if its records leaked into the standardisation, the ages' mean would move by years.
    const inFirstTest = new Set(folds[0]!.test);
    const edited = history.map((o, i) => (inFirstTest.has(i) ? { ...o, age: 85 } : o));
    const { folds: used, models } = outOfFold(edited, 5, { seed: 1 });
    expect(used).toEqual(folds);
    const age = featureNames.indexOf('age');
    used.forEach(({ train }, f) => {
      const expected = standardisationOf(featureMatrix(train.map((i) => edited[i]!)));
      models[f]!.coefficients.forEach((c, j) => {
        expect(c.mean).toBeCloseTo(expected.means[j]!, 12);
        expect(c.scale).toBeCloseTo(expected.scales[j]!, 12);
      });
    });
    const everyone = standardisationOf(featureMatrix(edited));
    expect(everyone.means[age]! - models[0]!.coefficients[age]!.mean).toBeGreaterThan(5);
  });
});
