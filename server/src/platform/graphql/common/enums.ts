/** The domain's enumerations, registered once as GraphQL enums. */
import { registerEnumType } from 'type-graphql';
import { ACTOR_KINDS, COLLABORATION_KINDS, PARTICIPATION_ROLES } from '../../../domain/model';

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ActorKindEnum = enumObject(ACTOR_KINDS);
export const CollaborationKindEnum = enumObject(COLLABORATION_KINDS);
export const ParticipationRoleEnum = enumObject(PARTICIPATION_ROLES);

export enum NodeType {
  ACTOR = 'ACTOR',
  TOPIC = 'TOPIC',
  COLLABORATION = 'COLLABORATION',
}

export enum EdgeType {
  COLLABORATES_WITH = 'COLLABORATES_WITH',
  INTERESTED_IN = 'INTERESTED_IN',
  PARTICIPATED_IN = 'PARTICIPATED_IN',
}

registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'What sort of actor: an association, an agency, a city department, …',
});
registerEnumType(CollaborationKindEnum, {
  name: 'CollaborationKind',
  description: 'What sort of collaboration: a conference, a meeting, a project, …',
});
registerEnumType(ParticipationRoleEnum, {
  name: 'ParticipationRole',
  description: "An actor's role in a collaboration.",
});
registerEnumType(NodeType, { name: 'NetworkNodeType' });
registerEnumType(EdgeType, { name: 'NetworkEdgeType' });
