/**
 * Personal update links, their proposals and consent records in the embedded store (rules:
 * store/update-link-rules.ts): tables `update_link` (the token's SHA-256 hash unique), `update_proposal`
 * and `consent` (migration 6). Every row goes with its actor (ON DELETE CASCADE: deleting, merging
 * away or erasing the actor deletes them). Not recorded in `change_record`.
 */
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
import type { Sql } from './sql';
import type { UpdateLinkStore } from '../port/update-links';
import type { EmbeddedDatabase } from './database';
import { keysJson } from './sql';

/** Migration 6 (schema.ts). */
export const UPDATE_LINK_MIGRATION = `
  CREATE TABLE update_link (
    id          TEXT NOT NULL PRIMARY KEY,
    actor_id    TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    hash        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT,
    opened_at   TEXT,
    answered_at TEXT,
    created_by  TEXT NOT NULL
  );
  CREATE INDEX update_link_by_actor ON update_link (actor_id, created_at);

  CREATE TABLE update_proposal (
    id         TEXT NOT NULL PRIMARY KEY,
    answer_id  TEXT NOT NULL,
    link_id    TEXT NOT NULL,
    actor_id   TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    field      TEXT,
    value      TEXT NOT NULL, -- JSON
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    decided_at TEXT,
    decided_by TEXT,
    outcome    TEXT
  );
  CREATE INDEX update_proposal_by_status ON update_proposal (status, created_at);
  CREATE INDEX update_proposal_by_actor ON update_proposal (actor_id);
  CREATE INDEX update_proposal_by_answer ON update_proposal (answer_id);

  CREATE TABLE consent (
    id           TEXT NOT NULL PRIMARY KEY,
    actor_id     TEXT NOT NULL REFERENCES actor (id) ON DELETE CASCADE,
    link_id      TEXT,
    text_version TEXT NOT NULL,
    given_at     TEXT NOT NULL,
    withdrawn_at TEXT
  );
  CREATE INDEX consent_by_actor ON consent (actor_id, given_at);
`;

interface LinkRow {
  id: string;
  actor_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  opened_at: string | null;
  answered_at: string | null;
  created_by: string;
}

const LINK_COLUMNS = 'id, actor_id, created_at, expires_at, revoked_at, opened_at, answered_at, created_by';

const toLink = (r: LinkRow): UpdateLinkRecord => ({
  id: r.id,
  actorId: r.actor_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  openedAt: r.opened_at,
  answeredAt: r.answered_at,
  createdBy: r.created_by,
});

interface ProposalRow {
  id: string;
  answer_id: string;
  link_id: string;
  actor_id: string;
  kind: UpdateProposal['kind'];
  field: string | null;
  value: string;
  position: number;
  created_at: string;
  status: UpdateProposal['status'];
  decided_at: string | null;
  decided_by: string | null;
  outcome: string | null;
}

const toProposal = (r: ProposalRow): UpdateProposal => ({
  id: r.id,
  answerId: r.answer_id,
  linkId: r.link_id,
  actorId: r.actor_id,
  kind: r.kind,
  field: r.field,
  value: JSON.parse(r.value) as unknown,
  position: r.position,
  createdAt: r.created_at,
  status: r.status,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
  outcome: r.outcome,
});

interface ConsentRow {
  id: string;
  actor_id: string;
  link_id: string | null;
  text_version: string;
  given_at: string;
  withdrawn_at: string | null;
}

const toConsent = (r: ConsentRow): ConsentRecord => ({
  id: r.id,
  actorId: r.actor_id,
  linkId: r.link_id,
  textVersion: r.text_version,
  givenAt: r.given_at,
  withdrawnAt: r.withdrawn_at,
});

/** Inside the caller's write transaction. */
export function createUpdateLinks(sql: Sql, inputs: readonly NewUpdateLinkInput[], at: string): UpdateLinkRecord[] {
  return inputs.map((input, i) => {
    const draft = updateLinkDraft(input, at);
    if (!sql.exists('actor', draft.actorId)) throw new MissingReferenceError('Actor', draft.actorId, `actorIds[${i}]`);
    sql.run(
      `INSERT INTO update_link (id, actor_id, hash, created_at, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?)`,
      draft.id,
      draft.actorId,
      draft.hash,
      draft.createdAt,
      draft.expiresAt,
      draft.createdBy,
    );
    const { hash: _hash, ...record } = draft;
    return record;
  });
}

export function updateLinks(sql: Sql, filter: UpdateLinkFilter): UpdateLinkRecord[] {
  if (filter.actorIds) {
    return sql
      .all<LinkRow>(
        `SELECT ${LINK_COLUMNS} FROM update_link WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, id`,
        keysJson(filter.actorIds),
      )
      .map(toLink);
  }
  return sql.all<LinkRow>(`SELECT ${LINK_COLUMNS} FROM update_link ORDER BY created_at, id`).map(toLink);
}

export function findUpdateLinkByHash(sql: Sql, hash: string): UpdateLinkRecord | null {
  const row = sql.get<LinkRow>(`SELECT ${LINK_COLUMNS} FROM update_link WHERE hash = ?`, hash);
  return row ? toLink(row) : null;
}

/** Inside the caller's write transaction. */
export function revokeUpdateLink(sql: Sql, id: string, at: string): UpdateLinkRecord {
  sql.run('UPDATE update_link SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id);
  const row = sql.get<LinkRow>(`SELECT ${LINK_COLUMNS} FROM update_link WHERE id = ?`, id);
  if (!row) throw new UnknownUpdateRecordError('UpdateLink', id);
  return toLink(row);
}

export function markUpdateLinkOpened(sql: Sql, id: string, at: string): void {
  sql.run('UPDATE update_link SET opened_at = ? WHERE id = ? AND opened_at IS NULL', at, id);
}

/** Inside the caller's write transaction. */
export function recordUpdateAnswer(sql: Sql, input: UpdateAnswerInput, at: string): UpdateAnswerRecord {
  const link = sql.get<{ actor_id: string }>('SELECT actor_id FROM update_link WHERE id = ?', input.linkId);
  if (!link || link.actor_id !== input.actorId)
    throw new UnknownUpdateRecordError('UpdateLink', input.linkId, 'linkId');
  const proposals = proposalDrafts(input, at);
  const consent = consentDraft(input, at);
  for (const p of proposals) {
    sql.run(
      `INSERT INTO update_proposal (id, answer_id, link_id, actor_id, kind, field, value, position, created_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')`,
      p.id,
      p.answerId,
      p.linkId,
      p.actorId,
      p.kind,
      p.field,
      JSON.stringify(p.value),
      p.position,
      p.createdAt,
    );
  }
  if (consent) {
    sql.run(
      'INSERT INTO consent (id, actor_id, link_id, text_version, given_at) VALUES (?, ?, ?, ?, ?)',
      consent.id,
      consent.actorId,
      consent.linkId,
      consent.textVersion,
      consent.givenAt,
    );
  }
  sql.run('UPDATE update_link SET answered_at = ? WHERE id = ?', at, input.linkId);
  return { answerId: proposals[0]?.answerId ?? '', proposals, consent };
}

export function updateProposals(sql: Sql, filter: UpdateProposalFilter): UpdateProposal[] {
  return sql
    .all<ProposalRow>(
      `SELECT * FROM update_proposal
       WHERE (@status IS NULL OR status = @status) AND (@actorId IS NULL OR actor_id = @actorId)
         AND (@answerId IS NULL OR answer_id = @answerId)
       ORDER BY created_at, answer_id, position`,
      { status: filter.status ?? null, actorId: filter.actorId ?? null, answerId: filter.answerId ?? null },
    )
    .map(toProposal);
}

/** Inside the caller's write transaction. */
export function decideUpdateProposal(sql: Sql, id: string, decision: ProposalDecision, at: string): UpdateProposal {
  checkDecision(decision);
  const row = sql.get<ProposalRow>('SELECT * FROM update_proposal WHERE id = ?', id);
  if (!row) throw new UnknownUpdateRecordError('UpdateProposal', id);
  if (row.status !== 'PENDING') throw alreadyDecided(toProposal(row));
  sql.run(
    'UPDATE update_proposal SET status = ?, decided_at = ?, decided_by = ?, outcome = ? WHERE id = ?',
    decision.status,
    at,
    decision.decidedBy,
    decision.outcome ?? null,
    id,
  );
  return toProposal(sql.get<ProposalRow>('SELECT * FROM update_proposal WHERE id = ?', id)!);
}

/** Inside the caller's write transaction. */
export function withdrawConsent(sql: Sql, actorId: string, at: string): ConsentRecord[] {
  if (!sql.exists('actor', actorId)) throw new MissingReferenceError('Actor', actorId, 'actorId');
  sql.run('UPDATE consent SET withdrawn_at = ? WHERE actor_id = ? AND withdrawn_at IS NULL', at, actorId);
  sql.run(
    `UPDATE update_proposal SET status = 'REJECTED', decided_at = ?, decided_by = ?, outcome = ?
     WHERE actor_id = ? AND status = 'PENDING' AND kind = 'FIELD' AND field = 'contact'`,
    at,
    WITHDRAWAL_AUTHOR,
    WITHDRAWAL_OUTCOME,
    actorId,
  );
  return consents(sql, [actorId])[0]!;
}

export function consents(sql: Sql, actorIds: readonly string[]): ConsentRecord[][] {
  const rows = sql.all<ConsentRow>(
    'SELECT * FROM consent WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY given_at DESC, rowid DESC',
    keysJson(actorIds),
  );
  const byActor = new Map<string, ConsentRecord[]>();
  for (const r of rows) {
    let list = byActor.get(r.actor_id);
    if (!list) byActor.set(r.actor_id, (list = []));
    list.push(toConsent(r));
  }
  return actorIds.map((id) => byActor.get(id) ?? []);
}

/** Personal update links of the embedded store (port/update-links.ts). */
export function embeddedUpdateLinks(d: EmbeddedDatabase): UpdateLinkStore {
  return {
    createUpdateLinks: async (inputs: readonly NewUpdateLinkInput[]) =>
      d.write(() => createUpdateLinks(d.sql, inputs, new Date().toISOString())),
    updateLinks: async (filter: UpdateLinkFilter) => updateLinks(d.sql, filter),
    findUpdateLinkByHash: async (hash: string) => findUpdateLinkByHash(d.sql, hash),
    revokeUpdateLink: async (id: string, at: string) => d.write(() => revokeUpdateLink(d.sql, id, at)),
    async markUpdateLinkOpened(id: string, at: string): Promise<void> {
      d.write(() => markUpdateLinkOpened(d.sql, id, at));
    },
    recordUpdateAnswer: async (input: UpdateAnswerInput, at: string) =>
      d.write(() => recordUpdateAnswer(d.sql, input, at)),
    updateProposals: async (filter: UpdateProposalFilter) => updateProposals(d.sql, filter),
    decideUpdateProposal: async (id: string, decision: ProposalDecision, at: string) =>
      d.write(() => decideUpdateProposal(d.sql, id, decision, at)),
    withdrawConsent: async (actorId: string, at: string) => d.write(() => withdrawConsent(d.sql, actorId, at)),
    consents: async (actorIds: readonly string[]) => consents(d.sql, actorIds),
  };
}
