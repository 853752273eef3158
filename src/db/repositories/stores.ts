import type { PrismaClient } from '../../generated/prisma/client.js';
import { Participant } from '../../domain/participant.js';
import { Mentor } from '../../domain/mentor.js';
import { TrainingSession } from '../../domain/training-session.js';
import { Opening } from '../../domain/opening.js';
import { HousingUnit } from '../../domain/housing-unit.js';
import type { Client, EntityStore, JsonTable } from './json-table.js';

// Prisma's delegates are structurally wider than JsonTable; the cast only narrows the view.
const table = (pick: (c: PrismaClient) => unknown) => (client: Client) => pick(client as PrismaClient) as JsonTable;

export const participants: EntityStore<typeof Participant> = {
  name: 'participant',
  sqlTable: 'Participant',
  schema: Participant,
  table: table((c) => c.participant),
  columns: (p) => ({
    reference: p.reference ?? null,
    homeRegion: p.homeRegion ?? null,
    legalStatus: p.legalStatus,
    waitingSince: p.waitingSince,
    programmeTags: JSON.stringify(p.programmeTags),
  }),
};

export const mentors: EntityStore<typeof Mentor> = {
  name: 'mentor',
  sqlTable: 'Mentor',
  schema: Mentor,
  table: table((c) => c.mentor),
  columns: (m) => ({ kind: m.kind, region: m.region ?? null, caseloadCap: m.caseloadCap, currentCaseload: m.currentCaseload }),
  fromRow: (row, m) => ({ ...m, currentCaseload: row.currentCaseload as number }),
};

export const trainingSessions: EntityStore<typeof TrainingSession> = {
  name: 'training session',
  sqlTable: 'TrainingSession',
  schema: TrainingSession,
  table: table((c) => c.trainingSession),
  columns: (t) => ({ kind: t.kind, region: t.region ?? null, seats: t.seats, startDate: t.startDate }),
};

export const housingUnits: EntityStore<typeof HousingUnit> = {
  name: 'housing unit',
  sqlTable: 'HousingUnit',
  schema: HousingUnit,
  table: table((c) => c.housingUnit),
  columns: (h) => ({ kind: h.kind, region: h.region, places: h.places }),
};

export const openings: EntityStore<typeof Opening> = {
  name: 'opening',
  sqlTable: 'Opening',
  schema: Opening,
  table: table((c) => c.opening),
  columns: (o) => ({
    employerId: o.employerId, sector: o.sector, region: o.region, seats: o.seats, status: o.status, startDate: o.startDate,
  }),
};
