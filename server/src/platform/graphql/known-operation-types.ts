/**
 * A validation rule graphql-js 16 lacks (17 adds it): an operation whose type the schema has no root
 * for is a validation error, instead of failing later in execution with an error that carries no code.
 * `subscription` has its root (graphql/live) but runs over WebSocket only (http/websocket.ts):
 * subscriptionsOverWebSocketOnly refuses it on HTTP.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(
          new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: node }),
        );
      }
    },
  };
}

/**
 * On HTTP (Apollo): the operation to run may not be a `subscription` — it is served over WebSocket
 * at the same path. Checked on the operation chosen (a document may also hold subscriptions that
 * are not run), with the code of a validation error.
 */
export function subscriptionsOverWebSocketOnly(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions run over WebSocket (graphql-ws) at /graphql, not over HTTP.', {
              nodes: operation,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
