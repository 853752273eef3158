import { z } from 'zod';
import { ResourceKind } from '../../solver/problem.js';
import type { Database } from '../db/client.js';
import { loadReport } from '../db/repositories/rounds.js';
import { MissingKind, ParticipantReport, Refusal, RuleRefusals, type ResourceUse } from '../round/report.js';
import { PageQuery, slicePage, type Page } from './page.js';
import { ReadCache } from './read-cache.js';
import { roundRow } from './rounds.js';

const booleanText = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ExplanationQuery = PageQuery.extend({
  /** Only the placed (`true`) or only the unplaced (`false`). */
  placed: booleanText.optional(),
  participant: z.string().min(1).max(64).optional(),
  /** `examples` (default when listing): at most 3 refusals per missing kind; `all`: every stored example (a few per rule). Counts by rule come with both. */
  refusals: z.enum(['examples', 'all']).optional(),
}).strict();
export type ExplanationQuery = z.infer<typeof ExplanationQuery>;

export const ResourceUseQuery = PageQuery.extend({
  kind: ResourceKind.optional(),
  /** Only the resources with no room left (`true`) or with room (`false`). */
  full: booleanText.optional(),
}).strict();
export type ResourceUseQuery = z.infer<typeof ResourceUseQuery>;

/**
 * Pages of explanations and of resource use as they were last built. Screens poll the same page;
 * at national size a page of 50 explanations is 130 kB to build and encode, and the stored
 * report does not change between solves. Every write still makes each page be built again.
 */
const recentPages = new ReadCache<Page<ParticipantExplanation> | Page<ResourceUse>>(64);

/** The last solve's explanation per participant: what each got with its score breakdown, and why the rest was not given. */
export function listExplanations(db: Database, roundId: string, query: ExplanationQuery): Promise<Page<ParticipantExplanation>> {
  return recentPages.get(db, `participants|${roundId}|${JSON.stringify(query)}`, () => explanationPage(db, roundId, query)) as Promise<Page<ParticipantExplanation>>;
}

async function explanationPage(db: Database, roundId: string, query: ExplanationQuery): Promise<Page<ParticipantExplanation>> {
  const report = await loadReport(db.prisma, await roundRow(db.prisma, roundId));
  const chosen = (report?.participants ?? []).flatMap((p, i) => ((query.placed === undefined || p.placed === query.placed)
    && (query.participant === undefined || p.participant === query.participant) ? [i] : []));
  const result = slicePage(chosen, query.limit, query.offset);
  const every = query.refusals === 'all' || (query.refusals === undefined && query.participant !== undefined);
  const shown = every ? Number.POSITIVE_INFINITY : refusalExamples;
  return { ...result, items: result.items.map((i) => withRefusalExamples(report!.explanation(i), shown)) };
}

const refusalExamples = 3;

/**
 * A missing kind as the API shows it: `refusalsTotal` when `refusals` lists fewer than refused;
 * when listing, `refusalsByRule` keeps the counts and leaves its examples to `refusals`.
 */
export const MissingView = MissingKind.extend({
  refusalsTotal: z.number().optional(),
  refusalsByRule: z.array(RuleRefusals.extend({ examples: z.array(Refusal).optional() })).optional(),
});
export type MissingView = z.infer<typeof MissingView>;
export const ParticipantExplanation = ParticipantReport.extend({ missing: z.array(MissingView) });
export type ParticipantExplanation = z.infer<typeof ParticipantExplanation>;

/** Resources that refused the participant: each is counted under one rule, the first it failed. */
function refusalCount(missing: MissingKind): number {
  return missing.refusalsByRule ? missing.refusalsByRule.reduce((sum, r) => sum + r.count, 0) : missing.refusals.length;
}

/** Refusals carry a few examples per rule; `refusalsTotal` says how many resources refused in all when the list is shorter. */
function withRefusalTotal(missing: MissingKind, shown: number): MissingView {
  const total = refusalCount(missing);
  const refusals = missing.refusals.slice(0, shown);
  const listing = Number.isFinite(shown);
  // Examples per rule repeat those of `refusals`: a page of explanations carries them once.
  const byRule = listing && missing.refusalsByRule ? { refusalsByRule: missing.refusalsByRule.map(({ rule, count }) => ({ rule, count })) } : {};
  return { ...missing, ...byRule, refusals, ...(total > refusals.length ? { refusalsTotal: total } : {}) };
}

/** A refusal per resource of the kind can run to thousands on a large pool: keep a few, and say how many there were. */
function withRefusalExamples(report: ParticipantReport, shown: number): ParticipantExplanation {
  return { ...report, missing: report.missing.map((m) => withRefusalTotal(m, shown)) };
}

/** Capacity, use and room left of every resource in the round's pool, as the last solve planned them. */
export function listResourceUse(db: Database, roundId: string, query: ResourceUseQuery): Promise<Page<ResourceUse>> {
  return recentPages.get(db, `resources|${roundId}|${JSON.stringify(query)}`, () => resourceUsePage(db, roundId, query)) as Promise<Page<ResourceUse>>;
}

async function resourceUsePage(db: Database, roundId: string, query: ResourceUseQuery): Promise<Page<ResourceUse>> {
  const report = await loadReport(db.prisma, await roundRow(db.prisma, roundId));
  const items = (report?.resources ?? []).filter((r) => (query.kind === undefined || r.kind === query.kind)
    && (query.full === undefined || (r.remaining <= 0) === query.full));
  return slicePage(items, query.limit, query.offset);
}
