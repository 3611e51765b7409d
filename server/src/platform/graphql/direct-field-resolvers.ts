/**
 * type-graphql calls a field resolver method through a wrapper that, on every call, makes its
 * resolver data, gets the resolver class's instance from its container, runs the middleware chain
 * and sorts and maps the method's list of parameters — for every field resolved of every object of
 * an answer (the actor list: ~100 such calls, ~110 KB of the ~1 MB each request allocated). For a
 * field resolver without middleware and roles whose parameters are only the parent object, the
 * context and the info, that wrapper does nothing the method needs — its copy of the parent object
 * as an instance of its object type reads the same when that class only declares fields — so such
 * a method is called directly, on one instance of its class, with the parent object itself.
 * Field resolvers with arguments, roles (@Authorized) or middleware keep type-graphql's wrapper.
 *
 * Only for a schema built without global middlewares and without a container (schema.ts): the
 * wrapper would run those.
 */
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

interface Param {
  kind: string;
  index: number;
  propertyName?: string;
  getType?: unknown;
}

type Pick = (root: unknown, context: unknown, info: unknown) => unknown;

/**
 * A class that only declares data fields (no methods, getters or field values of its own), like
 * the object types: type-graphql's conversion of a parent object to it (a new instance with the
 * parent's fields assigned) reads the same as the parent object itself.
 */
function isPlainDataClass(type: unknown): boolean {
  if (typeof type !== 'function' || !type.prototype) return false;
  const members = Object.getOwnPropertyNames(type.prototype);
  if (members.length !== 1 || members[0] !== 'constructor') return false;
  if (Object.getPrototypeOf(type.prototype) !== Object.prototype) return false;
  try {
    return Object.values(new (type as new () => object)()).every((value) => value === undefined);
  } catch {
    return false;
  }
}

function pickFor(param: Param): Pick | null {
  const property = param.propertyName;
  switch (param.kind) {
    case 'root':
      // Typed (`@Root() actor: ActorType`): type-graphql converts it to that class on every call.
      if (param.getType && !isPlainDataClass((param.getType as () => unknown)())) return null;
      return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
    case 'context':
      return property
        ? (_root, context) => (context as Record<string, unknown>)[property]
        : (_root, context) => context;
    case 'info':
      return (_root, _context, info) => info;
    default:
      return null;
  }
}

type Method = (...params: unknown[]) => unknown;

/** The method called with its parameters picked from (root, context, info); no array per call for up to three. */
function direct(instance: object, method: Method, picks: Pick[]): GraphQLFieldResolver<unknown, unknown> {
  const [a, b, c] = picks;
  switch (picks.length) {
    case 0:
      return () => method.call(instance);
    case 1:
      return (root, _args, context, info) => method.call(instance, a!(root, context, info));
    case 2:
      return (root, _args, context, info) => method.call(instance, a!(root, context, info), b!(root, context, info));
    case 3:
      return (root, _args, context, info) =>
        method.call(instance, a!(root, context, info), b!(root, context, info), c!(root, context, info));
    default:
      return (root, _args, context, info) =>
        method.apply(
          instance,
          picks.map((pick) => pick(root, context, info)),
        );
  }
}

/** Replaces type-graphql's wrapper of every field resolver that qualifies (see above); answers their `Type.field`. */
export function callFieldResolversDirectly(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own type for a class
  const instances = new Map<Function, object | null>();
  const replaced: string[] = [];
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || resolver.roles || (resolver.middlewares?.length ?? 0) > 0) continue;
    const params = [...((resolver.params ?? []) as Param[])].sort((x, y) => x.index - y.index);
    if (params.some((param, i) => param.index !== i)) continue;
    const picks = params.map(pickFor);
    if (picks.some((pick) => pick === null)) continue;
    const objectClass = resolver.getObjectType?.();
    const typeName = storage.objectTypes.find((o) => o.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = type && isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve) continue;
    let instance = instances.get(resolver.target);
    if (instance === undefined) {
      const made = new (resolver.target as new () => object)();
      // A resolver class that keeps state of its own is left to type-graphql's one instance.
      instance = Object.keys(made).length === 0 ? made : null;
      instances.set(resolver.target, instance);
    }
    const method = instance && (instance as Record<string, unknown>)[resolver.methodName];
    if (typeof method !== 'function') continue;
    field.resolve = direct(instance!, method as Method, picks as Pick[]);
    replaced.push(`${typeName}.${resolver.schemaName}`);
  }
  return replaced;
}

/**
 * A field that only reads its parent's property of the same name gets type-graphql's basic
 * resolver (`root[name]` through the middleware chain, with its resolver data) unless it is marked
 * simple; without a resolver, graphql-js and graphql-jit read the property themselves (graphql-jit
 * inline, without a call: the actor list reads ~600 such fields per request). Done for every field
 * of an object type's own class with no field resolver, no roles (@Authorized keeps its check), no
 * middleware and no arguments; one whose property has another name is read by a plain function.
 */
export function readPlainFieldsDirectly(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const read: string[] = [];
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!type || !isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      if (field.target !== objectType.target) continue;
      if (field.roles || (field.middlewares?.length ?? 0) > 0 || (field.params?.length ?? 0) > 0) continue;
      const resolved = storage.fieldResolvers.some(
        (resolver) => resolver.getObjectType?.() === field.target && resolver.methodName === field.name,
      );
      const schemaField = fields[field.schemaName];
      if (resolved || !schemaField?.resolve) continue;
      const property = field.name;
      schemaField.resolve =
        property === field.schemaName ? undefined : (root) => (root as Record<string, unknown> | null)?.[property];
      read.push(`${objectType.name}.${field.schemaName}`);
    }
  }
  return read;
}
