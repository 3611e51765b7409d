/** GraphQL types of personal update links, their proposals and consent records (editors). */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, Length, Max, Min } from 'class-validator';
import type { ActorKind, CollaborationKind, ParticipationRole } from '../../domain/model';
import { ActorKindEnum, CollaborationKindEnum, ParticipationRoleEnum } from '../../platform/graphql/common/enums';
import { IsSingleLineText, LIMITS } from '../../platform/graphql/common/validators';
import { ActorType } from '../actors/actor.type';
import {
  PROPOSAL_KINDS,
  PROPOSAL_STATUSES,
  type UpdateProposalKind,
  type UpdateProposalStatus,
} from './update-link-rules';

const enumObject = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const ProposalKindEnum = enumObject(PROPOSAL_KINDS);
export const ProposalStatusEnum = enumObject(PROPOSAL_STATUSES);
registerEnumType(ProposalKindEnum, {
  name: 'UpdateProposalKind',
  description:
    'FIELD: a field of the entry; ADD_TOPIC / REMOVE_TOPIC: an existing topic; NEW_TOPIC: a topic proposed by name; PARTNERSHIP: a reported collaboration.',
});
registerEnumType(ProposalStatusEnum, { name: 'UpdateProposalStatus' });

@ObjectType('UpdateLink', { description: 'A personal update link (its token is never stored, only its hash).' })
export class UpdateLinkType {
  @Field(() => ID) id!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => ActorType, { nullable: true }) actor?: unknown;
  @Field(() => String) createdAt!: string;
  @Field(() => String) expiresAt!: string;
  @Field(() => String, { nullable: true }) revokedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'When the page was first opened with it.' }) openedAt!:
    string | null;
  @Field(() => String, { nullable: true, description: 'When an answer came through it (the latest).' }) answeredAt!:
    string | null;
  @Field(() => String, { description: 'Who created it (key:<name>, jwt:<sub>).' }) createdBy!: string;
  @Field(() => Boolean, { description: 'Neither revoked nor expired.' }) active!: boolean;
}

@ObjectType('IssuedUpdateLink', { description: 'A link just created: the address holds the token, shown this once.' })
export class IssuedUpdateLinkType {
  @Field(() => UpdateLinkType) link!: UpdateLinkType;
  @Field(() => String) actorName!: string;
  @Field(() => String, {
    nullable: true,
    description: "The first e-mail address of the actor's contact data (editors see contact data).",
  })
  email!: string | null;
  @Field(() => String, { description: 'The personal page address, token in the fragment (…/update/#token=…).' })
  url!: string;
}

@ObjectType('UpdateLinkMailReport', { description: 'What sending the links by e-mail did.' })
export class UpdateLinkMailReportType {
  @Field(() => Int) sent!: number;
  @Field(() => Int, { description: 'Actors without an e-mail address in their contact data.' }) withoutEmail!: number;
  @Field(() => [ID], { description: 'Actors whose message the mail server refused.' }) failedActorIds!: string[];
}

@ObjectType('UpdateLinkBatch')
export class UpdateLinkBatchType {
  @Field(() => [IssuedUpdateLinkType]) links!: IssuedUpdateLinkType[];
  @Field(() => UpdateLinkMailReportType, { nullable: true, description: 'With send: true, what was sent.' })
  mail?: UpdateLinkMailReportType | null;
  @Field(() => String, { description: 'The same as CSV for a mail merge: Name, E-Mail, Link, Gültig bis.' })
  csv!: string;
}

@ObjectType('UpdateProposal', {
  description: 'One change an answer through an update link asks for; nothing of it is in the network until accepted.',
})
export class UpdateProposalType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'Proposals of one answer share it.' }) answerId!: string;
  @Field(() => ID) actorId!: string;
  @Field(() => ActorType, { nullable: true }) actor?: unknown;
  @Field(() => ProposalKindEnum) kind!: UpdateProposalKind;
  @Field(() => String, { nullable: true, description: 'FIELD: which field.' }) field!: string | null;
  @Field(() => String, {
    description:
      'What is proposed, as JSON (a value, a topic id or name, a partnership {partnerId, partnerName, about, when}).',
  })
  value!: string;
  @Field(() => String) createdAt!: string;
  @Field(() => ProposalStatusEnum) status!: UpdateProposalStatus;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What accepting did (e.g. "collaboration <id>"), or why it was rejected.',
  })
  outcome!: string | null;
}

@ObjectType('Consent', { description: 'A consent to storing contact data, given through an update link.' })
export class ConsentType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Version of the consent text agreed to.' }) textVersion!: string;
  @Field(() => String) givenAt!: string;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
}

@InputType()
export class CreateUpdateLinksInput {
  @Field(() => [ID], { nullable: true, description: 'These actors.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @Length(1, LIMITS.reference, { each: true })
  actorIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'And the participants of this collaboration.' })
  @IsOptional()
  @Length(1, LIMITS.reference)
  collaborationId?: string | null;

  @Field(() => [ParticipationRoleEnum], { nullable: true, description: 'Only participants in these roles.' })
  @IsOptional()
  @IsEnum(ParticipationRoleEnum, { each: true })
  roles?: ParticipationRole[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Also send each link to its actor's e-mail address (needs SMTP_URL; BAD_USER_INPUT otherwise).",
  })
  @IsOptional()
  send?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days until the links expire (1–365); UPDATE_LINK_DAYS, default 30.',
  })
  @IsOptional()
  @Min(1)
  @Max(365)
  validDays?: number | null;
}

@InputType()
export class AcceptUpdateProposalInput {
  @Field(() => ID) @Length(1, LIMITS.reference) id!: string;

  @Field(() => CollaborationKindEnum, {
    nullable: true,
    description: 'PARTNERSHIP: kind of the collaboration created; COOPERATION by default.',
  })
  @IsOptional()
  @IsEnum(CollaborationKindEnum)
  collaborationKind?: CollaborationKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'PARTNERSHIP: its title; by default the first line of what it was about.',
  })
  @IsOptional()
  @Length(1, LIMITS.name)
  @IsSingleLineText()
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'PARTNERSHIP with a partner only named: the existing actor it is.' })
  @IsOptional()
  @Length(1, LIMITS.reference)
  partnerId?: string | null;

  @Field(() => ActorKindEnum, {
    nullable: true,
    description: 'PARTNERSHIP with a partner only named: create it with this kind.',
  })
  @IsOptional()
  @IsEnum(ActorKindEnum)
  partnerKind?: ActorKind | null;

  @Field(() => ID, { nullable: true, description: 'NEW_TOPIC: an existing topic it is (else the topic is created).' })
  @IsOptional()
  @Length(1, LIMITS.reference)
  topicId?: string | null;
}
