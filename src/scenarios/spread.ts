/**
 * Splits `amount` whole units over resources in proportion to `weights` (their free capacity):
 * each gets ⌊amount·wᵢ/W⌋, and the units left go one each to the largest remainders, ties to
 * the earlier resource. With amount ≤ W no share exceeds its weight, since amount·wᵢ/W ≤ wᵢ and
 * a remainder only exists when that quotient is below wᵢ: a removal never goes below zero.
 * When every weight is zero the split is even.
 */
export function spreadProportionally(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const basis = total > 0 ? weights : weights.map(() => 1);
  const basisTotal = total > 0 ? total : weights.length;
  const exact = basis.map((w) => (amount * w) / basisTotal);
  const shares = exact.map(Math.floor);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index]! += 1;
    left -= 1;
  }
  return shares;
}
