/** GraphQL types of duplicates, merging and history. */
import { Authorized, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DuplicateReason } from '../../domain/duplicates';
import type { ChangeEntityType, ChangeOperation } from './history-rules';
import { ActorType } from '../actors/actor.type';
import { Connection } from '../../platform/graphql/common/connection';

export enum DuplicateReasonEnum {
  SIMILAR_NAME = 'SIMILAR_NAME',
  SAME_WEBSITE = 'SAME_WEBSITE',
  SAME_EMAIL = 'SAME_EMAIL',
}
registerEnumType(DuplicateReasonEnum, {
  name: 'DuplicateReason',
  description:
    'Why two actors look like one: similar names (legal forms ignored), the same website host, the same e-mail address.',
});

export enum ChangeOperationEnum {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  SET_INTERESTS = 'SET_INTERESTS',
  ADD_PARTICIPANT = 'ADD_PARTICIPANT',
  REMOVE_PARTICIPANT = 'REMOVE_PARTICIPANT',
  MERGE = 'MERGE',
  MERGED_INTO = 'MERGED_INTO',
  UNDO = 'UNDO',
  IMPORT = 'IMPORT',
  ERASE = 'ERASE',
}
registerEnumType(ChangeOperationEnum, { name: 'ChangeOperation', description: 'What a write did to an entity.' });

@ObjectType('DuplicateCandidate', { description: 'Two actors that may be one, for review before mergeActors.' })
export class DuplicateCandidateType {
  @Field(() => [ID], { description: 'The two actor ids, ascending.' })
  actorIds!: string[];

  @Field(() => [ActorType])
  actors!: unknown[];

  @Field(() => [DuplicateReasonEnum])
  reasons!: DuplicateReason[];

  @Field(() => Float, {
    description: 'Similarity of the normalised names, 0–1 (max of trigram Dice and Jaro–Winkler).',
  })
  similarity!: number;

  @Field(() => String, { nullable: true, description: 'The shared website host, when SAME_WEBSITE.' })
  website!: string | null;

  // Taken from `contact`: the same rule as Actor.contact.
  @Authorized('EDITOR')
  @Field(() => String, {
    nullable: true,
    description: 'The shared e-mail address, when SAME_EMAIL (personal data). EDITOR or ADMIN; FORBIDDEN for viewers.',
  })
  email!: string | null;
}

@ObjectType('DuplicateCandidates')
export class DuplicateCandidatesType {
  @Field(() => Int, { description: 'How many pairs were found in all.' })
  totalCount!: number;

  @Field(() => [DuplicateCandidateType])
  candidates!: DuplicateCandidateType[];

  @Field(() => String, { description: 'ISO-8601 timestamp of the computation (kept until the network changes).' })
  computedAt!: string;
}

@ObjectType('FieldChange', { description: 'One field of an entity before and after a write.' })
export class FieldChangeType {
  @Field(() => String)
  field!: string;

  @Field(() => String, { nullable: true, description: 'The value before, as JSON text; null when absent.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The value after, as JSON text; null when absent.' })
  after!: string | null;
}

@ObjectType('ChangeRecord', { description: 'One recorded write to one entity.' })
export class ChangeRecordType {
  @Field(() => Int, { description: 'Store-wide sequence number, increasing in commit order.' })
  seq!: number;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  at!: string;

  @Field(() => String, {
    description: 'Who: key:<name> (an API key), jwt:<sub> (a token), "system" for seed and scripts.',
  })
  author!: string;

  @Field(() => String, { description: 'Actor, Topic, Collaboration or Network (imports).' })
  entityType!: ChangeEntityType;

  @Field(() => ID)
  entityId!: string;

  @Field(() => ChangeOperationEnum)
  operation!: ChangeOperation;

  @Field(() => [FieldChangeType])
  changes!: FieldChangeType[];

  @Field(() => Int, { nullable: true, description: 'For UNDO: the seq of the change it reverted.' })
  undoes!: number | null;
}

export const ChangeRecordConnection = Connection(ChangeRecordType, 'ChangeRecord');

@ObjectType('UndoResult')
export class UndoResultType {
  @Field(() => ActorType, { description: 'The actor with its previous field values.' })
  actor!: unknown;

  @Field(() => ChangeRecordType, { description: 'The change that was reverted.' })
  undone!: ChangeRecordType;
}
