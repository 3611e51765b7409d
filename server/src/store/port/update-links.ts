/**
 * Personal update links (part of the NetworkStore port; rules: update-link-rules.ts;
 * store/embedded/update-links.ts, store/neo4j/update-links.ts). Not part of the network: no
 * snapshot, count, history or export.
 */
import type * as U from '../../features/update-links/update-link-rules';

export interface UpdateLinkStore {
  /** Stores the links in one transaction; an unknown actor: NOT_FOUND (field `actorIds[i]`), nothing stored. */
  createUpdateLinks(inputs: readonly U.NewUpdateLinkInput[]): Promise<U.UpdateLinkRecord[]>;
  /** Links (revoked and expired ones too), oldest first (createdAt, then id). */
  updateLinks(filter: U.UpdateLinkFilter): Promise<U.UpdateLinkRecord[]>;
  /** The link with this token hash; null when there is none. */
  findUpdateLinkByHash(hash: string): Promise<U.UpdateLinkRecord | null>;
  /** Marks the link revoked (keeps its first revokedAt). Unknown id: NOT_FOUND (field `id`). */
  revokeUpdateLink(id: string, at: string): Promise<U.UpdateLinkRecord>;
  /** Sets openedAt when it is not set yet; an unknown id changes nothing. */
  markUpdateLinkOpened(id: string, at: string): Promise<void>;
  /**
   * Stores an answer in one transaction: its proposals (PENDING), the consent given with it, and
   * the link's answeredAt. Unknown link or actor: NOT_FOUND.
   */
  recordUpdateAnswer(input: U.UpdateAnswerInput, at: string): Promise<U.UpdateAnswerRecord>;
  /** Proposals, oldest answer first, in their order within the answer. */
  updateProposals(filter: U.UpdateProposalFilter): Promise<U.UpdateProposal[]>;
  /** Decides a PENDING proposal; unknown id: NOT_FOUND (field `id`); decided already: CONFLICT. */
  decideUpdateProposal(id: string, decision: U.ProposalDecision, at: string): Promise<U.UpdateProposal>;
  /**
   * Marks every active consent of the actor withdrawn and rejects its pending contact proposals, in
   * one transaction; answers the actor's consent records, newest first. Unknown actor: NOT_FOUND.
   */
  withdrawConsent(actorId: string, at: string): Promise<U.ConsentRecord[]>;
  /** Per actor: its consent records, newest first. */
  consents(actorIds: readonly string[]): Promise<U.ConsentRecord[][]>;
}
