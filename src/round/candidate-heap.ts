/**
 * The best `limit` (score, participant) offered so far, as a binary min-heap on the worst
 * kept: a national training session sees thousands of eligible participants and keeps 24,
 * so most offers stop at one comparison with the root.
 */
export class CandidateHeap {
  private readonly scores: number[] = [];
  readonly participants: number[] = [];

  offer(score: number, participant: number, limit: number): void {
    if (this.scores.length < limit) {
      this.scores.push(score);
      this.participants.push(participant);
      this.up(this.scores.length - 1);
    } else if (this.worse(0, score, participant)) {
      this.scores[0] = score;
      this.participants[0] = participant;
      this.down(0);
    }
  }

  /** Whether the entry at i ranks below (score, participant): lower score, or equal and listed later. */
  private worse(i: number, score: number, participant: number): boolean {
    const s = this.scores[i]!;
    return s < score || (s === score && this.participants[i]! > participant);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, this.scores[parent]!, this.participants[parent]!)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.scores.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, this.scores[worst]!, this.participants[worst]!)) worst = left;
      if (right < n && this.worse(right, this.scores[worst]!, this.participants[worst]!)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    [this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!];
    [this.participants[i], this.participants[j]] = [this.participants[j]!, this.participants[i]!];
  }
}
