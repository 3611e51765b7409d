/**
 * Access control on the API: `me` (who am I), and for admins the API keys — list, create (the
 * plain key is answered once, only its hash is stored), revoke.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { authorOf } from './principal';
import type { ApiKeyRecord } from '../../store/network-store';
import type { GraphQLContext } from '../../platform/graphql/context';
import { CreateApiKeyInput } from './access.input';
import { ApiKeyType, AUTH_METHOD, CreatedApiKeyType, PrincipalType } from './access.type';

@Guarded()
@Resolver()
export class AccessResolver {
  @Authorized('VIEWER')
  @Query(() => PrincipalType, { description: 'Who the request acts as (its role tells what it may do). Any role.' })
  me(@Ctx() { principal }: GraphQLContext): PrincipalType {
    // The auth checker has refused requests without a principal.
    const p = principal!;
    return { name: p.name, role: p.role, via: AUTH_METHOD[p.via], author: authorOf(p) };
  }

  @Authorized('ADMIN')
  @Query(() => [ApiKeyType], { description: 'Every API key, revoked ones too, oldest first. ADMIN.' })
  apiKeys(@Ctx() { service }: GraphQLContext): Promise<ApiKeyRecord[]> {
    return service.apiKeys.list();
  }

  @Authorized('ADMIN')
  @Mutation(() => CreatedApiKeyType, {
    description:
      'Creates an API key. The answer holds the key itself, shown this once (only its hash is stored). CONFLICT when an active key has the name. ADMIN.',
  })
  async createApiKey(
    @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() { service }: GraphQLContext,
  ): Promise<CreatedApiKeyType> {
    const { key, record } = await service.apiKeys.issue(input);
    return { key, apiKey: record };
  }

  @Authorized('ADMIN')
  @Mutation(() => ApiKeyType, {
    description:
      'Revokes an API key at once (it is refused from the next request on). NOT_FOUND for an unknown id. ADMIN.',
  })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { service }: GraphQLContext): Promise<ApiKeyRecord> {
    return service.apiKeys.revoke(id);
  }
}

export const accessResolvers = [AccessResolver] as const;
