import type { PairRule } from './types.js';

/**
 * One participant's verdicts by resource class (resource-classes.ts): the pair rules and the
 * bridge search run once per class, not once per resource: on the national pool a
 * participant's 850 pairs past the date rules take 89 verdicts (8.5 million pairs, 886,000
 * verdicts). Verdicts are stamped with the participant's serial, so moving to the next
 * participant forgets them all without clearing anything.
 */
export class VerdictCache {
  private readonly stamp: Int32Array;
  private readonly refusals: (PairRule | null)[];
  private readonly bridges: (number[] | null)[];
  private serial = 0;

  constructor(private readonly classOf: Int32Array, count: number) {
    this.stamp = new Int32Array(count);
    this.refusals = new Array<PairRule | null>(count).fill(null);
    this.bridges = new Array<number[] | null>(count).fill(null);
  }

  nextParticipant(): void {
    this.serial++;
  }

  known(position: number): boolean {
    return this.stamp[this.classOf[position]!] === this.serial;
  }

  /** `refusedBy`: the rule that refuses the class, or null; `through`: the trainings that bridge to an opening of the class, or null. */
  store(position: number, refusedBy: PairRule | null, through: number[] | null): void {
    const number = this.classOf[position]!;
    this.stamp[number] = this.serial;
    this.refusals[number] = refusedBy;
    this.bridges[number] = through;
  }

  refusedBy(position: number): PairRule | null {
    return this.refusals[this.classOf[position]!] ?? null;
  }

  through(position: number): number[] | null {
    return this.bridges[this.classOf[position]!] ?? null;
  }
}
