// The one way a subgraph is served: a federated schema from its SDL file and its resolvers,
// a fresh context (DataLoaders) per request, errors turned into the contract's codes, and the
// "partial answer" channel that lets a field return what it has plus an error for what it lacks.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  GraphQLError,
  parse,
  responsePathAsArray,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLResolveInfo,
} from 'graphql';
import { DatabaseUnavailableError, LegacyUnavailableError, toGraphQLError } from '../../platform/errors';
import type { Logger } from '../../platform/logging';
import { currentRequestId } from '../../platform/logging/request-context';
import { serveGraphQL } from '../../platform/http/serve';
import { subgraphSdl, type SubgraphName } from '../../gateway/supergraph';
import { CUSTOM_SCALARS } from '../../schema/scalars';
import type { Caller } from '../../platform/auth/caller';
import type express from 'express';
import { requireGateway } from '../../platform/auth/gateway-assertion';
import { knownOperations, withPartialErrors, type Format } from './known-operations';

/**
 * Errors a resolver reports while still returning what the other systems gave. A field often
 * reads several sources of one system (e-shop orders and browsing, CRM cases and calls): the
 * client is told once per field that the system is missing, as the contract wants.
 */
export class PartialErrors {
  private readonly errors = new Map<string, GraphQLError>();

  /**
   * `oncePerField`: one error for the field wherever it is in lists (every order's points, every
   * line's price): a system down is one outage, however many items it leaves without their part.
   */
  add(err: unknown, path: readonly (string | number)[], { oncePerField = false } = {}): void {
    const base = toGraphQLError(err);
    const where = oncePerField ? path.filter((p) => typeof p === 'string') : path;
    const key = JSON.stringify([where, base.extensions.code, base.extensions.system]);
    // the original kept, for formatError to log an unexpected one as it logs a field's own
    const originalError = err instanceof Error && !(err instanceof GraphQLError) ? err : undefined;
    if (!this.errors.has(key)) this.errors.set(key, new GraphQLError(base.message, { path, extensions: base.extensions, originalError }));
  }

  drain(): GraphQLError[] {
    const drained = [...this.errors.values()];
    this.errors.clear();
    return drained;
  }
}

export type { Caller };

export interface BaseContext {
  partial: PartialErrors;
  /** who is calling, as the gateway verified it; null: no token */
  caller: Caller | null;
}

/** The name an agent's decision is recorded under. */
export const actorOf = (ctx: BaseContext) => (ctx.caller ? `${ctx.caller.role}:${ctx.caller.sub}` : 'anonymous');

/**
 * Waits for independent sources of one list (each a system's part of it): what fails is
 * reported as one partial error for the field, the rest is answered.
 */
export async function settleSources<T>(ctx: BaseContext, info: GraphQLResolveInfo, sources: Promise<T[]>[]): Promise<T[]> {
  const items: T[] = [];
  for (const result of await Promise.allSettled(sources)) {
    if (result.status === 'fulfilled') items.push(...result.value);
    else ctx.partial.add(result.reason, responsePathAsArray(info.path));
  }
  return items;
}

/** The lists of a merged page whose source failed, reported as settleSources reports its own. */
export function reportFailedLists(ctx: BaseContext, info: GraphQLResolveInfo, lists: { failure: unknown }[]): void {
  for (const { failure } of lists) if (failure) ctx.partial.add(failure, responsePathAsArray(info.path));
}

/**
 * The failures among `read` sources of one answer (a store each, say): all of them failed, the
 * first fails the field; some, each is reported once for the field and the others answer.
 */
export function failUnlessSomeAnswered(ctx: BaseContext, info: GraphQLResolveInfo, failures: unknown[], read: number): void {
  if (failures.length > 0 && failures.length === read) throw failures[0];
  for (const err of failures) ctx.partial.add(err, responsePathAsArray(info.path), { oncePerField: true });
}

/**
 * What a field of an item in a list answers when a system (or the database) is down: null, with the
 * outage reported once for that field of the whole list. Any other failure is the field's own error.
 */
export async function orNullOncePerField<T>(ctx: BaseContext, info: GraphQLResolveInfo, work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof LegacyUnavailableError || err instanceof DatabaseUnavailableError)) throw err;
    ctx.partial.add(err, responsePathAsArray(info.path), { oncePerField: true });
    return null;
  }
}

/** loadMany reports per-key failures as values; one failed key fails that source. */
export function unwrap<T>(results: (T | Error)[]): T[] {
  for (const r of results) if (r instanceof Error) throw r;
  return results as T[];
}

export interface SubgraphDefinition {
  name: SubgraphName;
  /** the codegen-typed resolvers of the subgraph */
  resolvers: object;
  /** Called once per request: loaders live exactly as long as one operation. */
  context: () => object;
}

/** Adds the partial errors to the answer, formatted as the field errors Apollo formats itself. */
function partialErrorsPlugin(format: Format): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single')
            response.body.singleResult = withPartialErrors(response.body.singleResult, contextValue, format);
        },
      };
    },
  };
}

export function formatError(logger: Logger): Format {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const mapped = toGraphQLError(original);
    if (mapped.extensions.code === 'INTERNAL' && !(original instanceof GraphQLError)) {
      logger.error({ err: original, path: formatted.path }, 'unexpected resolver error');
    }
    if (original instanceof GraphQLError && !formatted.path) return formatted; // parse/validation errors
    // the request's id lets whoever reports an internal error find its log lines
    const extensions = mapped.extensions.code === 'INTERNAL' ? { ...mapped.extensions, requestId: currentRequestId() } : mapped.extensions;
    return { message: mapped.message, path: formatted.path, locations: formatted.locations, extensions };
  };
}

/** What a subgraph is asked: one operation, as the gateway's query plan writes it. */
export interface SubgraphRequest {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** What it answers: the body a client would read, and the HTTP status it would be served with. */
export interface SubgraphResponse {
  status: number;
  body: FormattedExecutionResult;
}

/** One subgraph started in this process: callable directly, and served over HTTP when it listens. */
export interface RunningSubgraph {
  name: SubgraphName;
  /** where it listens; null: it runs in the gateway's process only, called in-process */
  url: string | null;
  /**
   * Runs an operation on the subgraph, for a caller already verified: the same context, error
   * formatting and partial errors as over HTTP; a document Apollo Server has run before runs on
   * graphql-js directly (./known-operations.ts, which repeats the one plugin with an effect, the
   * partial errors: a plugin added here must be repeated there). The request's id is the running one.
   */
  execute(request: SubgraphRequest, caller: Caller | null): Promise<SubgraphResponse>;
  close(): Promise<void>;
}

export async function startSubgraph(
  def: SubgraphDefinition,
  opts: {
    logger: Logger;
    /** absent: not served over HTTP, called in-process only */
    listen?: {
      port: number;
      host: string;
      /** the secret the gateway signs its caller assertions with */ gatewayKey: Uint8Array;
      /** routes served beside /graphql without the gateway's assertion (/health, /ready) */
      routes?: (app: express.Express) => void;
    };
  },
): Promise<RunningSubgraph> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(subgraphSdl(def.name)),
    // Codegen's Resolvers type and Apollo's resolver map describe the same object differently.
    resolvers: { ...CUSTOM_SCALARS, ...def.resolvers } as GraphQLResolverMap<unknown>,
  });
  const logger = opts.logger.child({ subgraph: def.name });
  const format = formatError(logger);
  const apollo = new ApolloServer<BaseContext>({
    schema,
    // No Apollo Studio here: federated traces would only cost time.
    // No cache hints either: none is set, and the plugin would wrap every field's resolver to look for them.
    plugins: [partialErrorsPlugin(format), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    stopOnTerminationSignals: false, // the stack stops its servers itself, in order
    // Apollo's own warnings (an operation after the server stopped) in the service's log, not on the console
    logger,
    formatError: format,
    includeStacktraceInErrorResponses: false,
  });
  const contextFor = (caller: Caller | null): BaseContext => ({ ...def.context(), partial: new PartialErrors(), caller });
  const operations = knownOperations(apollo, schema, format);
  const execute = (request: SubgraphRequest, caller: Caller | null) => operations.run(request, contextFor(caller));
  const stop = (close: () => Promise<void>) => () => {
    operations.stop();
    return close();
  };
  if (!opts.listen) {
    await apollo.start();
    return { name: def.name, url: null, execute, close: stop(() => apollo.stop()) };
  }
  const { gatewayKey, routes, ...where } = opts.listen;
  const served = await serveGraphQL(apollo, {
    ...where,
    logger,
    context: async ({ res }) => contextFor(res.locals.caller as Caller | null),
    guards: [requireGateway(gatewayKey)],
    routes,
  });
  return { name: def.name, url: served.url, execute, close: stop(served.close) };
}
