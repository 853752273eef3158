import { z } from 'zod';
import { ResourceKind } from '../../solver/problem.js';
import { CefrLevel, Id, IsoDate, Region, Sector } from './common.js';
import { ContractType } from './opening.js';
import { TrainingKind } from './training-session.js';

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
  age: z.number().int().min(14).max(90),
  /** ISCED level, 0 (none) to 8 (doctorate). */
  educationLevel: z.number().int().min(0).max(8),
  /** Level in the language of the placement (the local language). */
  cefrLevel: CefrLevel,
  /** Months since the legal status, or the asylum claim, began. */
  statusMonths: z.number().int().min(0),
  waitingDays: z.number().int().min(0),
  childcareNeed: z.boolean(),
  /** Number of diagnosed barriers (language, CV, interview, childcare, confidence, …). */
  barrierCount: z.number().int().min(0).max(8),
  /** Strongest sector wish. */
  sectorWish: Sector.optional(),
  homeRegion: Region.optional(),
  // What they were placed in.
  resourceKind: ResourceKind,
  sector: Sector.optional(),
  region: Region.optional(),
  /** 0 (no shortage) to 1 (acute shortage); required for an opening. */
  shortageIndex: z.number().min(0).max(1).optional(),
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
 * Fields that contradict each other, or that the kind of placement requires. Written over
 * loose values so that an importer can also check a row whose other fields are invalid,
 * and list every problem of the row at once.
 */
export function outcomeContradictions(o: Partial<Record<OutcomeColumn, unknown>>): { field: OutcomeColumn; message: string }[] {
  const problems: { field: OutcomeColumn; message: string }[] = [];
  const refuse = (field: OutcomeColumn, message: string) => problems.push({ field, message });
  const kind = o.resourceKind;
  if (typeof o.outcomeDate === 'string' && typeof o.placementDate === 'string' && o.outcomeDate < o.placementDate) {
    refuse('outcomeDate', `is before the placement date ${o.placementDate}`);
  }
  if (kind === 'opening') {
    for (const field of ['sector', 'region', 'shortageIndex', 'contractType'] as const) {
      if (o[field] === undefined) refuse(field, 'is required for a placement in an opening');
    }
  } else if (typeof kind === 'string' && o.contractType !== undefined) {
    refuse('contractType', `is given but the placement is a ${kind}, not an opening`);
  }
  if (kind === 'training' && o.trainingKind === undefined) refuse('trainingKind', 'is required for a placement in a training session');
  if (typeof kind === 'string' && kind !== 'training' && o.trainingKind !== undefined) {
    refuse('trainingKind', `is given but the placement is a ${kind}, not a training session`);
  }
  if (kind === 'mentor' && o.withMentor === false) refuse('withMentor', 'is false but the placement is a mentor');
  if (kind === 'housing' && o.region === undefined) refuse('region', 'is required for a placement in housing');
  return problems;
}
