import type { Comparison, SplitComparison, StrategyOutcome } from './gain.js';

const signed = (v: number | null) => (v === null ? '-' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} %`);
const count = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Said in every table: the figure counts nobody without a placement unless told to. */
function unplacedAssumption(rate: number): string {
  return rate === 0
    ? 'a participant without a placement counts as not in work (--unplaced-rate 0)'
    : `a participant without a placement counts as in work with probability ${rate} (--unplaced-rate), in every strategy alike`;
}

function whoOptimisedAndJudged(splits: readonly SplitComparison[]): string[] {
  if (splits.length === 1) {
    const [s] = splits;
    return [`(c) optimised with ${s!.optimisedBy}; every plan judged by ${s!.circular ? 'that same model' : s!.judgedBy}`];
  }
  return splits.map((s, i) => `split ${i + 1}: (c) optimised with ${s.optimisedBy}; every plan judged by ${s.judgedBy}`);
}

function table(rows: readonly StrategyOutcome[], circular: boolean): string[] {
  const labels = rows.map((r, i) => `(${String.fromCharCode(97 + i)}) ${r.strategy}${r.status && r.status !== 'optimal' ? ` [${r.status}]` : ''}`);
  const width = Math.max('strategy'.length, ...labels.map((l) => l.length));
  const columns = ['placed', 'expected in work', 'gain vs (a)', 'per placed', 'gain per placed'];
  const lines = [`  ${'strategy'.padEnd(width)}  ${columns.join('  ')}`];
  rows.forEach((r, i) => {
    const cells = [count(r.placed), r.expectedInWork.toFixed(1), signed(r.gain), r.perPlaced === null ? '-' : r.perPlaced.toFixed(3), signed(r.gainPerPlaced)];
    lines.push(`  ${labels[i]!.padEnd(width)}  ${cells.map((c, k) => c.padStart(columns[k]!.length)).join('  ')}`);
  });
  if (circular) {
    lines.push('  ! warning: (c) is judged by the model it was optimised with, which credits the very pairs it overrates, so (c)\'s gain is overstated;'
      + ' cross-fit instead (--history, or a model file that records its history), or use --judge ground-truth on the synthetic fixture');
  }
  return lines;
}

/** The comparison of the three strategies: who optimised (c) and who judged, each gain over (a), and the assumption on the unplaced. */
export function formatGainTable(pool: string, comparison: Comparison): string {
  const { splits } = comparison;
  const lines = [
    `pool ${pool}: ${comparison.participants} participants`,
    ...whoOptimisedAndJudged(splits),
    `expected number in work or training 6 months after placement${splits.length > 1 ? `, mean of the ${splits.length} splits` : ''}; ${unplacedAssumption(comparison.unplacedRate)}`,
    ...table(comparison.strategies, splits.some((s) => s.circular)),
  ];
  if (splits.length > 1) {
    const bySplit = splits.map((s, i) => `split ${i + 1}: ${s.strategies.map((r, k) => `(${String.fromCharCode(97 + k)}) ${r.expectedInWork.toFixed(1)}`).join(', ')} (${signed(s.strategies[2]!.gain)})`);
    lines.push(`  expected in work by split: ${bySplit.join('; ')}`);
  }
  return lines.join('\n');
}
