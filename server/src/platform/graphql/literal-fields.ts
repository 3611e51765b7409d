/**
 * Names the input field of a value written into the document that does not fit the schema
 * (`createActor(input: { kind: FOO })`): graphql-js's validation error points at the value's node
 * only, so this Apollo plugin finds that node among the document's arguments and sets
 * `extensions.field` (`kind`, `participants[1].role`, `filter.from`) — the same names the resolvers'
 * BAD_USER_INPUT errors use (inside an argument named `input`, the path without it).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type ASTNode, type DocumentNode, type ValueNode } from 'graphql';

type Path = Array<string | number>;

function pathIn(value: ValueNode, target: ASTNode, path: Path): Path | undefined {
  if (value === target) return path;
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      const inner = [...path, field.name.value];
      if (field === target) return inner;
      const found = pathIn(field.value, target, inner);
      if (found) return found;
    }
  } else if (value.kind === Kind.LIST) {
    for (let i = 0; i < value.values.length; i++) {
      const found = pathIn(value.values[i], target, [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The field name of `target` (a value or object field inside an argument), or undefined. */
export function literalField(document: DocumentNode, target: ASTNode): string | undefined {
  let path: Path | undefined;
  visit(document, {
    Argument(node) {
      path ??= pathIn(node.value, target, [node.name.value]);
      return path ? false : undefined;
    },
  });
  if (!path) return undefined;
  const steps = path[0] === 'input' && path.length > 1 ? path.slice(1) : path;
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const VALUE_KINDS = new Set<string>([
  Kind.OBJECT_FIELD,
  Kind.OBJECT,
  Kind.LIST,
  Kind.STRING,
  Kind.INT,
  Kind.FLOAT,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
]);

export function literalFieldNames(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async validationDidStart({ document }) {
          return async (errors?: readonly Error[]) => {
            for (const error of errors ?? []) {
              if (!(error instanceof GraphQLError)) continue;
              const node = error.nodes?.[0];
              if (!node || !VALUE_KINDS.has(node.kind) || error.extensions.field !== undefined) continue;
              const field = literalField(document, node);
              // Apollo copies the extensions into the error it answers (GRAPHQL_VALIDATION_FAILED).
              if (field) (error.extensions as { field?: string }).field = field;
            }
          };
        },
      };
    },
  };
}
