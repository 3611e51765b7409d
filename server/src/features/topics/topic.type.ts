import { Field, ID, ObjectType } from 'type-graphql';
import type { Topic } from '../../domain/model';
import { Connection } from '../../platform/graphql/common/connection';

@ObjectType('Topic', { description: 'A shared interest or field of work, e.g. "Urban Gardening".' })
export class TopicType implements Topic {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The name as entered (German).' })
  name!: string;

  @Field(() => String, { description: 'URL-safe form of the name.' })
  slug!: string;

  @Field(() => [String], { description: 'Other names for the same topic.' })
  aliases!: string[];
}

export const TopicConnection = Connection(TopicType, 'Topic');
