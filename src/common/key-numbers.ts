/**
 * Numbers distinct keys 0, 1, 2, … in the order they are first met: resources that a rule or
 * the scorer reads alike get one number, and per-number arrays replace per-resource work.
 */
export class KeyNumbers {
  private readonly numbers = new Map<string, number>();

  of(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) this.numbers.set(key, (number = this.numbers.size));
    return number;
  }

  get count(): number {
    return this.numbers.size;
  }
}
