import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Participant } from '../../../domain/participant.js';
import { Mentor } from '../../../domain/mentor.js';
import { TrainingSession } from '../../../domain/training-session.js';
import { HousingUnit } from '../../../domain/housing-unit.js';
import { housingUnits, mentors, participants, trainingSessions } from '../../../db/repositories/stores.js';
import { housingUnitColumns, mentorColumns, participantColumns, trainingSessionColumns } from '../../../services/csv/columns.js';
import { allow } from '../../plugins/auth.js';
import { resourceRoutes } from './resource-routes.js';

const RegionFilter = z.object({ region: z.string().min(1).optional() });
const byRegion = (q: Record<string, unknown>) => (q.region ? { region: q.region } : {});
const coordinators = allow('coordinator');
// Resources carry no personal data: planners may read them to shape their scenarios.
const resourceReaders = allow('coordinator', 'planner');

/** Coordinators keep the pool: participants, mentors, training sessions and housing units. */
export async function poolItemRoutes(app: FastifyInstance): Promise<void> {
  await app.register(resourceRoutes({
    tag: 'participants', store: participants, schema: Participant, csv: participantColumns,
    readRoles: coordinators, writeRoles: coordinators,
    filters: z.object({ region: z.string().min(1).optional(), programmeTag: z.string().min(1).optional() }),
    where: (q) => ({
      ...(q.region ? { homeRegion: q.region } : {}),
      ...(q.programmeTag ? { programmeTags: { contains: JSON.stringify(q.programmeTag) } } : {}),
    }),
  }), { prefix: '/participants' });
  await app.register(resourceRoutes({
    tag: 'mentors', store: mentors, schema: Mentor, csv: mentorColumns,
    readRoles: coordinators, writeRoles: coordinators, filters: RegionFilter, where: byRegion,
  }), { prefix: '/mentors' });
  await app.register(resourceRoutes({
    tag: 'training sessions', store: trainingSessions, schema: TrainingSession, csv: trainingSessionColumns,
    readRoles: resourceReaders, writeRoles: coordinators, filters: RegionFilter, where: byRegion,
  }), { prefix: '/training-sessions' });
  await app.register(resourceRoutes({
    tag: 'housing units', store: housingUnits, schema: HousingUnit, csv: housingUnitColumns,
    readRoles: resourceReaders, writeRoles: coordinators, filters: RegionFilter, where: byRegion,
  }), { prefix: '/housing-units' });
}
