/** GraphQL types of access control: roles, who am I, API keys. */
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { AuthMethod } from './principal';
import type { Role } from '../../domain/roles';

export enum RoleEnum {
  VIEWER = 'VIEWER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description:
    'VIEWER reads the network without contact data; EDITOR also writes and reads contact data and the history; ADMIN also deletes, merges, undoes and manages API keys.',
});

export enum AuthMethodEnum {
  API_KEY = 'API_KEY',
  JWT = 'JWT',
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(AuthMethodEnum, { name: 'AuthMethod', description: 'How the request was authenticated.' });

export const AUTH_METHOD: Record<AuthMethod, AuthMethodEnum> = {
  'api-key': AuthMethodEnum.API_KEY,
  jwt: AuthMethodEnum.JWT,
  anonymous: AuthMethodEnum.ANONYMOUS,
};

@ObjectType('Principal', { description: 'Who the request acts as.' })
export class PrincipalType {
  @Field(() => String, { description: 'The API key\'s name, the token\'s subject, or "anonymous".' })
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AuthMethodEnum)
  via!: AuthMethodEnum;

  @Field(() => String, {
    description: 'How writes of this principal are recorded in the history: key:<name>, jwt:<sub>.',
  })
  author!: string;
}

@ObjectType('ApiKey', { description: 'An API key: only its hash is stored, so the key itself cannot be shown again.' })
export class ApiKeyType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO-8601 timestamp; null while the key is active.' })
  revokedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO-8601 timestamp of the last request with this key (written at most once a minute).',
  })
  lastUsedAt!: string | null;
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field(() => String, {
    description: 'The key itself. Shown this once: only its hash is stored. Send it as "Authorization: Bearer <key>".',
  })
  key!: string;

  @Field(() => ApiKeyType)
  apiKey!: ApiKeyType;
}
