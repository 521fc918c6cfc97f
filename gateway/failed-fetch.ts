// A subgraph fetch that fails as a whole (no answer in time, a connection refused or broken, an
// answer that is not GraphQL): @apollo/gateway would report one error of no path, and a client
// could not tell which of its fields are null for it. Answered instead as the subgraph's own error
// on each field the fetch was asked for, the gateway maps those onto the client's paths as it maps
// any subgraph error: the fields of that subgraph null with their error, the others' answered.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type NamedTypeNode, type SelectionSetNode } from 'graphql';
import type { Logger } from '../platform/logging';
import { currentRequestId } from '../platform/logging/request-context';

type Path = (string | number)[];

/**
 * The response names of a selection set's fields, through its fragments (__typename left out: it
 * cannot fail); of those on `type` only, when given (an entity's, by its representation's __typename).
 */
function responseNames(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, type?: string): string[] {
  const on = (condition: NamedTypeNode | undefined) => !type || !condition || condition.name.value === type;
  return set.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [s.alias?.value ?? s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return on(s.typeCondition) ? responseNames(s.selectionSet, fragments, type) : [];
    const fragment = fragments.get(s.name.value);
    return fragment && on(fragment.typeCondition) ? responseNames(fragment.selectionSet, fragments, type) : [];
  });
}

/** The path, in the fetch's own answer, of every field it asked for: a root field, or a field of the entities it was sent. */
export function fetchedPaths(document: DocumentNode, variables: Record<string, unknown> | undefined): Path[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const representations = Array.isArray(variables?.representations) ? (variables.representations as { __typename?: unknown }[]) : [];
  return operation.selectionSet.selections.flatMap((s): Path[] => {
    if (s.kind !== Kind.FIELD || s.name.value !== '_entities') {
      return responseNames({ kind: Kind.SELECTION_SET, selections: [s] }, fragments).map((n) => [n]);
    }
    const entities = s.alias?.value ?? '_entities';
    // each field once, on the first entity asked for it: one error per field however many entities
    // (a page of orders), as a silo's outage is reported
    const named = new Set<string>();
    return representations.flatMap((r, i) =>
      responseNames(s.selectionSet!, fragments, String(r?.__typename))
        .filter((f) => !named.has(f) && named.add(f))
        .map((f): Path => [entities, i, f]),
    );
  });
}

/** `source`, whose failed fetches fail the fields they were asked for, each with its path (logged once, with why). */
export function failingFieldByField<Ctx extends GraphQLDataSourceProcessOptions['context']>(
  subgraph: string,
  source: GraphQLDataSource<Ctx>,
  logger: Logger,
): GraphQLDataSource<Ctx> {
  return {
    async process(options: GraphQLDataSourceProcessOptions<Ctx>) {
      try {
        return await source.process(options);
      } catch (err) {
        // a client's operation only (the gateway makes none of its own with a static supergraph)
        if (!('incomingRequestContext' in options) || !options.request.query) throw err;
        logger.error({ err, subgraph }, 'subgraph fetch failed');
        const document = options.document ?? parse(options.request.query);
        // as clientErrors masks an unexpected error: the request's id leads to the log line
        const extensions = { code: 'INTERNAL', requestId: currentRequestId() };
        const paths = fetchedPaths(document, options.request.variables);
        return {
          data: null,
          errors: paths.length
            ? paths.map((path) => ({ message: 'Internal error', path, extensions }))
            : [{ message: 'Internal error', extensions }],
        };
      }
    },
  };
}
