// Operation limits at the gateway, each a setting (config: MAX_*): the HTTP body, batches and
// tokens are checked before Apollo parses anything; depth, aliases and directives by
// graphql-armor's validation rules; root fields and cost once the variables are known (a cost
// that knows lists multiply: `first: 100` makes everything under it count 100 times).
import express, { type RequestHandler } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { LRUCache } from 'lru-cache';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  Lexer,
  Source,
  TokenKind,
  valueFromASTUntyped,
  type ArgumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { graphqlError } from '../platform/errors';
import type { Logger } from '../platform/logging';
import { refuse } from '../platform/http/serve';
import type { ListSizing } from './list-sizes';

export interface OperationLimits {
  maxBodyBytes: number;
  /** operations in one batched HTTP request; 1: no batching */
  maxBatch: number;
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
  maxCost: number;
  /** how many items a list without first/limit is taken to hold */
  listSizeGuess: number;
}

/** Raised by the armor rules during validation; the gateway's formatError gives it its contract code. */
export class OperationTooComplexError extends GraphQLError {}

const tooComplex = (message: string) => graphqlError('OPERATION_TOO_COMPLEX', message, { http: { status: 400 } });

function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; count++) if (count >= max) return true;
  } catch {
    // a syntax error: Apollo's parser reports it
  }
  return false;
}

/** Express middleware in front of /graphql: the body's size and JSON, the batch size, each document's tokens. */
export function requestLimits(limits: OperationLimits, logger: Logger): RequestHandler[] {
  const operations: RequestHandler = (req, res, next) => {
    const body: unknown = req.method === 'GET' ? req.query : req.body;
    if (Array.isArray(body) && body.length > limits.maxBatch) {
      refuse(res, logger, 400, 'OPERATION_TOO_COMPLEX', `At most ${limits.maxBatch} operations in one request`);
      return;
    }
    const queries = [body].flat().map((op) => (op as { query?: unknown } | null)?.query);
    if (queries.some((q) => typeof q === 'string' && exceedsTokens(q, limits.maxTokens))) {
      refuse(res, logger, 400, 'OPERATION_TOO_COMPLEX', `A document has at most ${limits.maxTokens} tokens`);
      return;
    }
    next();
  };
  // a body too large or not JSON is refused by the server's own handler (platform/http/serve.ts)
  return [express.json({ limit: limits.maxBodyBytes }), operations];
}

/**
 * graphql-armor's depth, alias and directive rules (its cost rule ignores list sizes: ours is below),
 * and field suggestions blocked in production.
 */
export function armor(limits: OperationLimits, production: boolean) {
  const rejection = {
    propagateOnRejection: false,
    // its depth rule words a limit as a syntax error, which the document does not have
    onReject: [
      (ctx: ValidationContext | null, error: GraphQLError) =>
        ctx?.reportError(new OperationTooComplexError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...rejection },
    maxAliases: { n: limits.maxAliases, ...rejection },
    maxDirectives: { n: limits.maxDirectives, ...rejection },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

type Variables = Record<string, unknown>;
type Fragments = Record<string, FragmentDefinitionNode>;

const MAX_INT = 2 ** 31 - 1;

/** The variables as the operation will run with them: a declared default counts as if it were sent. */
function withDefaults(operation: OperationDefinitionNode, variables: Variables): Variables {
  const defaults = Object.fromEntries(
    (operation.variableDefinitions ?? [])
      .filter((v) => v.defaultValue !== undefined)
      .map((v) => [v.variable.name.value, valueFromASTUntyped(v.defaultValue!)]),
  );
  return { ...defaults, ...Object.fromEntries(Object.entries(variables).filter(([, value]) => value !== undefined)) };
}

/** The value of the first slicing argument given (a literal or a variable), else of its default. */
function slicedSize(
  field: FieldNode,
  args: readonly { name: string; defaultValue: unknown }[],
  slicing: readonly string[],
  variables: Variables,
): number | undefined {
  for (const name of slicing) {
    const given = field.arguments?.find((a) => a.name.value === name)?.value;
    // null (sent, or a variable left out without a default) is no size: the field's default serves, as its resolver does
    const value = (given ? valueFromASTUntyped(given, variables) : undefined) ?? args.find((a) => a.name === name)?.defaultValue;
    // a value no Int can hold is left to GraphQL's own coercion, which refuses it (BAD_USER_INPUT)
    if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_INT) return Math.max(0, value);
  }
  return undefined;
}

/**
 * Every field costs 1 plus its selection times the size of its list, sizes as the schema declares
 * them (@listSize): `products(first: 100) { edges { node { ... } } }` counts each node 100 times.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Fragments,
  requestVariables: Variables,
  sizing: ListSizing,
): number {
  const variables = withDefaults(operation, requestVariables);
  // `sizedHere`: the sizes a connection's slicing argument gives to its sized fields (edges)
  const cost = (set: SelectionSetNode, type: GraphQLNamedType, sizedHere: Map<string, number>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const def = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!def) {
          total += 1; // __typename
          continue;
        }
        const declared = sizing.of(type.name, def.name);
        const sliced = declared?.slicingArguments ? slicedSize(selection, def.args, declared.slicingArguments, variables) : undefined;
        const size = sliced ?? declared?.assumedSize ?? sizing.guess;
        const list = isListType(getNullableType(def.type));
        const times = sizedHere.get(def.name) ?? (list && !declared?.sizedFields ? size : 1);
        const sizedBelow = new Map((declared?.sizedFields ?? []).map((name) => [name, size]));
        total += 1 + (selection.selectionSet ? times * cost(selection.selectionSet, getNamedType(def.type), sizedBelow) : 0);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
        if (!fragment) continue;
        const on = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        total += cost(fragment.selectionSet, on ?? type, sizedHere);
      }
    }
    return total;
  };
  const rootType = schema.getRootType(operation.operation);
  return rootType ? cost(operation.selectionSet, rootType, new Map()) : 0;
}

/** Root fields, those in fragments included: an alias is one more. */
function rootFieldCount(set: SelectionSetNode, fragments: Fragments): number {
  return set.selections.reduce((n, s) => {
    if (s.kind === Kind.FIELD) return n + 1;
    const fragment = s.kind === Kind.FRAGMENT_SPREAD ? fragments[s.name.value] : s;
    return n + (fragment ? rootFieldCount(fragment.selectionSet, fragments) : 0);
  }, 0);
}

const MAX_KEPT_VARIABLES = 1024;

/** The variables given as a slicing argument anywhere in the operation (its fragments included): their values, and whether they were sent, are what its cost depends on. */
function sizingVariables(operation: OperationDefinitionNode, fragments: Fragments, slicing: ReadonlySet<string>): string[] {
  const names = new Set<string>();
  const visitor = {
    Argument(node: ArgumentNode) {
      if (slicing.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  };
  for (const node of [operation, ...Object.values(fragments)]) visit(node, visitor);
  return [...names].sort();
}

/** Root fields and cost: checked once the operation and its variables are known. */
export function operationLimitsPlugin(limits: OperationLimits, sizing: ListSizing): ApolloServerPlugin {
  // Apollo's document cache hands every request of one query the same parsed operation: its root
  // fields are counted once, its cost once for each value of the variables that size its lists (a
  // product page asked for a thousand SKUs is costed once).
  const checked = new WeakMap<OperationDefinitionNode, { fragments: Fragments; sizedBy: string[]; costs: LRUCache<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          // the gateway would answer an unknown operation name with a 500
          if (!operation) {
            const message = request.operationName
              ? `The document has no operation named ${request.operationName}`
              : 'The document has several operations: name the one to run in operationName';
            throw graphqlError('BAD_USER_INPUT', message, { http: { status: 400 } });
          }
          const rootType = schema.getRootType(operation.operation);
          if (!rootType) return;
          let known = checked.get(operation);
          if (!known) {
            const fragments = Object.fromEntries(
              document.definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((d) => [d.name.value, d]),
            );
            if (rootFieldCount(operation.selectionSet, fragments) > limits.maxRootFields)
              throw tooComplex(`At most ${limits.maxRootFields} root fields in one operation`);
            known = {
              fragments,
              sizedBy: sizingVariables(operation, fragments, sizing.slicingArguments),
              costs: new LRUCache({ max: 100 }),
            };
            checked.set(operation, known);
          }
          const variables = request.variables ?? {};
          // a variable left out takes its default, one sent as null does not: the key tells them apart
          const key = JSON.stringify(known.sizedBy.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : [])));
          let cost = known.costs.get(key);
          if (cost === undefined) {
            cost = operationCost(schema, operation, known.fragments, variables, sizing);
            // a value no list size takes (a string of a megabyte where an Int goes) is costed each time rather than kept
            if (key.length <= MAX_KEPT_VARIABLES) known.costs.set(key, cost);
          }
          if (cost > limits.maxCost)
            throw tooComplex(`This operation costs ${cost}, more than ${limits.maxCost}: ask for fewer items or fields`);
        },
      };
    },
  };
}
