import type { Database } from '../db/client.js';
import type { JobRunner } from './jobs.js';

/** What the API's handlers work with: the database and the job runner. */
export interface Services {
  db: Database;
  jobs: JobRunner;
}
