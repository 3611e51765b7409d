import { ArrayMaxSize, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ID_PATTERN } from '../actors/actor.input';
import { IsSingleLineText, LIMITS } from '../../platform/graphql/common/validators';

@InputType()
export class CreateTopicInput {
  @Field(() => ID, { nullable: true, description: 'Optional; the slug of the name when absent.' })
  @Length(1, LIMITS.id)
  @Matches(ID_PATTERN, { message: 'id may contain letters, digits and . _ : - only' })
  id?: string | null;

  @Field(() => String)
  @Length(1, LIMITS.name)
  @Matches(/[\p{L}\p{N}]/u, { message: 'name must contain a letter or digit' })
  @IsSingleLineText()
  name!: string;

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(LIMITS.aliases)
  @Length(1, LIMITS.name, { each: true })
  @IsSingleLineText({ each: true })
  aliases?: string[] | null;
}

@InputType()
export class UpdateTopicInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, LIMITS.name)
  @Matches(/[\p{L}\p{N}]/u, { message: 'name must contain a letter or digit' })
  @IsSingleLineText()
  name?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(LIMITS.aliases)
  @Length(1, LIMITS.name, { each: true })
  @IsSingleLineText({ each: true })
  aliases?: string[];
}

@InputType()
export class TopicFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name; case and umlauts are ignored.' })
  @Length(1, LIMITS.name)
  nameContains?: string | null;
}
