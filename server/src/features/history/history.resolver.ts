/**
 * Duplicates, merging, history and undo. Who writes is the request's principal (GraphQL context),
 * passed through the service to the store, which records it. The history is for editors and admins:
 * its before/after values hold contact data (and its authors name the people who edit).
 */
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { roleAtLeast } from '../../domain/roles';
import { withoutContactReasons } from '../../domain/duplicates';
import { BadInputError } from '../../domain/errors';
import type { Actor } from '../../domain/model';
import { checkPageSize } from '../../domain/paging';
import { historyCursor, type ChangeRecord } from './history-rules';
import { ActorType } from '../actors/actor.type';
import type { GraphQLContext } from '../../platform/graphql/context';
import { checkIdArg, checkListSize } from '../../platform/graphql/common/validators';
import { loadExisting } from '../../platform/graphql/loaders';
import { ChangeRecordConnection, ChangeRecordType, DuplicateCandidatesType, UndoResultType } from './history.type';

/** Most pairs one request lists. */
export const MAX_DUPLICATES = 500;

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

export function toChangeRecordType(r: ChangeRecord): ChangeRecordType {
  return { ...r, changes: r.changes.map((c) => ({ field: c.field, before: json(c.before), after: json(c.after) })) };
}

@Guarded()
@Resolver()
export class HistoryResolver {
  @Authorized('VIEWER')
  @Query(() => DuplicateCandidatesType, {
    description:
      'Likely duplicate actors for review (similar names ignoring legal forms, same website host, same e-mail), most reasons and most similar first. Below EDITOR, SAME_EMAIL (drawn from contact data) is left out, and so are pairs with no other reason.',
  })
  async duplicateCandidates(
    @Arg('first', () => Int, { defaultValue: 20, description: `At most this many pairs (1–${MAX_DUPLICATES}).` })
    first: number,
    @Ctx() { service, loaders, principal }: GraphQLContext,
  ): Promise<DuplicateCandidatesType> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DUPLICATES) {
      throw new BadInputError(`first must be between 1 and ${MAX_DUPLICATES}`, 'first');
    }
    const { pairs: all, computedAt } = await service.duplicateCandidates();
    // Below EDITOR contact data is not readable (Actor.contact): neither are reasons drawn from it.
    const pairs = principal && roleAtLeast(principal.role, 'EDITOR') ? all : withoutContactReasons(all);
    const chosen = pairs.slice(0, first);
    return {
      totalCount: pairs.length,
      computedAt: computedAt.toISOString(),
      candidates: await Promise.all(
        chosen.map(async (p) => ({
          actorIds: [...p.actorIds],
          actors: await loadExisting(loaders.actor, p.actorIds),
          reasons: p.reasons,
          similarity: p.nameSimilarity,
          website: p.website,
          email: p.email,
        })),
      ),
    };
  }

  @Authorized('ADMIN')
  @Mutation(() => ActorType, {
    description:
      'Folds mergeIds into keepId in one transaction: participations move (the stronger role stays: ORGANISER > HOST > FUNDER > MEMBER > PARTICIPANT), interests move (the larger weight stays), the merged actors are deleted. Answers the kept actor.',
  })
  async mergeActors(
    @Arg('keepId', () => ID) keepId: string,
    @Arg('mergeIds', () => [ID]) mergeIds: string[],
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<Actor> {
    checkIdArg(keepId, 'keepId');
    checkListSize(mergeIds, 'mergeIds');
    mergeIds.forEach((id, i) => checkIdArg(id, `mergeIds[${i}]`));
    const kept = await service.mergeActors(keepId, mergeIds);
    for (const id of [keepId, ...mergeIds]) {
      loaders.actor.clear(id);
      loaders.interestsOfActor.clear(id);
      loaders.participationsOfActor.clear(id);
    }
    return kept;
  }

  @Authorized('EDITOR')
  @Query(() => ChangeRecordConnection, {
    description: 'The recorded changes of one actor, topic or collaboration (also a deleted one), newest first.',
  })
  async history(
    @Arg('entityId', () => ID) entityId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() { service }: GraphQLContext,
  ) {
    checkPageSize(first);
    const page = await service.reads.history(entityId, { first, after });
    const nodes = page.items.map(toChangeRecordType);
    return {
      edges: nodes.map((node) => ({ cursor: historyCursor(node), node })),
      nodes,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: nodes.length ? historyCursor(nodes[nodes.length - 1]) : null,
      },
      totalCount: page.totalCount,
    };
  }

  @Authorized('EDITOR')
  @Mutation(() => UndoResultType, {
    description:
      "Reverts the actor's last field update (updateActor, or an earlier update when repeated). Editors undo their own changes (FORBIDDEN when the change to undo is someone else's), admins any. Refuses (BAD_USER_INPUT) when the last change is of another kind or there is none; CONFLICT when the fields changed outside the history.",
  })
  async undoLastChange(
    @Arg('actorId', () => ID) actorId: string,
    @Ctx() { service, loaders, principal }: GraphQLContext,
  ): Promise<UndoResultType> {
    checkIdArg(actorId, 'actorId');
    const result = await service.undoLastChange(actorId, !principal || !roleAtLeast(principal.role, 'ADMIN'));
    loaders.actor.clear(actorId);
    return { actor: result.actor, undone: toChangeRecordType(result.undone) };
  }
}

export const historyResolvers = [HistoryResolver] as const;
