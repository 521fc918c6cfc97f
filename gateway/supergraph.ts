// Composes the subgraphs' SDL files into the supergraph the gateway serves, and the public API
// schema its clients see. The committed schema/supergraph.graphql and schema/api.graphql are this
// module's output; a test fails when either is out of date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';

/** The subgraphs, in the order their default ports follow (4001, 4002, ...). */
export const SUBGRAPHS = ['identity', 'orders', 'pos', 'eshop', 'crm', 'loyalty', 'offers', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

export const SCHEMA_DIR = join(__dirname, '..', 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');
/** What clients (the web pages' typed operations, graphql-codegen) are generated from. */
export const API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.graphql');

export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
}

/** The URLs written in the file are placeholders: the gateway routes by subgraph name. */
export function composeSupergraph(): string {
  return compose().supergraphSdl;
}

/**
 * The public API schema: the supergraph as the gateway serves it, without federation's internals
 * (join__, link__) and without what is @inaccessible.
 */
export function composeApiSchema(): string {
  return `${printSchema(compose().schema.toAPISchema().toGraphQLJSSchema())}\n`;
}

function compose() {
  const result = composeServices(
    SUBGRAPHS.map((name, i) => ({
      name,
      url: `http://127.0.0.1:${4001 + i}/graphql`,
      typeDefs: parse(subgraphSdl(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result;
}
