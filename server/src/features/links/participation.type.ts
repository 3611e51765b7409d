import { Field, ObjectType } from 'type-graphql';
import type { Participation, ParticipationRole } from '../../domain/model';
import { Connection } from '../../platform/graphql/common/connection';
import { ParticipationRoleEnum } from '../../platform/graphql/common/enums';

@ObjectType('Participation', { description: "An actor's part in a collaboration (PARTICIPATED_IN), with its role." })
export class ParticipationType implements Participation {
  actorId!: string;
  collaborationId!: string;

  @Field(() => ParticipationRoleEnum)
  role!: ParticipationRole;
}

export const ParticipationConnection = Connection(ParticipationType, 'Participation');
