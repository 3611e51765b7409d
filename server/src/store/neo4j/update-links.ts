/**
 * Personal update links, their proposals and consent records in the Neo4j store (rules:
 * store/update-link-rules.ts): `(:Actor)-[:HAS_UPDATE_LINK]->(:UpdateLink)`,
 * `(:Actor)-[:HAS_UPDATE_PROPOSAL]->(:UpdateProposal)` (value as JSON text) and
 * `(:Actor)-[:HAS_CONSENT]->(:Consent)`. Reads go through the actor, so nothing of a deleted actor
 * is ever answered; deleteActor, mergeActors and eraseActor delete the nodes with the actor
 * (DELETE_UPDATE_RECORDS). Link id and hash are unique (UPDATE_LINK_SCHEMA). Statements are
 * parameterised constants; none answers the hash.
 */
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { MissingReferenceError } from '../../domain/input-rules';
import {
  alreadyDecided,
  checkDecision,
  consentDraft,
  proposalDrafts,
  UnknownUpdateRecordError,
  updateLinkDraft,
  WITHDRAWAL_AUTHOR,
  WITHDRAWAL_OUTCOME,
  type ConsentRecord,
  type NewUpdateLinkInput,
  type ProposalDecision,
  type UpdateAnswerInput,
  type UpdateAnswerRecord,
  type UpdateLinkFilter,
  type UpdateLinkRecord,
  type UpdateProposal,
  type UpdateProposalFilter,
} from '../../features/update-links/update-link-rules';
import { numberField, optionalStringField, stringField } from './records';
import type { UpdateLinkStore } from '../port/update-links';
import { now, type Neo4jConnection } from './connection';

export const UPDATE_LINK_SCHEMA: readonly string[] = [
  'CREATE CONSTRAINT update_link_id IF NOT EXISTS FOR (l:UpdateLink) REQUIRE l.id IS UNIQUE',
  'CREATE CONSTRAINT update_link_hash IF NOT EXISTS FOR (l:UpdateLink) REQUIRE l.hash IS UNIQUE',
  'CREATE CONSTRAINT update_proposal_id IF NOT EXISTS FOR (p:UpdateProposal) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (c:Consent) REQUIRE c.id IS UNIQUE',
];

/** The update records of the actors `$ids`, deleted with them. */
export const DELETE_UPDATE_RECORDS = `
MATCH (a:Actor)-[:HAS_UPDATE_LINK|HAS_UPDATE_PROPOSAL|HAS_CONSENT]->(u)
WHERE a.id IN $ids
DETACH DELETE u`;

const LINK_FIELDS = `l.id AS id, a.id AS actorId, l.createdAt AS createdAt, l.expiresAt AS expiresAt, l.revokedAt AS revokedAt,
       l.openedAt AS openedAt, l.answeredAt AS answeredAt, l.createdBy AS createdBy`;

export const CREATE_LINK = `
MATCH (a:Actor {id: $actorId})
CREATE (a)-[:HAS_UPDATE_LINK]->(l:UpdateLink)
SET l = $link
RETURN l.id AS id`;

export const LINKS_OF = `
MATCH (a:Actor)-[:HAS_UPDATE_LINK]->(l:UpdateLink)
WHERE $actorIds IS NULL OR a.id IN $actorIds
RETURN ${LINK_FIELDS}
ORDER BY l.createdAt, l.id`;

export const LINK_BY_HASH = `
MATCH (a:Actor)-[:HAS_UPDATE_LINK]->(l:UpdateLink {hash: $hash})
RETURN ${LINK_FIELDS}`;

export const REVOKE_LINK = `
MATCH (a:Actor)-[:HAS_UPDATE_LINK]->(l:UpdateLink {id: $id})
SET l.revokedAt = coalesce(l.revokedAt, $at)
RETURN ${LINK_FIELDS}`;

export const OPEN_LINK = `
MATCH (:Actor)-[:HAS_UPDATE_LINK]->(l:UpdateLink {id: $id})
SET l.openedAt = coalesce(l.openedAt, $at)`;

export const ANSWER_LINK = `
MATCH (a:Actor {id: $actorId})-[:HAS_UPDATE_LINK]->(l:UpdateLink {id: $linkId})
SET l.answeredAt = $at
RETURN l.id AS id`;

export const CREATE_PROPOSALS = `
MATCH (a:Actor {id: $actorId})
UNWIND $proposals AS p
CREATE (a)-[:HAS_UPDATE_PROPOSAL]->(n:UpdateProposal)
SET n = p`;

export const CREATE_CONSENT = `
MATCH (a:Actor {id: $actorId})
CREATE (a)-[:HAS_CONSENT]->(c:Consent)
SET c = $consent`;

const PROPOSAL_FIELDS = `p.id AS id, p.answerId AS answerId, p.linkId AS linkId, a.id AS actorId, p.kind AS kind, p.field AS field,
       p.value AS value, p.position AS position, p.createdAt AS createdAt, p.status AS status, p.decidedAt AS decidedAt,
       p.decidedBy AS decidedBy, p.outcome AS outcome`;

export const PROPOSALS = `
MATCH (a:Actor)-[:HAS_UPDATE_PROPOSAL]->(p:UpdateProposal)
WHERE ($status IS NULL OR p.status = $status) AND ($actorId IS NULL OR a.id = $actorId) AND ($answerId IS NULL OR p.answerId = $answerId)
RETURN ${PROPOSAL_FIELDS}
ORDER BY p.createdAt, p.answerId, p.position`;

export const PROPOSAL_BY_ID = `
MATCH (a:Actor)-[:HAS_UPDATE_PROPOSAL]->(p:UpdateProposal {id: $id})
RETURN ${PROPOSAL_FIELDS}`;

export const DECIDE_PROPOSAL = `
MATCH (a:Actor)-[:HAS_UPDATE_PROPOSAL]->(p:UpdateProposal {id: $id})
WHERE p.status = 'PENDING'
SET p.status = $status, p.decidedAt = $at, p.decidedBy = $decidedBy, p.outcome = $outcome
RETURN ${PROPOSAL_FIELDS}`;

export const WITHDRAW_CONSENTS = `
MATCH (a:Actor {id: $actorId})
OPTIONAL MATCH (a)-[:HAS_CONSENT]->(c:Consent) WHERE c.withdrawnAt IS NULL
SET c.withdrawnAt = $at
WITH DISTINCT a
OPTIONAL MATCH (a)-[:HAS_UPDATE_PROPOSAL]->(p:UpdateProposal {status: 'PENDING', kind: 'FIELD', field: 'contact'})
SET p.status = 'REJECTED', p.decidedAt = $at, p.decidedBy = $by, p.outcome = $outcome
RETURN count(DISTINCT a) AS found`;

export const CONSENTS_OF = `
MATCH (a:Actor)-[:HAS_CONSENT]->(c:Consent)
WHERE a.id IN $ids
RETURN c.id AS id, a.id AS actorId, c.linkId AS linkId, c.textVersion AS textVersion, c.givenAt AS givenAt, c.withdrawnAt AS withdrawnAt, c.seq AS seq
ORDER BY c.givenAt DESC, c.seq DESC`;

function toLink(r: Neo4jRecord): UpdateLinkRecord {
  return {
    id: stringField(r, 'id'),
    actorId: stringField(r, 'actorId'),
    createdAt: stringField(r, 'createdAt'),
    expiresAt: stringField(r, 'expiresAt'),
    revokedAt: optionalStringField(r, 'revokedAt'),
    openedAt: optionalStringField(r, 'openedAt'),
    answeredAt: optionalStringField(r, 'answeredAt'),
    createdBy: stringField(r, 'createdBy'),
  };
}

function toProposal(r: Neo4jRecord): UpdateProposal {
  return {
    id: stringField(r, 'id'),
    answerId: stringField(r, 'answerId'),
    linkId: stringField(r, 'linkId'),
    actorId: stringField(r, 'actorId'),
    kind: stringField(r, 'kind') as UpdateProposal['kind'],
    field: optionalStringField(r, 'field'),
    value: JSON.parse(stringField(r, 'value')) as unknown,
    position: numberField(r, 'position'),
    createdAt: stringField(r, 'createdAt'),
    status: stringField(r, 'status') as UpdateProposal['status'],
    decidedAt: optionalStringField(r, 'decidedAt'),
    decidedBy: optionalStringField(r, 'decidedBy'),
    outcome: optionalStringField(r, 'outcome'),
  };
}

function toConsent(r: Neo4jRecord): ConsentRecord {
  return {
    id: stringField(r, 'id'),
    actorId: stringField(r, 'actorId'),
    linkId: optionalStringField(r, 'linkId'),
    textVersion: stringField(r, 'textVersion'),
    givenAt: stringField(r, 'givenAt'),
    withdrawnAt: optionalStringField(r, 'withdrawnAt'),
  };
}

export async function deleteUpdateRecords(tx: ManagedTransaction, actorIds: readonly string[]): Promise<void> {
  await tx.run(DELETE_UPDATE_RECORDS, { ids: [...actorIds] });
}

export async function createUpdateLinks(
  tx: ManagedTransaction,
  inputs: readonly NewUpdateLinkInput[],
  at: string,
): Promise<UpdateLinkRecord[]> {
  const out: UpdateLinkRecord[] = [];
  for (const [i, input] of inputs.entries()) {
    const { actorId, ...link } = updateLinkDraft(input, at);
    const created = (
      await tx.run(CREATE_LINK, { actorId, link: { ...link, revokedAt: null, openedAt: null, answeredAt: null } })
    ).records;
    if (created.length === 0) throw new MissingReferenceError('Actor', actorId, `actorIds[${i}]`);
    const { hash: _hash, ...record } = link;
    out.push({ actorId, ...record });
  }
  return out;
}

export async function updateLinks(tx: ManagedTransaction, filter: UpdateLinkFilter): Promise<UpdateLinkRecord[]> {
  return (await tx.run(LINKS_OF, { actorIds: filter.actorIds ? [...filter.actorIds] : null })).records.map(toLink);
}

export async function findUpdateLinkByHash(tx: ManagedTransaction, hash: string): Promise<UpdateLinkRecord | null> {
  const [r] = (await tx.run(LINK_BY_HASH, { hash })).records;
  return r ? toLink(r) : null;
}

export async function revokeUpdateLink(tx: ManagedTransaction, id: string, at: string): Promise<UpdateLinkRecord> {
  const [r] = (await tx.run(REVOKE_LINK, { id, at })).records;
  if (!r) throw new UnknownUpdateRecordError('UpdateLink', id);
  return toLink(r);
}

export async function markUpdateLinkOpened(tx: ManagedTransaction, id: string, at: string): Promise<void> {
  await tx.run(OPEN_LINK, { id, at });
}

export async function recordUpdateAnswer(
  tx: ManagedTransaction,
  input: UpdateAnswerInput,
  at: string,
): Promise<UpdateAnswerRecord> {
  const proposals = proposalDrafts(input, at);
  const consent = consentDraft(input, at);
  const answered = (await tx.run(ANSWER_LINK, { actorId: input.actorId, linkId: input.linkId, at })).records;
  if (answered.length === 0) throw new UnknownUpdateRecordError('UpdateLink', input.linkId, 'linkId');
  if (proposals.length > 0) {
    await tx.run(CREATE_PROPOSALS, {
      actorId: input.actorId,
      proposals: proposals.map(({ actorId: _a, value, field, ...p }) => ({
        ...p,
        field,
        value: JSON.stringify(value),
      })),
    });
  }
  if (consent) {
    const { actorId, ...props } = consent;
    await tx.run(CREATE_CONSENT, { actorId, consent: { ...props, seq: Date.now() } });
  }
  return { answerId: proposals[0]?.answerId ?? '', proposals, consent };
}

export async function updateProposals(tx: ManagedTransaction, filter: UpdateProposalFilter): Promise<UpdateProposal[]> {
  const params = { status: filter.status ?? null, actorId: filter.actorId ?? null, answerId: filter.answerId ?? null };
  return (await tx.run(PROPOSALS, params)).records.map(toProposal);
}

export async function decideUpdateProposal(
  tx: ManagedTransaction,
  id: string,
  decision: ProposalDecision,
  at: string,
): Promise<UpdateProposal> {
  checkDecision(decision);
  const [current] = (await tx.run(PROPOSAL_BY_ID, { id })).records;
  if (!current) throw new UnknownUpdateRecordError('UpdateProposal', id);
  const before = toProposal(current);
  if (before.status !== 'PENDING') throw alreadyDecided(before);
  const [r] = (
    await tx.run(DECIDE_PROPOSAL, {
      id,
      at,
      status: decision.status,
      decidedBy: decision.decidedBy,
      outcome: decision.outcome ?? null,
    })
  ).records;
  if (!r) throw alreadyDecided(before);
  return toProposal(r);
}

export async function withdrawConsent(tx: ManagedTransaction, actorId: string, at: string): Promise<ConsentRecord[]> {
  const [r] = (await tx.run(WITHDRAW_CONSENTS, { actorId, at, by: WITHDRAWAL_AUTHOR, outcome: WITHDRAWAL_OUTCOME }))
    .records;
  if (!r || numberField(r, 'found') === 0) throw new MissingReferenceError('Actor', actorId, 'actorId');
  return (await consents(tx, [actorId]))[0]!;
}

export async function consents(tx: ManagedTransaction, actorIds: readonly string[]): Promise<ConsentRecord[][]> {
  const byActor = new Map<string, ConsentRecord[]>();
  for (const r of (await tx.run(CONSENTS_OF, { ids: [...new Set(actorIds)] })).records) {
    const c = toConsent(r);
    let list = byActor.get(c.actorId);
    if (!list) byActor.set(c.actorId, (list = []));
    list.push(c);
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

/** Personal update links of the Neo4j store (port/update-links.ts). */
export function neo4jUpdateLinks(db: Neo4jConnection): UpdateLinkStore {
  return {
    createUpdateLinks: (inputs: readonly NewUpdateLinkInput[]) =>
      db.write((tx) => createUpdateLinks(tx, inputs, now())),
    updateLinks: (filter: UpdateLinkFilter) => db.read((tx) => updateLinks(tx, filter)),
    findUpdateLinkByHash: (hash: string) => db.read((tx) => findUpdateLinkByHash(tx, hash)),
    revokeUpdateLink: (id: string, at: string) => db.write((tx) => revokeUpdateLink(tx, id, at)),
    async markUpdateLinkOpened(id: string, at: string): Promise<void> {
      await db.write((tx) => markUpdateLinkOpened(tx, id, at));
    },
    recordUpdateAnswer: (input: UpdateAnswerInput, at: string) => db.write((tx) => recordUpdateAnswer(tx, input, at)),
    updateProposals: (filter: UpdateProposalFilter) => db.read((tx) => updateProposals(tx, filter)),
    decideUpdateProposal: (id: string, decision: ProposalDecision, at: string) =>
      db.write((tx) => decideUpdateProposal(tx, id, decision, at)),
    withdrawConsent: (actorId: string, at: string) => db.write((tx) => withdrawConsent(tx, actorId, at)),
    consents: (actorIds: readonly string[]) => db.read((tx) => consents(tx, actorIds)),
  };
}
