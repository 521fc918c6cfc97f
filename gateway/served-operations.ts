// A document may only ask for the kinds of operation the graph serves. graphql-js leaves that to
// execution, where the gateway's planner throws on a subscription and the client would see a
// 500; refused here it is a validation error (400) like any other mistake in the document.
import { GraphQLError, type ValidationRule } from 'graphql';

export const servedOperationsOnly: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (!context.getSchema().getRootType(node.operation)) {
      context.reportError(new GraphQLError(`This graph serves no ${node.operation} operations`, { nodes: node }));
    }
  },
});
