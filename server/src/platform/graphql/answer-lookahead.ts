/**
 * How many list items an answer will hold at least, known before it is built. The request guard
 * (./request-guard.ts) counts a list when a resolver returns it; a fan-out through hubs
 * (collaborators of collaborators, participants of every collaboration of every partner) reached
 * its budget only after building tens of thousands of objects, whose garbage then paused the event
 * loop for 100–300 ms at a time. So when a resolver returns the first list on its path, the guard
 * walks the selection below it over the network's structure (a FanOut: the projection, no store
 * call) and refuses at once when the items below cannot fit.
 *
 * The walk only ever counts less than the answer will hold: a field it does not know, a field
 * under a directive, a list with `first` (which items come first is the resolver's business) —
 * each counts as nothing below it. So it never refuses an answer the guard would let through.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/** The structure an answer is walked over (see features/network/answer-fan-out.ts). */
export interface FanOut {
  /** The key of a list item of `typeName` as its resolver returned it; null when the type is not walked. */
  keyOf(typeName: string, item: unknown): unknown;
  /**
   * The keys of what field `fieldName` of the object with `key` answers (one key for an object
   * field, the items of a list) — all of them exactly, or null when not known.
   */
  expand(typeName: string, fieldName: string, key: unknown, args: Record<string, unknown>): readonly unknown[] | null;
}

export interface LookaheadBounds {
  /** Stop counting once more than this many items are found (the answer cannot fit). */
  items: number;
  /** Stop after this many steps, whatever was found (the walk stays a few milliseconds). */
  work: number;
}

/** List items below the items a resolver returned (not counting those). */
export function itemsBelow(
  info: GraphQLResolveInfo,
  items: readonly unknown[],
  fanOut: FanOut,
  bounds: LookaheadBounds,
): number {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type) || !hasNestedList(info.fieldNodes)) return 0;
  const keys: unknown[] = [];
  for (const item of items) {
    const key = fanOut.keyOf(type.name, item);
    if (key === null || key === undefined) return 0;
    keys.push(key);
  }
  const walk = new Walk(info, fanOut, bounds);
  return walk.count(
    type,
    info.fieldNodes.map((node) => node.selectionSet),
    keys,
  );
}

const nestedList = new WeakMap<readonly FieldNode[], boolean>();

/** Whether some field below asks for a list: otherwise nothing below can fan out (cached per document). */
function hasNestedList(fieldNodes: readonly FieldNode[]): boolean {
  let known = nestedList.get(fieldNodes);
  if (known === undefined) {
    // Syntactic: a field with a selection below a field with a selection (fragments count as well).
    const deep = (set: SelectionSetNode | undefined, depth: number): boolean =>
      !!set?.selections.some((s) =>
        s.kind === Kind.FIELD
          ? !!s.selectionSet && (depth > 0 || deep(s.selectionSet, depth + 1))
          : s.kind === Kind.INLINE_FRAGMENT
            ? deep(s.selectionSet, depth)
            : true,
      );
    known = fieldNodes.some((node) => deep(node.selectionSet, 0));
    nestedList.set(fieldNodes, known);
  }
  return known;
}

class Walk {
  private found = 0;
  private work = 0;

  constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly fanOut: FanOut,
    private readonly bounds: LookaheadBounds,
  ) {}

  private get done(): boolean {
    return this.found > this.bounds.items || this.work > this.bounds.work;
  }

  /** Items of the lists below `keys` (objects of `type`) through the selections. */
  count(type: GraphQLObjectType, selections: ReadonlyArray<SelectionSetNode | undefined>, keys: readonly unknown[]) {
    for (const nodes of this.fields(type, selections).values()) {
      if (this.done) break;
      this.field(type, nodes, keys);
    }
    return this.found;
  }

  /** One field of the answer: the nodes of one response key, which graphql-js merges. */
  private field(type: GraphQLObjectType, nodes: FieldNode[], keys: readonly unknown[]): void {
    const node = nodes[0]!;
    const definition = type.getFields()[node.name.value];
    if (!definition || !node.selectionSet) return; // scalars and __typename hold no list
    const childType = getNamedType(definition.type);
    if (!isObjectType(childType)) return;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, node, this.info.variableValues);
    } catch {
      return; // graphql-js refuses the arguments itself
    }
    if (typeof args.first === 'number') return; // which items come first is the resolver's business
    const isList = isListType(getNullableType(definition.type));
    const children: unknown[] = [];
    for (const key of keys) {
      const answered = this.fanOut.expand(type.name, node.name.value, key, args);
      if (answered === null) return;
      this.work += answered.length + 1;
      if (isList) this.found += answered.length;
      for (const child of answered) children.push(child);
      if (this.done) return;
    }
    if (children.length > 0)
      this.count(
        childType,
        nodes.map((n) => n.selectionSet),
        children,
      );
  }

  /**
   * The fields asked of `type` by response key (an alias is a field of its own; two selections of
   * one key are one field), through fragments; none under a directive.
   */
  private fields(
    type: GraphQLObjectType,
    selections: ReadonlyArray<SelectionSetNode | undefined>,
  ): Map<string, FieldNode[]> {
    const out = new Map<string, FieldNode[]>();
    const visit = (set: SelectionSetNode | undefined) => {
      for (const selection of set?.selections ?? []) {
        if (selection.directives?.length) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const same = out.get(key);
          if (same) same.push(selection);
          else out.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (!selection.typeCondition || selection.typeCondition.name.value === type.name)
            visit(selection.selectionSet);
        } else {
          const fragment = this.info.fragments[selection.name.value];
          if (fragment && fragment.typeCondition.name.value === type.name) visit(fragment.selectionSet);
        }
      }
    };
    for (const set of selections) visit(set);
    return out;
  }
}
