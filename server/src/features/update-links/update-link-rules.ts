/**
 * Personal update links, the proposals their answers make and consent records: the records both
 * adapters store (embedded/update-links.ts, neo4j/update-links.ts) and the rules they share, so
 * they accept and refuse the same inputs. What a link may do and how answers turn into proposals is
 * in features/update-links; the stores only keep the records.
 *
 * - A link is personal to one actor and stored only as the SHA-256 hash of its token. It goes with
 *   its actor (deleting, merging away or erasing the actor deletes it).
 * - A proposal is one change an answer asks for; it stays PENDING until an editor decides
 *   (ACCEPTED or REJECTED, once: deciding a decided proposal is a CONFLICT). Proposals go with
 *   their actor too.
 * - A consent record says when the actor's contact person agreed to which consent text (version),
 *   and when it was withdrawn. Records go with the actor; `personalData` lists them.
 * None of these is recorded in the history (the history records what accepted proposals change).
 */
import { randomUUID } from 'node:crypto';
import { BadInputError, DomainError } from '../../domain/errors';

export interface UpdateLinkRecord {
  id: string;
  actorId: string;
  /** ISO-8601 timestamps. */
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** When the link was first opened (its entry read). */
  openedAt: string | null;
  /** When an answer through it was last received. */
  answeredAt: string | null;
  /** Who created it (`key:<name>`, `jwt:<sub>`). */
  createdBy: string;
}

export interface NewUpdateLinkInput {
  actorId: string;
  /** SHA-256 of the token, hex; the token never reaches the store. */
  hash: string;
  expiresAt: string;
  createdBy: string;
}

export interface UpdateLinkFilter {
  /** Links of these actors only. */
  actorIds?: readonly string[] | null;
}

export const PROPOSAL_KINDS = ['FIELD', 'ADD_TOPIC', 'REMOVE_TOPIC', 'NEW_TOPIC', 'PARTNERSHIP'] as const;
export type UpdateProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type UpdateProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface UpdateProposalDraft {
  kind: UpdateProposalKind;
  /** FIELD: the actor field (name, kind, description, website, district, contact); else null. */
  field?: string | null;
  /** What is proposed, as JSON: a field value, a topic id, a topic name, a partnership. */
  value: unknown;
}

export interface UpdateProposal {
  id: string;
  /** Proposals of one answer share it. */
  answerId: string;
  linkId: string;
  actorId: string;
  kind: UpdateProposalKind;
  field: string | null;
  value: unknown;
  /** Order within the answer. */
  position: number;
  createdAt: string;
  status: UpdateProposalStatus;
  decidedAt: string | null;
  decidedBy: string | null;
  /** What the decision did (e.g. the id of the collaboration created), or why it was rejected. */
  outcome: string | null;
}

export interface UpdateAnswerInput {
  linkId: string;
  actorId: string;
  proposals: UpdateProposalDraft[];
  /** Consent given with this answer (the consent text's version). */
  consent?: { textVersion: string } | null;
}

export interface UpdateAnswerRecord {
  answerId: string;
  proposals: UpdateProposal[];
  consent: ConsentRecord | null;
}

export interface UpdateProposalFilter {
  status?: UpdateProposalStatus | null;
  actorId?: string | null;
  answerId?: string | null;
}

export interface ProposalDecision {
  status: 'ACCEPTED' | 'REJECTED';
  decidedBy: string;
  outcome?: string | null;
}

export interface ConsentRecord {
  id: string;
  actorId: string;
  /** The link it was given through; null when recorded otherwise. */
  linkId: string | null;
  textVersion: string;
  givenAt: string;
  withdrawnAt: string | null;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Checks a new link and answers the record to store (with its hash). */
export function updateLinkDraft(
  input: NewUpdateLinkInput,
  at = new Date().toISOString(),
): UpdateLinkRecord & { hash: string } {
  if (typeof input.hash !== 'string' || !SHA256_HEX.test(input.hash))
    throw new BadInputError('the hash must be SHA-256 in lower-case hex', 'hash');
  if (!(typeof input.expiresAt === 'string' && input.expiresAt > at))
    throw new BadInputError('a link must expire after it is created', 'expiresAt');
  return {
    id: randomUUID(),
    actorId: input.actorId,
    hash: input.hash,
    createdAt: at,
    expiresAt: input.expiresAt,
    revokedAt: null,
    openedAt: null,
    answeredAt: null,
    createdBy: input.createdBy,
  };
}

/** The proposals of one answer, checked for shape (the feature has checked their content). */
export function proposalDrafts(input: UpdateAnswerInput, at: string): UpdateProposal[] {
  const answerId = randomUUID();
  return input.proposals.map((p, position) => {
    if (!(PROPOSAL_KINDS as readonly string[]).includes(p.kind))
      throw new BadInputError(`unknown proposal kind "${String(p.kind)}"`, `proposals[${position}].kind`);
    return {
      id: randomUUID(),
      answerId,
      linkId: input.linkId,
      actorId: input.actorId,
      kind: p.kind,
      field: p.field ?? null,
      value: p.value ?? null,
      position,
      createdAt: at,
      status: 'PENDING',
      decidedAt: null,
      decidedBy: null,
      outcome: null,
    };
  });
}

export function consentDraft(input: UpdateAnswerInput, at: string): ConsentRecord | null {
  if (!input.consent) return null;
  const version = input.consent.textVersion;
  if (typeof version !== 'string' || version.trim() === '' || version.length > 100)
    throw new BadInputError('the consent text version must be given', 'consent.textVersion');
  return {
    id: randomUUID(),
    actorId: input.actorId,
    linkId: input.linkId,
    textVersion: version,
    givenAt: at,
    withdrawnAt: null,
  };
}

export class UnknownUpdateRecordError extends DomainError {
  constructor(what: 'UpdateLink' | 'UpdateProposal', id: string, field = 'id') {
    super('NOT_FOUND', `${what} "${id}" does not exist`, field);
  }
}

/** A decision on a proposal that is no longer pending. */
export function alreadyDecided(p: Pick<UpdateProposal, 'id' | 'status'>): DomainError {
  return new DomainError('CONFLICT', `proposal "${p.id}" was already ${p.status.toLowerCase()}`, 'id');
}

export function checkDecision(decision: ProposalDecision): void {
  if (decision.status !== 'ACCEPTED' && decision.status !== 'REJECTED')
    throw new BadInputError(`unknown decision "${String(decision.status)}"`, 'status');
}

/** Pending proposals of a contact, rejected when consent is withdrawn. */
export const WITHDRAWAL_OUTCOME = 'consent withdrawn';
export const WITHDRAWAL_AUTHOR = 'withdrawal';
