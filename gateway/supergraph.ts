// Composes the subgraphs' SDL files into the supergraph the gateway serves, and the public API
// schema its clients see. The committed schema/supergraph.graphql and schema/api.graphql are this
// module's output; a test fails when either is out of date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { defaultSubgraphUrl } from '../platform/config';

/** The subgraphs, in the order their default ports follow (4001, 4002, ...). */
export const SUBGRAPHS = ['identity', 'orders', 'pos', 'eshop', 'crm', 'loyalty', 'offers', 'insights'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const SCHEMA_DIR = join(__dirname, '..', 'schema');
export const SUPERGRAPH_FILE = join(SCHEMA_DIR, 'supergraph.graphql');
/** What clients (the web pages' typed operations, graphql-codegen) are generated from. */
export const API_SCHEMA_FILE = join(SCHEMA_DIR, 'api.graphql');

export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(join(SCHEMA_DIR, `${name}.graphql`), 'utf8');
}

function compose() {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({
      name,
      url: defaultSubgraphUrl(name),
      typeDefs: parse(subgraphSdl(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result;
}

/**
 * Each subgraph's URL in the file (@join__graph) is where npm start serves it by default; every
 * runtime overrides it per environment (this gateway: <NAME>_SUBGRAPH_URL; README, "Serving apart").
 */
export const composeSupergraph = (): string => compose().supergraphSdl;

/**
 * The schema clients see: the supergraph without federation's internals (join__, link__) and without
 * what is @inaccessible (the fields the subgraphs ask each other for). As a file, ending with a newline.
 */
export const composeApiSchema = (): string => `${printSchema(compose().schema.toAPISchema().toGraphQLJSSchema())}\n`;
