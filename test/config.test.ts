import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('the service configuration read at start-up', () => {
  it('takes the defaults from an empty environment, without a models directory', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.OUTCOME_MODELS_DIR).toBeUndefined();
  });

  it('accepts an OUTCOME_MODELS_DIR that is a directory', () => {
    const directory = mkdtempSync(join(tmpdir(), 'models-'));
    expect(loadConfig({ OUTCOME_MODELS_DIR: directory }).OUTCOME_MODELS_DIR).toBe(directory);
  });

  it('refuses an OUTCOME_MODELS_DIR that does not exist or is a file, naming the variable', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'models-')), 'model.json');
    writeFileSync(file, '{}');
    for (const value of ['/no/such/models', file]) {
      expect(() => loadConfig({ OUTCOME_MODELS_DIR: value })).toThrow(
        'invalid configuration:\n  OUTCOME_MODELS_DIR: must be an existing directory (the outcome models a policy names are read from it)',
      );
    }
  });

  it('names every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', OUTCOME_MODELS_DIR: '/no/such/models' })).toThrow(/PORT: .*\n  OUTCOME_MODELS_DIR: must be an existing directory/);
  });
});
