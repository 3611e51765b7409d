import 'reflect-metadata';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { callFieldResolversDirectly, readPlainFieldsDirectly } from './direct-field-resolvers';
import { SCHEMA_OPTIONS } from './schema';

/** Every field's resolver, by `Type.field`. */
function resolvers(schema: GraphQLSchema): Map<string, GraphQLFieldResolver<unknown, unknown> | undefined> {
  const all = new Map<string, GraphQLFieldResolver<unknown, unknown> | undefined>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields()))
      all.set(`${type.name}.${field.name}`, 'resolve' in field ? field.resolve : undefined);
  }
  return all;
}

/** The fields whose resolver `change` replaced; none other may differ. */
function changedBy(schema: GraphQLSchema, change: (schema: GraphQLSchema) => string[]): string[] {
  const before = resolvers(schema);
  const named = change(schema);
  const after = resolvers(schema);
  const changed = [...before.keys()].filter((name) => before.get(name) !== after.get(name));
  expect(changed.sort()).toEqual([...named].sort());
  return named;
}

describe('type-graphql resolvers that do nothing a field needs, left out', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema(SCHEMA_OPTIONS);
  });

  test('plain fields are read without a resolver; one with roles (@Authorized) keeps its check', () => {
    const read = changedBy(schema, readPlainFieldsDirectly);
    expect(read).toEqual(
      expect.arrayContaining(['Actor.id', 'Actor.name', 'Topic.id', 'Topic.name', 'Collaboration.title']),
    );
    expect(read).not.toContain('Actor.contact');
    for (const name of read) expect(resolvers(schema).get(name)).toBeUndefined();
  });

  test('field resolver methods are called directly; those with arguments or roles keep type-graphql', () => {
    const direct = changedBy(schema, callFieldResolversDirectly);
    expect(direct).toEqual(expect.arrayContaining(['Actor.topics', 'Actor.collaborationCount', 'Actor.interests']));
    for (const name of ['Actor.collaborations', 'Actor.collaborators']) expect(direct).not.toContain(name);
  });
});
