// npm run compose: rewrites schema/supergraph.graphql and schema/api.graphql from the subgraphs' SDL.
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_FILE, composeApiSchema, composeSupergraph, SUPERGRAPH_FILE } from '../../gateway/supergraph';

writeFileSync(SUPERGRAPH_FILE, composeSupergraph());
writeFileSync(API_SCHEMA_FILE, composeApiSchema());
console.log(`wrote ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
