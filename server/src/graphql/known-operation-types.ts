/**
 * A validation rule graphql-js 16 lacks (17 adds it): an operation whose type the schema has no root
 * for — a `subscription` here — is a validation error, instead of failing later in execution
 * with an error that carries no code.
 */
import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

export function KnownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API does not support ${node.operation} operations.`, { nodes: node }));
      }
    },
  };
}
