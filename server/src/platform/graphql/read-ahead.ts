/**
 * What a query asks below the field being resolved, so that a resolver can read it with its own
 * record in one store call instead of one call per level of nesting (see
 * features/actors/actor-read-ahead.ts for why and what it gained). Fragments (named and inline)
 * are followed; `@skip` / `@include` are not looked at: reading ahead a field that turns out
 * skipped costs a little time, never a wrong answer, since the fields' own resolvers still answer.
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { getNamedType, isObjectType } from 'graphql';

function fieldsNamed(
  set: SelectionSetNode | undefined,
  name: string,
  info: GraphQLResolveInfo,
  out: FieldNode[],
): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === 'Field') {
      if (selection.name.value === name) out.push(selection);
    } else if (selection.kind === 'InlineFragment') {
      fieldsNamed(selection.selectionSet, name, info, out);
    } else {
      fieldsNamed(info.fragments[selection.name.value]?.selectionSet, name, info, out);
    }
  }
}

/**
 * The nodes of the field reached from the resolved field (or from `from`, nodes below it) by `path`
 * (field names); none when not asked.
 */
export function selectedBelow(
  info: GraphQLResolveInfo,
  path: readonly string[],
  from: readonly FieldNode[] = info.fieldNodes,
): FieldNode[] {
  let nodes = from;
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of nodes) fieldsNamed(node.selectionSet, name, info, next);
    if (next.length === 0) return [];
    nodes = next;
  }
  return [...nodes];
}

/**
 * The arguments of `node`, a field of the resolved field's own type, with variables filled in;
 * null when they are not valid (the field's resolver reports that, not the read-ahead).
 */
export function argumentsBelow(info: GraphQLResolveInfo, node: FieldNode): Record<string, unknown> | null {
  const type = getNamedType(info.returnType);
  const field = isObjectType(type) ? type.getFields()[node.name.value] : undefined;
  if (!field) return null;
  try {
    return getArgumentValues(field, node, info.variableValues);
  } catch {
    return null;
  }
}
