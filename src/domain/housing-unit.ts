import { z } from 'zod';
import { strictObject } from './strict-object.js';
import { Capacity, Id, IsoDate, Region } from './common.js';
import { EligibilityCriteria } from './criteria.js';

export const HousingKind = z.enum(['shared', 'single', 'family']);

export const HousingUnit = strictObject({
  id: Id,
  region: Region,
  places: Capacity,
  kind: HousingKind,
  availableFrom: IsoDate,
  minStayMonths: z.number().int().min(0).default(0),
  suitableForChildren: z.boolean().default(false),
  eligibility: EligibilityCriteria.default({ isolatedAdultsOnly: false }),
});
export type HousingUnit = z.infer<typeof HousingUnit>;
