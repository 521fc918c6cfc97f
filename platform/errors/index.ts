// Every error the project raises, in one place. Legacy failures are typed by system so the
// subgraphs can turn them into the contract's codes (SYSTEM_UNAVAILABLE + extensions.system)
// without ever passing a legacy URL, credential or body on to a client.
import { GraphQLError } from 'graphql';

export type System = 'pos' | 'eshop' | 'crm' | 'loyalty';
export const SYSTEMS: readonly System[] = ['pos', 'eshop', 'crm', 'loyalty'];

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INSUFFICIENT_STOCK'
  | 'SYSTEM_UNAVAILABLE'
  | 'OPERATION_TOO_COMPLEX'
  | 'INTERNAL';

/** A legacy system could not answer (down, timeout, 5xx, protocol garbage). */
export class LegacyUnavailableError extends Error {
  constructor(
    readonly system: System,
    readonly detail: string,
  ) {
    super(`${system} is unavailable`);
    this.name = 'LegacyUnavailableError';
  }
}

/**
 * A legacy system unavailable that did nothing with the call: the call never reached it (no
 * connection, its breaker open, no slot free before the deadline) or it answered "not now" (429). A write that failed so is not
 * looked for, nor undone; one whose answer was lost or was a failure (a timeout, a reset, a 5xx,
 * which may come after the work) is.
 */
export class NothingDoneError extends LegacyUnavailableError {}

/** The database refused the connection, went away, or did not answer in time: SYSTEM_UNAVAILABLE with system "database". */
export class DatabaseUnavailableError extends Error {
  readonly system = 'database';
  constructor(readonly detail: string) {
    super('the database is unavailable');
    this.name = 'DatabaseUnavailableError';
  }
}

/** A database lock (Db.exclusively) was held by others longer than the caller would wait for it. */
export class LockWaitExpiredError extends Error {
  constructor(readonly lock: string) {
    super(`the lock ${lock} was held by others longer than the wait allowed`);
    this.name = 'LockWaitExpiredError';
  }
}

/**
 * A call to another subgraph failed in a way the client had no part in: the subgraph could not be
 * reached or gave no GraphQL answer, or it answered an error that is not the client's to read (its
 * own INTERNAL, a field it does not have yet in a rolling deploy, a refusal of the service role).
 * The client gets INTERNAL with the request's id; the log line holds the subgraph and its error.
 * An unreachable subgraph is INTERNAL too, not SYSTEM_UNAVAILABLE: the contract's `system` names a
 * legacy system the client knows of, and a subgraph down is a fault of this deployment, not an
 * outage of the silos a client could read its fields around.
 */
export class SubgraphCallError extends Error {
  constructor(
    readonly subgraph: string,
    readonly detail: string,
    /** what the subgraph answered, when it answered an error */
    readonly remote?: { message?: string; extensions?: Record<string, unknown> },
  ) {
    super(`a call to the ${subgraph} subgraph failed: ${detail}`);
    this.name = 'SubgraphCallError';
  }
}

/** A call to another subgraph that got no answer in time: like a legacy call's (UnansweredError), it may still make what it asked. */
export class SubgraphUnansweredError extends SubgraphCallError {}

/**
 * A legacy system answered, but not in the shape its reference gives (adapters/transport/answers.ts):
 * for that call it is as unavailable as a system that did not answer. Unlike a lost answer, though,
 * a write that got one was done: the sagas do not do it again (it would be done twice).
 */
export class MalformedAnswerError extends LegacyUnavailableError {
  constructor(
    system: System,
    /** the route asked, its values left out: `GET /v1/members/{}` */
    readonly route: string,
    /** where the answer departs from its schema, without the values it holds */
    readonly problems: string,
  ) {
    super(system, `${route}: malformed answer (${problems})`);
    this.name = 'MalformedAnswerError';
  }
}

/**
 * A write that may have been done (its answer was lost, or its process died as it was sent) and
 * can be neither looked for nor sent again, its system keeping no idempotency key: what carried it
 * stops and waits for an operator, who checks it in that system.
 */
export class InDoubtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InDoubtError';
  }
}

/** A legacy system answered with a business error (not found, invalid state, insufficient stock...). */
export class LegacyRejectedError extends Error {
  constructor(
    readonly system: System,
    readonly legacyCode: string,
    readonly detail: string,
  ) {
    super(`${system} rejected the request: ${legacyCode}`);
    this.name = 'LegacyRejectedError';
  }
}

/**
 * No answer came (a deadline ran out, the connection broke): the request may still be at work in
 * its system, and make what it asked after the caller gave up on it.
 */
export class UnansweredError extends LegacyUnavailableError {}

/** No answer came, from a legacy system or another subgraph: what the call asked may be made after the caller gave up. */
export const wentUnanswered = (err: unknown): boolean => err instanceof UnansweredError || err instanceof SubgraphUnansweredError;

/**
 * Whether a write that failed may have had its effect. Only a refusal (the system's, or the
 * request's own rules) or a call that never reached its system (or that it answered "not now")
 * says it did nothing. Anything else may follow its effect: a call whose answer was lost or
 * unreadable, another subgraph failing on its own tables, the database failing as the write was
 * recorded, a bug after the call.
 */
export const mayHaveHappened = (err: unknown): boolean =>
  !(err instanceof LegacyRejectedError || err instanceof GraphQLError || err instanceof NothingDoneError);

export function graphqlError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string) => graphqlError('BAD_USER_INPUT', message);
export const notFound = (message: string) => graphqlError('NOT_FOUND', message);
/**
 * CONFLICT that asking again later gets past: another request on the same thing (the first with
 * this idempotency key, another operation on the order) is still running. `retryable` tells a
 * client so, apart from the CONFLICTs that will be answered again as they were.
 */
export const stillRunning = (message: string) => graphqlError('CONFLICT', message, { retryable: true });

/** Turns anything thrown by a client into the contract's error; never leaks the legacy detail. */
export function toGraphQLError(err: unknown): GraphQLError {
  if (err instanceof GraphQLError) return err;
  if (err instanceof LegacyUnavailableError || err instanceof DatabaseUnavailableError) {
    return graphqlError('SYSTEM_UNAVAILABLE', `The ${err.system} system is unavailable`, { system: err.system });
  }
  if (err instanceof LegacyRejectedError) {
    if (err.legacyCode === 'not_found') return notFound(`Not found in ${err.system}`);
    return graphqlError('INTERNAL', `The ${err.system} system refused the request`, { system: err.system });
  }
  return graphqlError('INTERNAL', 'Internal error');
}
