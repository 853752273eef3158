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
