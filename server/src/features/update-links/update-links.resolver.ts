/**
 * Editors' side of personal update links (docs/update-links.md): create, list, revoke and renew
 * links, follow up who has not answered, review the proposals answers made. EDITOR for all.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '../../domain/errors';
import { normalizeText, textProblem } from '../../domain/validation';
import { authorOf } from '../access/principal';
import { updateLinksFor, UpdateLinkService } from './';
import type { IssuedLink } from './service';
import type { UpdateLinkRecord, UpdateProposal, UpdateProposalStatus } from './update-link-rules';
import { ActorType } from '../actors/actor.type';
import { checkIdArg, checkListSize, LIMITS } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import {
  AcceptUpdateProposalInput,
  CreateUpdateLinksInput,
  IssuedUpdateLinkType,
  ProposalStatusEnum,
  UpdateLinkBatchType,
  UpdateLinkType,
  UpdateProposalType,
} from './update-links.type';

const linkType = (l: UpdateLinkRecord): UpdateLinkType => ({
  ...l,
  active: !l.revokedAt && l.expiresAt > new Date().toISOString(),
});
const issuedType = (i: IssuedLink): IssuedUpdateLinkType => ({ ...i, link: linkType(i.link) });
const proposalType = (p: UpdateProposal): UpdateProposalType => ({ ...p, value: JSON.stringify(p.value) });

@Guarded()
@Resolver()
export class UpdateLinksResolver {
  @Authorized('EDITOR')
  @Mutation(() => UpdateLinkBatchType, {
    description:
      'Creates a personal update link for each actor named (actorIds and/or the participants of collaborationId); answers the addresses once, with a CSV for a mail merge. EDITOR.',
  })
  async createUpdateLinks(
    @Arg('input', () => CreateUpdateLinksInput) input: CreateUpdateLinksInput,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<UpdateLinkBatchType> {
    const links = updateLinksFor(service);
    if (input.send && !links.canMail)
      throw new BadInputError('links cannot be sent: SMTP_URL is not set', 'input.send');
    const issued = await links.createLinks(input, authorOf(principal));
    const mail = input.send ? await links.mailLinks(issued) : null;
    return { links: issued.map(issuedType), csv: UpdateLinkService.csv(issued), mail };
  }

  @Authorized('EDITOR')
  @Query(() => [UpdateLinkType], {
    description:
      'Update links (of these actors), revoked and expired ones too, oldest first: whether opened and answered. EDITOR.',
  })
  async updateLinks(
    @Arg('actorIds', () => [ID], { nullable: true }) actorIds: string[] | null,
    @Ctx() { service }: GraphQLContext,
  ): Promise<UpdateLinkType[]> {
    checkListSize(actorIds, 'actorIds');
    return (await updateLinksFor(service).links(actorIds)).map(linkType);
  }

  @Authorized('EDITOR')
  @Query(() => [ActorType], {
    description: 'Actors with an update link (of these actors) that have not answered through any, by name. EDITOR.',
  })
  actorsWithoutUpdateAnswer(
    @Arg('actorIds', () => [ID], { nullable: true }) actorIds: string[] | null,
    @Ctx() { service }: GraphQLContext,
  ): Promise<unknown[]> {
    checkListSize(actorIds, 'actorIds');
    return updateLinksFor(service).actorsWithoutAnswer(actorIds);
  }

  @Authorized('EDITOR')
  @Mutation(() => UpdateLinkType, {
    description: 'Revokes an update link at once. NOT_FOUND for an unknown id. EDITOR.',
  })
  async revokeUpdateLink(@Arg('id', () => ID) id: string, @Ctx() { service }: GraphQLContext): Promise<UpdateLinkType> {
    checkIdArg(id, 'id');
    return linkType(await updateLinksFor(service).revokeLink(id));
  }

  @Authorized('EDITOR')
  @Mutation(() => IssuedUpdateLinkType, {
    description: 'A new link for the same actor (the old one is revoked); the address is answered once. EDITOR.',
  })
  async renewUpdateLink(
    @Arg('id', () => ID) id: string,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<IssuedUpdateLinkType> {
    checkIdArg(id, 'id');
    return issuedType(await updateLinksFor(service).renewLink(id, authorOf(principal)));
  }

  @Authorized('EDITOR')
  @Query(() => [UpdateProposalType], {
    description: 'Proposals from update links (filtered), oldest answer first. EDITOR.',
  })
  async updateProposals(
    @Arg('status', () => ProposalStatusEnum, { nullable: true }) status: UpdateProposalStatus | null,
    @Arg('actorId', () => ID, { nullable: true }) actorId: string | null,
    @Arg('answerId', () => ID, { nullable: true }) answerId: string | null,
    @Ctx() { service }: GraphQLContext,
  ): Promise<UpdateProposalType[]> {
    return (await updateLinksFor(service).proposals({ status, actorId, answerId })).map(proposalType);
  }

  @Authorized('EDITOR')
  @Mutation(() => UpdateProposalType, {
    description:
      'Accepts a proposal: writes it through the service with the link as author (link:<actor-id>) — a field, a topic, or a collaboration of both actors for a partnership. CONFLICT when already decided. EDITOR.',
  })
  async acceptUpdateProposal(
    @Arg('input', () => AcceptUpdateProposalInput) input: AcceptUpdateProposalInput,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<UpdateProposalType> {
    const { id, ...options } = input;
    return proposalType(await updateLinksFor(service).accept(id, authorOf(principal), options));
  }

  @Authorized('EDITOR')
  @Mutation(() => UpdateProposalType, {
    description: 'Rejects a proposal (nothing is written). CONFLICT when already decided. EDITOR.',
  })
  async rejectUpdateProposal(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<UpdateProposalType> {
    checkIdArg(id, 'id');
    if (reason != null) {
      const problem =
        reason.length > LIMITS.text ? `must be at most ${LIMITS.text} characters` : textProblem(reason, true);
      if (problem) throw new BadInputError(`reason ${problem}`, 'reason');
    }
    return proposalType(
      await updateLinksFor(service).reject(id, authorOf(principal), reason == null ? null : normalizeText(reason)),
    );
  }

  @Authorized('EDITOR')
  @Mutation(() => [UpdateProposalType], {
    description: 'Accepts (with the defaults) or rejects every pending proposal of one answer, in order. EDITOR.',
  })
  async decideUpdateAnswer(
    @Arg('answerId', () => ID) answerId: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<UpdateProposalType[]> {
    checkIdArg(answerId, 'answerId');
    return (await updateLinksFor(service).decideAnswer(answerId, accept, authorOf(principal))).map(proposalType);
  }
}

@Resolver(() => UpdateLinkType)
export class UpdateLinkFieldResolver {
  @FieldResolver(() => ActorType, { nullable: true })
  actor(@Root() link: UpdateLinkType, @Ctx() { loaders }: GraphQLContext): Promise<unknown> {
    return loaders.actor.load(link.actorId);
  }
}

@Resolver(() => UpdateProposalType)
export class UpdateProposalFieldResolver {
  @FieldResolver(() => ActorType, { nullable: true })
  actor(@Root() p: UpdateProposalType, @Ctx() { loaders }: GraphQLContext): Promise<unknown> {
    return loaders.actor.load(p.actorId);
  }
}

export const updateLinkResolvers = [UpdateLinksResolver, UpdateLinkFieldResolver, UpdateProposalFieldResolver] as const;
