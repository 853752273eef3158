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
  const refuse = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (o.outcomeDate < o.placementDate) refuse('outcomeDate', `is before the placement date ${o.placementDate}`);
  if (o.resourceKind === 'opening') {
    if (o.sector === undefined) refuse('sector', 'is required for a placement in an opening');
    if (o.region === undefined) refuse('region', 'is required for a placement in an opening');
    if (o.shortageIndex === undefined) refuse('shortageIndex', 'is required for a placement in an opening');
    if (o.contractType === undefined) refuse('contractType', 'is required for a placement in an opening');
  } else if (o.contractType !== undefined) {
    refuse('contractType', `is given but the placement is a ${o.resourceKind}, not an opening`);
  }
  if (o.resourceKind === 'training' && o.trainingKind === undefined) refuse('trainingKind', 'is required for a placement in a training session');
  if (o.resourceKind !== 'training' && o.trainingKind !== undefined) {
    refuse('trainingKind', `is given but the placement is a ${o.resourceKind}, not a training session`);
  }
  if (o.resourceKind === 'mentor' && !o.withMentor) refuse('withMentor', 'is false but the placement is a mentor');
  if (o.resourceKind === 'housing' && o.region === undefined) refuse('region', 'is required for a placement in housing');
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
