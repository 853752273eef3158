import type { ResourceKind } from '../../solver/problem.js';
import type { MissingKind, ParticipantReport, RoundReport } from './report.js';
import { count, firstFew, table, truncate } from './format-table.js';

/** Kinds that place someone; housing only follows a placement. */
const placingKinds: readonly ResourceKind[] = ['mentor', 'training', 'opening'];
/** Rules whose housing refusals only say "this person needs no housing here". */
const noHousingNeeded = new Set(['housingNeed', 'relocation']);

/** The missing kinds worth a coordinator's attention: housing only when someone could have needed it. */
export function relevantMissing(participant: ParticipantReport): MissingKind[] {
  return participant.missing.filter((m) => m.kind !== 'housing' || m.reason !== 'no_eligible_resource'
    || (m.refusalsByRule ?? []).some((r) => !noHousingNeeded.has(r.rule)));
}

/** The example a line shows: the most frequent rule other than relocation, whose message says most. */
function telling(missing: MissingKind) {
  const rules = missing.refusalsByRule ?? [];
  const rule = rules.find((r) => r.rule !== 'relocation') ?? rules[0];
  return rule?.examples[0];
}

/** "all 3 eligible full: h-1, h-2, h-3", or, when some have room but not enough, says which and what is needed. */
function capacityLine(missing: MissingKind, eligible: number): string {
  const tooSmall = missing.tooSmallResources ?? [];
  if (tooSmall.length === 0) return `${eligible === 1 ? 'the only eligible one is full' : `all ${eligible} eligible full`}: ${firstFew(missing.fullResources, eligible)}`;
  const small = new Set(tooSmall);
  const full = missing.fullResources.filter((id) => !small.has(id));
  const what = `too small for a household of ${missing.needs ?? 0}`;
  if (full.length === 0) return `${eligible === 1 ? `the only eligible one has room left, but ${what}` : `all ${eligible} eligible have room left, but ${what}`}: ${firstFew(tooSmall, tooSmall.length)}`;
  return `all ${eligible} eligible full or ${what}: full ${firstFew(full, full.length)}; ${what}: ${firstFew(tooSmall, tooSmall.length)}`;
}

/** Eligible resources had room: the plan did without them, or (pruned rounds) never had them to weigh. */
function notChosenLine(missing: MissingKind, eligible: number): string {
  const unseen = missing.roomNotConsidered ?? 0;
  if (unseen === 0) return `not chosen: ${eligible} eligible with room, but the plan is better (or only possible) without`;
  const kept = 'not among the candidates kept (policy.candidatesPerKind)';
  return `not chosen: ${unseen} of the ${eligible} eligible had room but were ${kept}; the plan is better (or only possible) without the others`;
}

/** One line: why this participant got no resource of this kind. */
export function describeMissing(missing: MissingKind): string {
  const eligible = missing.eligibleResources ?? 0;
  if (missing.reason === 'capacity') return capacityLine(missing, eligible);
  if (missing.reason === 'not_selected') return notChosenLine(missing, eligible);
  const rules = (missing.refusalsByRule ?? []).map((r) => `${r.rule} ${r.count}`).join(', ');
  const example = telling(missing);
  if (!example) return 'none in the pool';
  return `none eligible (${rules}), e.g. ${example.resource}: ${truncate(example.message)}`;
}

/** Per participant: each missing kind on its own line. */
export function unplacedList(report: RoundReport): string[] {
  const unplaced = report.participants.filter((p) => !p.placed);
  if (unplaced.length === 0) return [];
  const lines = ['', `Unplaced participants (${unplaced.length}): why, per kind of resource`];
  for (const p of unplaced) {
    lines.push(`${p.participant}${p.region ? `  ${p.region}` : ''}`);
    for (const m of relevantMissing(p)) lines.push(`  ${m.kind.padEnd(8)}  ${describeMissing(m)}`);
  }
  return lines;
}

function topRules(missing: readonly MissingKind[]): string {
  const participants = new Map<string, number>();
  for (const m of missing) for (const r of m.refusalsByRule ?? []) participants.set(r.rule, (participants.get(r.rule) ?? 0) + 1);
  return [...participants].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([rule, n]) => `${rule} ${n}`).join(', ');
}

/** Across unplaced participants: how many lacked each kind, for which reason, and the rules behind it. */
export function unplacedSummary(report: RoundReport): string[] {
  const unplaced = report.participants.filter((p) => !p.placed);
  if (unplaced.length === 0) return [];
  const rows = placingKinds.filter((kind) => report.resources.some((r) => r.kind === kind)).map((kind) => {
    const missing = unplaced.flatMap((p) => p.missing.filter((m) => m.kind === kind));
    const tally = (reason: MissingKind['reason']) => String(missing.filter((m) => m.reason === reason).length);
    const refused = missing.filter((m) => m.reason === 'no_eligible_resource');
    return [kind, tally('no_eligible_resource'), tally('capacity'), tally('not_selected'), topRules(refused)];
  });
  return [
    '', `Why ${unplaced.length === 1 ? '1 participant is' : `${unplaced.length} participants are`} unplaced (participants per kind and reason)`,
    ...table(['kind', 'none eligible', 'all full', 'not chosen', 'rules that refused them (participants)'], rows, [1, 2, 3]),
  ];
}
