import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('NetworkChangeEvent', {
  description:
    'One change of the network from the change feed (docs/live.md): which entity changed and how, never the values. Every write of every server and program on the store is one or more events, in commit order.',
})
export class NetworkChangeEventType {
  @Field(() => String, { description: 'Resume after this event: pass it as `after` when subscribing again.' })
  cursor!: string;

  @Field(() => Int, { description: "Store-wide sequence number, increasing in commit order (the history's seq)." })
  seq!: number;

  @Field(() => String, { description: 'ISO-8601 timestamp of the write.' })
  at!: string;

  @Field(() => String, { description: 'Actor, Topic, Collaboration or Network (bulk imports: reload the network).' })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => String, {
    description:
      'CREATE, UPDATE, DELETE, SET_INTERESTS, ADD_PARTICIPANT, REMOVE_PARTICIPANT, MERGE, MERGED_INTO, UNDO, IMPORT or ERASE.',
  })
  operation!: string;

  @Field(() => [String], {
    description: 'Names of the changed fields (never their values); below EDITOR without contact.',
  })
  fields!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Who wrote it, as the history records it (key:<name>, jwt:<sub>, system); null below EDITOR, as the history is.',
  })
  author!: string | null;
}
