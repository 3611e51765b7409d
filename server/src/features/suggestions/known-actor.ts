/**
 * An actor the store has is never answered NOT_FOUND because the in-memory projection has not
 * seen it yet (written by another program, e.g. `npm run import` while the server runs): when the
 * projection lacks the actor, the store is asked; if the store has it, the projection is refreshed
 * from the store (once, serialised with the service's writes) before the question is answered.
 */
import { NotFoundError } from '../../domain/errors';
import type { GraphQLContext } from '../../platform/graphql/context';

export async function ensureActorInProjection(
  ctx: Pick<GraphQLContext, 'service' | 'loaders'>,
  actorId: string,
): Promise<void> {
  const { service, loaders } = ctx;
  if (service.projection.actors.has(actorId)) return;
  const stored = await loaders.actor.load(actorId);
  if (!stored) throw new NotFoundError('Actor', actorId);
  await service.rebuildProjection();
}
