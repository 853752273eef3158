import { z } from 'zod';
import { ResourceKind } from '../../solver/problem.js';
import { CefrLevel, Id, IsoDate, Region, Sector } from './common.js';
import { ContractType } from './opening.js';
import { TrainingKind } from './training-session.js';

/** A whole number in [min, max], refused in words ("must be 14 or more") rather than zod's "Too small: expected number to be >=14". */
function wholeNumber(min: number, max?: number) {
  const bounded = z.number().int().min(min, `must be ${min} or more`);
  return max === undefined ? bounded : bounded.max(max, `must be ${max} or less`);
}

/**
 * One past placement and what became of it: the participant as they were when placed,
 * what they were placed in, and whether they were in work or training six months later.
 * The outcome model learns from these. Flat on purpose, so that a CSV row maps onto it.
 * No name, no legal status, no gender: the model scores paths, and logs print ids only.
 */
export const Outcome = z.object({
  id: Id,
  participantId: Id,
  placementDate: IsoDate,
  /** When the situation was observed, about six months after placement. */
  outcomeDate: IsoDate,
  // The participant at the time of placement.
  age: wholeNumber(14, 90),
  /** ISCED level, 0 (none) to 8 (doctorate). */
  educationLevel: wholeNumber(0, 8),
  /** Level in the language of the placement (the local language). */
  cefrLevel: CefrLevel,
  /** Months since the legal status, or the asylum claim, began. */
  statusMonths: wholeNumber(0),
  waitingDays: wholeNumber(0),
  childcareNeed: z.boolean(),
  /** Number of diagnosed barriers (language, CV, interview, childcare, confidence, …). */
  barrierCount: wholeNumber(0, 8),
  /** Strongest sector wish. */
  sectorWish: Sector.optional(),
  homeRegion: Region.optional(),
  // What they were placed in.
  resourceKind: ResourceKind,
  sector: Sector.optional(),
  region: Region.optional(),
  /** 0 (no shortage) to 1 (acute shortage); required for an opening. */
  shortageIndex: z.number().min(0, 'must be 0 or more').max(1, 'must be 1 or less').optional(),
  /** Required for an opening, and only for an opening. */
  contractType: ContractType.optional(),
  /** Required for a training session, and only for one. */
  trainingKind: TrainingKind.optional(),
  /** Minimum CEFR level of the opening, or entry level of the training. */
  minCefr: CefrLevel.optional(),
  childcareProvided: z.boolean().default(false),
  withMentor: z.boolean().default(false),
  // What became of it.
  inWorkOrTraining: z.boolean(),
}).superRefine((o, ctx) => {
  for (const { field, message } of outcomeContradictions(o)) ctx.addIssue({ code: 'custom', path: [field], message });
});
export type Outcome = z.infer<typeof Outcome>;
export type OutcomeInput = z.input<typeof Outcome>;

/** The columns of a history CSV file, with how each cell is read. */
export const outcomeColumns = {
  id: 'text', participantId: 'text', placementDate: 'text', outcomeDate: 'text',
  age: 'number', educationLevel: 'number', cefrLevel: 'text', statusMonths: 'number', waitingDays: 'number',
  childcareNeed: 'boolean', barrierCount: 'number', sectorWish: 'text', homeRegion: 'text',
  resourceKind: 'text', sector: 'text', region: 'text', shortageIndex: 'number', contractType: 'text',
  trainingKind: 'text', minCefr: 'text', childcareProvided: 'boolean', withMentor: 'boolean', inWorkOrTraining: 'boolean',
} as const satisfies Record<keyof OutcomeInput, 'text' | 'number' | 'boolean'>;
export type OutcomeColumn = keyof typeof outcomeColumns;

/**
 * The outcome is "six months later": a date observed earlier than three months or later than
 * nine months after placement describes another outcome (a drop-out check, a yearly survey)
 * and would blur what the model learns.
 */
export const outcomeWindowMonths = { min: 3, max: 9 } as const;

/** The day `months` calendar months after an ISO date (the 31st of a short month is its last day). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

function dateContradictions(o: Partial<Record<OutcomeColumn, unknown>>, refuse: (field: OutcomeColumn, message: string) => void): void {
  if (!isDate(o.outcomeDate) || !isDate(o.placementDate)) return;
  if (o.outcomeDate < o.placementDate) return refuse('outcomeDate', `is before the placement date ${o.placementDate}`);
  const { min, max } = outcomeWindowMonths;
  if (o.outcomeDate < addMonths(o.placementDate, min) || o.outcomeDate > addMonths(o.placementDate, max)) {
    refuse('outcomeDate', `must be ${min} to ${max} months after the placement date ${o.placementDate} (the outcome is the situation about 6 months later)`);
  }
}

const placementNoun: Record<string, string> = { mentor: 'a mentor', training: 'a training session', opening: 'an opening', housing: 'housing' };

/** Fields that only some kinds of placement have: what each kind may carry beyond region and sector. */
function kindContradictions(o: Partial<Record<OutcomeColumn, unknown>>, kind: string, refuse: (field: OutcomeColumn, message: string) => void): void {
  const noun = placementNoun[kind] ?? kind;
  if (kind === 'opening') {
    for (const field of ['sector', 'region', 'shortageIndex', 'contractType'] as const) {
      if (o[field] === undefined) refuse(field, 'is required for a placement in an opening');
    }
  } else if (o.contractType !== undefined) {
    refuse('contractType', `is given but the placement is ${noun}, not an opening`);
  }
  if (kind === 'training' && o.trainingKind === undefined) refuse('trainingKind', 'is required for a placement in a training session');
  if (kind !== 'training' && o.trainingKind !== undefined) refuse('trainingKind', `is given but the placement is ${noun}, not a training session`);
  // A shortage index and a minimum level belong to an opening or a training session (its entry level), never to a mentor or a flat.
  if (kind === 'mentor' || kind === 'housing') {
    for (const field of ['shortageIndex', 'minCefr'] as const) {
      if (o[field] !== undefined) refuse(field, `is given but the placement is ${noun}; only openings and training sessions have one`);
    }
  }
  if (kind === 'mentor' && o.withMentor === false) refuse('withMentor', 'is false but the placement is a mentor');
  if (kind === 'housing') {
    if (o.sector !== undefined) refuse('sector', 'is given but the placement is housing, which has no sector');
    if (o.region === undefined) refuse('region', 'is required for a placement in housing');
    // Housing is judged as a move (relocated or not): without the home region it says nothing.
    if (o.homeRegion === undefined) refuse('homeRegion', 'is required for a placement in housing (it tells whether the person moved)');
  }
}

/**
 * Fields that contradict each other, or that the kind of placement requires. Written over
 * loose values so that an importer can also check a row whose other fields are invalid,
 * and list every problem of the row at once.
 */
export function outcomeContradictions(o: Partial<Record<OutcomeColumn, unknown>>): { field: OutcomeColumn; message: string }[] {
  const problems: { field: OutcomeColumn; message: string }[] = [];
  const refuse = (field: OutcomeColumn, message: string) => { problems.push({ field, message }); };
  dateContradictions(o, refuse);
  if (typeof o.resourceKind === 'string') kindContradictions(o, o.resourceKind, refuse);
  return problems;
}
