import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crossFit, recordedHistory } from '../../src/outcomes/cross-fit.js';
import { parseHistoryCsv } from '../../src/outcomes/history-import.js';
import { loadOutcomeModel } from '../../src/outcomes/model-file.js';
import { predictOutcomes } from '../../src/outcomes/train.js';

describe('cross-fitting the outcome model for evaluate', () => {
  const history = parseHistoryCsv(readFileSync('fixtures/outcomes/history.csv', 'utf8'), 'fixture');

  it('fits one model per half of the history, the halves split by participant and disjoint', () => {
    const [a, b] = crossFit(history, 1, 1);
    expect([a.name, b.name]).toEqual(['A', 'B']);
    expect(a.records + b.records).toBe(history.length);
    expect(a.model.training.records).toBe(a.records);
    expect(b.model.training.records).toBe(b.records);
    expect(a.participants + b.participants).toBe(new Set(history.map((o) => o.participantId)).size);
    expect(Math.abs(a.records - b.records)).toBeLessThan(history.length * 0.05);
    // Two models, not one: they disagree on the same records.
    const [pa, pb] = [predictOutcomes(a.model, history.slice(0, 50)), predictOutcomes(b.model, history.slice(0, 50))];
    expect(pa.some((p, i) => Math.abs(p - pb[i]!) > 0.01)).toBe(true);
    expect(a.model.lambda).toBe(1);
  });

  it('gives the same halves for the same seed', () => {
    expect(crossFit(history, 1, 3)[0].model).toEqual(crossFit(history, 1, 3)[0].model);
  });

  it('finds the history a model file records, relative to the model file', () => {
    const committed = loadOutcomeModel('fixtures/outcomes/model.json');
    expect(committed.training.history).toBe('history.csv');
    expect(recordedHistory(committed, 'fixtures/outcomes/model.json')).toBe(resolve('fixtures/outcomes/history.csv'));
    expect(recordedHistory({ ...committed, training: { ...committed.training, history: undefined } }, join('x', 'm.json'))).toBeUndefined();
  });
});
