import { describe, it, expect } from 'vitest';
import { Pool, type PoolInput } from '../../src/domain/pool.js';
import { formatIssues } from '../../src/cli/errors.js';
import { smallPool } from '../round/support/small-pool.js';

/** The lines a coordinator reads for a pool, or '' when it is valid. */
function problems(edit: (pool: PoolInput) => void): string {
  const pool = smallPool();
  edit(pool);
  const parsed = Pool.safeParse(pool);
  return parsed.success ? '' : formatIssues(parsed.error.issues);
}

describe('Pool', () => {
  it('accepts the hand-made pool, with overrides and bridges that name existing items', () => {
    expect(problems((p) => {
      p.overrides = [{ participant: 'amina', resource: 'm-occ', action: 'require' }];
      p.openings![0]!.bridgeTrainings = ['fle-occ'];
    })).toBe('');
  });

  it('refuses a resource id used by two resources of different kinds, naming both places', () => {
    expect(problems((p) => { p.trainingSessions![0]!.id = 'm-occ'; }))
      .toBe('  trainingSessions[0].id: duplicate id "m-occ" (already used at mentors[0])');
  });

  it('refuses a mentor whose current caseload is above the cap, instead of treating it as no room', () => {
    expect(problems((p) => { p.mentors![0]!.currentCaseload = 5; p.mentors![0]!.caseloadCap = 3; }))
      .toBe('  mentors[0].caseloadCap: must be at least the current caseload (5)');
  });

  it('refuses a misspelt field anywhere in the pool, suggesting the field it was meant to be, instead of dropping it', () => {
    expect(problems((p) => {
      Object.assign(p.participants[0]!, { homeRegoin: 'Occitanie' });
      Object.assign(p.mentors![0]!.eligibility ??= {}, { maxage: 30 });
      Object.assign(p.policy ??= {}, { wieghts: {} });
      Object.assign(p.participants[1]!, { favouriteColour: 'blue' });
    })).toBe([
      '  participants[0]: unknown field "homeRegoin" (did you mean "homeRegion"?)',
      '  participants[1]: unknown field "favouriteColour"',
      '  mentors[0].eligibility: unknown field "maxage" (did you mean "maxAge"?)',
      '  policy: unknown field "wieghts" (did you mean "weights"?)',
    ].join('\n'));
  });

  it('lets a participant and a resource share an id: they are two namespaces', () => {
    expect(problems((p) => { p.participants[0]!.id = 'm-occ'; })).toBe('');
  });

  it('refuses a bridge to a resource that is not a training session, or to nothing', () => {
    expect(problems((p) => { p.openings![0]!.bridgeTrainings = ['flat-bzh', 'fle-bzh']; })).toBe([
      '  openings[0].bridgeTrainings[0]: "flat-bzh" is a housing unit, not a training session: only a training can bridge to an opening',
      '  openings[0].bridgeTrainings[1]: unknown training session "fle-bzh"',
    ].join('\n'));
  });

  it('refuses overrides that name an unknown participant or resource, or an unknown action', () => {
    expect(problems((p) => { p.overrides = [{ participant: 'zoe', resource: 'desk-1', action: 'require' }]; })).toBe([
      '  overrides[0].participant: unknown participant "zoe"',
      '  overrides[0].resource: unknown resource "desk-1" (no mentor, training session, opening or housing unit has this id)',
    ].join('\n'));
    expect(problems((p) => { p.overrides = [{ participant: 'amina', resource: 'm-occ', action: 'prefer' as 'require' }]; }))
      .toBe('  overrides[0].action: Invalid option: expected one of "require"|"forbid"');
  });

  it('refuses a section it does not know, such as a kind of resource that does not exist or a misspelt one', () => {
    expect(problems((p) => { Object.assign(p, { coaches: [], mentor: [] }); })).toBe(
      '  (file): unknown section "coaches", "mentor": a pool has name, description, referenceDate, participants, mentors, '
      + 'trainingSessions, employers, openings, housingUnits, policy, overrides',
    );
  });

  it('refuses an opening whose employer is not listed', () => {
    expect(problems((p) => { p.openings![0]!.employerId = 'e-occ'; })).toBe('  openings[0].employerId: unknown employer "e-occ"');
  });
});
