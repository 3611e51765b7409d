/** What the update-link service takes and gives: limits, refusals, inputs and views. */
import type { ActorKind, CollaborationKind, ParticipationRole } from '../../domain/model';
import type { CONSENT_TEXT } from './consent';
import type { UpdateLinkRecord } from './update-link-rules';

export const MAX_LINKS_PER_REQUEST = 500;
/** The most names the page lists to pick partners from. */
export const MAX_PARTNER_NAMES = 5000;

export type LinkRefusal = 'UNKNOWN' | 'EXPIRED' | 'REVOKED';

/** A token that opens nothing: unknown (or malformed), expired or revoked. Answered 401. */
export class LinkRefusedError extends Error {
  constructor(readonly reason: LinkRefusal) {
    super(
      reason === 'EXPIRED'
        ? 'This update link has expired; ask the quarter management for a new one'
        : reason === 'REVOKED'
          ? 'This update link was withdrawn; ask the quarter management for a new one'
          : 'This update link is not valid',
    );
    this.name = 'LinkRefusedError';
  }
}

export const linkAuthor = (actorId: string) => `link:${actorId}`;

export interface CreateLinksInput {
  actorIds?: readonly string[] | null;
  /** Every participant of this collaboration (with `roles`: those roles only). */
  collaborationId?: string | null;
  roles?: readonly ParticipationRole[] | null;
  /** Days until they expire; UPDATE_LINK_DAYS (default 30) when absent. */
  validDays?: number | null;
}

export interface IssuedLink {
  link: UpdateLinkRecord;
  actorName: string;
  /** The first e-mail address of the actor's contact data, when it has one. */
  email: string | null;
  /** The personal address of the page, token in the fragment: shown once, never stored. */
  url: string;
}

export interface EntryView {
  actor: {
    id: string;
    name: string;
    kind: ActorKind;
    description: string | null;
    website: string | null;
    district: string | null;
    topicIds: string[];
    /** Only while a consent is in force. */
    contact: string | null;
  };
  topics: Array<{ id: string; name: string }>;
  /** Names to pick partners from (every other actor, by name). */
  actors: Array<{ id: string; name: string }>;
  consent: { version: string; text: typeof CONSENT_TEXT; active: boolean; givenAt: string | null };
  expiresAt: string;
  answeredAt: string | null;
}

export interface AcceptOptions {
  /** PARTNERSHIP: the kind of the collaboration created (default COOPERATION). */
  collaborationKind?: CollaborationKind | null;
  /** PARTNERSHIP: its title (default: what it was about, first line). */
  title?: string | null;
  /** PARTNERSHIP with a partner only named: an existing actor it is. */
  partnerId?: string | null;
  /** PARTNERSHIP with a partner only named: create it as an actor of this kind. */
  partnerKind?: ActorKind | null;
  /** NEW_TOPIC: an existing topic it is (else the topic is created). */
  topicId?: string | null;
}
