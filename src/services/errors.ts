/** A bad field of a request, named by its path (`body.household.adults`, `line 4: birthYear`). */
export interface FieldIssue {
  path: string;
  message: string;
  line?: number;
}

/** The request cannot be carried out as written: 400 with every bad field. */
export class InputError extends Error {
  constructor(message: string, readonly issues: FieldIssue[] = []) {
    super(message);
  }
}

/** An id that names nothing the caller may see: 404. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} "${id}" not found`);
  }
}

/** The request is valid but clashes with the current state (a round's status, capacity, a duplicate id): 409. */
export class ConflictError extends Error {
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

/** The caller's key may use the route, but not on this subject (a planner stopping a solve): 403. */
export class ForbiddenError extends Error {}

/**
 * A job stopped for a reason its requester can act on (the solver refused the problem, the
 * outcome model cannot be used): its message is what GET /jobs/{id} shows. Any other error
 * ending a job is a fault of the service, shown only as a generic message.
 */
export class JobFailure extends Error {}
