import type { RoundReportHeader } from '../../db/repositories/rounds.js';
import { encodeReport } from '../../db/repositories/stored-report.js';
import type { RoundOutcome } from '../../round/types.js';

/**
 * What a round solve sends back from its thread: the plan, the report's header, and the rest
 * already encoded as the store keeps it. A national round's report is 63 MB of JSON; copying
 * its objects to the main thread and encoding them there stalled every request for seconds.
 */
export interface RoundComputed {
  result: RoundOutcome['result'];
  header: RoundReportHeader;
  /** The whole report, as the store keeps it (encodeReport). */
  reportGzip: Uint8Array<ArrayBuffer>;
  /** Each assignment's score breakdown as JSON, in the order of `result.assignments`. */
  breakdowns: string[];
}

export function encodeOutcome({ result, report }: Pick<RoundOutcome, 'result' | 'report'>): RoundComputed {
  const { participants, resources: _resources, ...header } = report;
  const byPair = new Map(participants.flatMap((p) => p.assignments.map((a) => [`${p.participant}\u0000${a.resource}`, a.breakdown] as const)));
  const breakdowns = result.assignments.map((a) => JSON.stringify(byPair.get(`${a.participant}\u0000${a.resource}`) ?? {}));
  return { result, header, reportGzip: encodeReport(report), breakdowns };
}
