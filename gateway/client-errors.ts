// What a client may see of an error. The contract's codes pass with their message and details
// (a subgraph already wrote them for clients: SYSTEM_UNAVAILABLE keeps its `system`); errors about
// the request itself (parse, validation) pass too. Anything else (a subgraph unreachable, a bug)
// becomes INTERNAL: its message could name an internal URL. Stack traces and the gateway's
// own bookkeeping never pass.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../platform/errors';
import type { Logger } from '../platform/logging';
import { currentRequestId } from '../platform/logging/request-context';
import { OperationTooComplexError } from './limits';

const CONTRACT_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'SYSTEM_UNAVAILABLE',
  'OPERATION_TOO_COMPLEX',
  'INTERNAL',
];
/** Apollo's codes for a request that is wrong: their messages describe the request, nothing else. */
const REQUEST_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];
const PASSED = new Set<string>([...CONTRACT_CODES, ...REQUEST_CODES]);
/**
 * graphql-js's hints at what would have matched ("Did you mean the enum value "WEB"?"): in
 * production they map the schema for whoever guesses, as introspection would. graphql-armor
 * masks those of fields only, not of enum values in a document or a variable.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;
/** graphql-js's ValidationAbortedError, which it does not export */
const VALIDATION_ABORTED = 'Validation aborted.';
/** stack traces, and which subgraph answered (the inside of the graph) */
const NEVER_SHOWN = ['stacktrace', 'exception', 'serviceName'];

export function clientErrors(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof GraphQLError && original.originalError instanceof OperationTooComplexError) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'OPERATION_TOO_COMPLEX' } };
    }
    // graphql-js gives up on a document whose fields overlap too often to compare them all
    if (formatted.message === VALIDATION_ABORTED) {
      return {
        message: 'The operation repeats or overlaps its fields too often to be checked',
        extensions: { code: 'OPERATION_TOO_COMPLEX' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code !== 'string' || !PASSED.has(code)) {
      logger.error({ err: original, code, path: formatted.path }, 'error masked from a client');
      // the request's id lets whoever reports the error find its log lines
      return {
        message: 'Internal error',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'INTERNAL', requestId: currentRequestId() },
      };
    }
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !NEVER_SHOWN.includes(key)));
    const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
    return { ...formatted, message, extensions };
  };
}
