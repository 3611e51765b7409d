import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Role } from '../../domain/roles';
import { MAX_API_KEY_NAME } from './api-key-rules';
import { RoleEnum } from './access.type';

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: 'Who holds the key, e.g. "Quartiersbüro" (unique among active keys).' })
  @Length(1, MAX_API_KEY_NAME)
  @Matches(/[\p{L}\p{N}]/u, { message: 'name must contain a letter or digit' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;
}
