/**
 * type-graphql leaves absent input fields as keys with the value undefined; the store's patch
 * semantics ("absent stays, null clears") want them gone.
 */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Optional GraphQL inputs arrive as null; option objects of the projection want them absent. */
export function withoutNulls<T extends object>(input: T | null | undefined): { [K in keyof T]?: Exclude<T[K], null> } {
  if (!input) return {};
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as never;
}
