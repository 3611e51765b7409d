/**
 * Personal update links: editors create them (one per actor, for a list of actors or the
 * participants of a collaboration), the person who opens one reads its actor's entry and answers,
 * every answer becomes proposals, and an editor accepts or rejects each. Accepted changes are
 * written through the NetworkService like any other write, with the link as author
 * (`link:<actor-id>`), so they reach the projection and the history. Nothing of the token is kept
 * but its hash; nothing here logs.
 */
import { stringify } from 'csv-stringify/sync';
import { BadInputError, ConflictError, DomainError, NotFoundError } from '../../domain/errors';
import type { Actor } from '../../domain/model';
import { encodeCursor, MAX_PAGE_SIZE } from '../../domain/paging';
import { actorSortKey, topicSortKey } from '../../domain/ordering';
import type { NetworkService } from '../../service/network-service';
import { SerialQueue } from '../../platform/serial-queue';
import type { ConsentRecord, UpdateLinkRecord, UpdateProposal } from './update-link-rules';
import { parseAnswer, startDateOf, type PartnershipValue } from './answer-rules';
import { CONSENT_TEXT, CONSENT_TEXT_VERSION } from './consent';
import { sendLinks, type MailConfig, type MailReport } from './mail';
import { defaultLinkDays, generateUpdateToken, hashUpdateToken, looksLikeUpdateToken, updateLinkUrl } from './tokens';

export * from './link-types';
import { LinkRefusedError, MAX_LINKS_PER_REQUEST, MAX_PARTNER_NAMES, linkAuthor } from './link-types';
import type { AcceptOptions, CreateLinksInput, EntryView, IssuedLink } from './link-types';

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

const activeConsent = (records: readonly ConsentRecord[]) => records.find((c) => c.withdrawnAt === null) ?? null;

export class UpdateLinkService {
  /** Decisions one at a time: a proposal is applied and marked decided before the next is looked at. */
  private readonly decisions = new SerialQueue();

  constructor(
    private readonly network: NetworkService,
    private readonly options: { baseUrl: string; now?: () => Date; mail?: MailConfig | null } = {
      baseUrl: 'http://localhost:4000',
    },
  ) {}

  private get store() {
    return this.network.store;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  // --- editors: links ----------------------------------------------------------------------------

  async createLinks(input: CreateLinksInput, createdBy: string): Promise<IssuedLink[]> {
    const ids: string[] = [...(input.actorIds ?? [])];
    if (input.collaborationId) {
      const [collaboration] = await this.store.getCollaborations([input.collaborationId]);
      if (!collaboration) throw new NotFoundError('Collaboration', input.collaborationId, 'collaborationId');
      const [participants] = await this.store.participationsOfCollaborations([input.collaborationId]);
      for (const p of participants!) if (!input.roles?.length || input.roles.includes(p.role)) ids.push(p.actorId);
    }
    const actorIds = [...new Set(ids)];
    if (actorIds.length === 0)
      throw new BadInputError('name at least one actor (actorIds or collaborationId)', 'actorIds');
    if (actorIds.length > MAX_LINKS_PER_REQUEST)
      throw new BadInputError(`at most ${MAX_LINKS_PER_REQUEST} links at once`, 'actorIds');
    const days = input.validDays ?? defaultLinkDays();
    if (!Number.isInteger(days) || days < 1 || days > 365)
      throw new BadInputError('validDays must be a whole number from 1 to 365', 'validDays');
    const expiresAt = new Date(this.now().getTime() + days * 86_400_000).toISOString();
    const tokens = actorIds.map(() => generateUpdateToken());
    const links = await this.store.createUpdateLinks(
      actorIds.map((actorId, i) => ({ actorId, hash: hashUpdateToken(tokens[i]!), expiresAt, createdBy })),
    );
    const actors = await this.store.getActors(actorIds);
    return links.map((link, i) => {
      const actor = actors[i]!;
      return {
        link,
        actorName: actor.name,
        email: actor.contact ? (EMAIL_IN_TEXT.exec(actor.contact)?.[0] ?? null) : null,
        url: updateLinkUrl(this.options.baseUrl, tokens[i]!),
      };
    });
  }

  /** Whether links can be sent by e-mail (SMTP_URL is set). */
  get canMail(): boolean {
    return Boolean(this.options.mail);
  }

  /** Sends each link to its actor's e-mail address; BAD_USER_INPUT (field `send`) without SMTP_URL. */
  mailLinks(issued: readonly IssuedLink[]): Promise<MailReport> {
    if (!this.options.mail) throw new BadInputError('links cannot be sent: SMTP_URL is not set', 'send');
    return sendLinks(this.options.mail, issued);
  }

  /** The links as CSV for a mail merge: Name, E-Mail, Link (RFC 4180, UTF-8). */
  static csv(issued: readonly IssuedLink[]): string {
    return stringify(
      issued.map((i) => [i.actorName, i.email ?? '', i.url, i.link.expiresAt.slice(0, 10)]),
      { header: true, columns: ['Name', 'E-Mail', 'Link', 'Gültig bis'] },
    );
  }

  async revokeLink(id: string): Promise<UpdateLinkRecord> {
    return this.store.revokeUpdateLink(id, this.now().toISOString());
  }

  /** A new link for the same actor; the old one is revoked. */
  async renewLink(id: string, createdBy: string, validDays?: number | null): Promise<IssuedLink> {
    const old = (await this.store.updateLinks({})).find((l) => l.id === id);
    if (!old) throw new DomainError('NOT_FOUND', `UpdateLink "${id}" does not exist`, 'id');
    const [issued] = await this.createLinks({ actorIds: [old.actorId], validDays }, createdBy);
    await this.revokeLink(id);
    return issued!;
  }

  links(actorIds?: readonly string[] | null): Promise<UpdateLinkRecord[]> {
    return this.store.updateLinks({ actorIds: actorIds ?? null });
  }

  /** Actors that have a link (of `actorIds`, when given) but answered through none. */
  async actorsWithoutAnswer(actorIds?: readonly string[] | null): Promise<Actor[]> {
    const links = await this.links(actorIds);
    const answered = new Set(links.filter((l) => l.answeredAt).map((l) => l.actorId));
    const waiting = [...new Set(links.map((l) => l.actorId))].filter((id) => !answered.has(id));
    return (await this.store.getActors(waiting))
      .filter((a): a is Actor => a !== null)
      .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  // --- the person with the link ------------------------------------------------------------------

  /** The link a token opens; LinkRefusedError for every other token. */
  async resolve(token: string): Promise<UpdateLinkRecord> {
    if (!looksLikeUpdateToken(token)) throw new LinkRefusedError('UNKNOWN');
    const link = await this.store.findUpdateLinkByHash(hashUpdateToken(token));
    if (!link) throw new LinkRefusedError('UNKNOWN');
    if (link.revokedAt) throw new LinkRefusedError('REVOKED');
    if (link.expiresAt <= this.now().toISOString()) throw new LinkRefusedError('EXPIRED');
    return link;
  }

  async entry(link: UpdateLinkRecord): Promise<EntryView> {
    const [[actor], [interests], [consents]] = await Promise.all([
      this.store.getActors([link.actorId]),
      this.store.interestsOfActors([link.actorId]),
      this.store.consents([link.actorId]),
    ]);
    if (!actor) throw new LinkRefusedError('UNKNOWN');
    await this.store.markUpdateLinkOpened(link.id, this.now().toISOString());
    const consent = activeConsent(consents!);
    return {
      actor: {
        id: actor.id,
        name: actor.name,
        kind: actor.kind,
        description: actor.description,
        website: actor.website,
        district: actor.district,
        topicIds: interests!.map((i) => i.topicId),
        contact: consent ? actor.contact : null,
      },
      topics: await this.allTopics(),
      actors: (await this.allActorNames()).filter((a) => a.id !== actor.id),
      consent: {
        version: CONSENT_TEXT_VERSION,
        text: CONSENT_TEXT,
        active: consent !== null,
        givenAt: consent?.givenAt ?? null,
      },
      expiresAt: link.expiresAt,
      answeredAt: link.answeredAt,
    };
  }

  private async allTopics(): Promise<Array<{ id: string; name: string }>> {
    const out: Array<{ id: string; name: string }> = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.store.listTopics({}, { first: MAX_PAGE_SIZE, after });
      out.push(...page.items.map((t) => ({ id: t.id, name: t.name })));
      if (!page.hasNextPage || page.items.length === 0) return out;
      after = encodeCursor(topicSortKey(page.items[page.items.length - 1]!));
    }
  }

  private async allActorNames(): Promise<Array<{ id: string; name: string }>> {
    const out: Array<{ id: string; name: string }> = [];
    let after: string | null = null;
    while (out.length < MAX_PARTNER_NAMES) {
      const page = await this.store.listActors({}, { first: MAX_PAGE_SIZE, after });
      out.push(...page.items.map((a) => ({ id: a.id, name: a.name })));
      if (!page.hasNextPage || page.items.length === 0) break;
      after = encodeCursor(actorSortKey(page.items[page.items.length - 1]!));
    }
    return out.slice(0, MAX_PARTNER_NAMES);
  }

  /** Stores an answer as proposals (and the consent given with it); nothing of the entry changes yet. */
  async answer(link: UpdateLinkRecord, body: unknown): Promise<{ answerId: string; proposals: number }> {
    const [actor] = await this.store.getActors([link.actorId]);
    if (!actor) throw new LinkRefusedError('UNKNOWN');
    const [interests] = await this.store.interestsOfActors([actor.id]);
    const b = (typeof body === 'object' && body !== null ? body : {}) as { topicIds?: unknown; partners?: unknown };
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 500) : [];
    const topicIds = strings(b.topicIds);
    const partnerIds = Array.isArray(b.partners)
      ? strings(
          b.partners
            .slice(0, 500)
            .map((p) => (p && typeof p === 'object' ? (p as { actorId?: unknown }).actorId : null)),
        )
      : [];
    const topics = new Set((await this.store.getTopics(topicIds)).filter((t) => t).map((t) => t!.id));
    const actors = new Map((await this.store.getActors(partnerIds)).filter((a) => a).map((a) => [a!.id, a!.name]));
    const parsed = parseAnswer(body, {
      actor,
      topicIds: interests!.map((i) => i.topicId),
      topicExists: (id) => topics.has(id),
      actorName: (id) => actors.get(id) ?? null,
    });
    const record = await this.store.recordUpdateAnswer(
      {
        linkId: link.id,
        actorId: actor.id,
        proposals: parsed.proposals,
        consent: parsed.consent ? { textVersion: CONSENT_TEXT_VERSION } : null,
      },
      this.now().toISOString(),
    );
    return { answerId: record.answerId, proposals: record.proposals.length };
  }

  /** Withdraws the actor's consent: records the withdrawal, rejects pending contact proposals, deletes the contact data. */
  async withdrawConsent(link: UpdateLinkRecord): Promise<ConsentRecord[]> {
    const records = await this.store.withdrawConsent(link.actorId, this.now().toISOString());
    const [actor] = await this.store.getActors([link.actorId]);
    if (actor?.contact)
      await this.network.actingAs(linkAuthor(link.actorId)).updateActor(link.actorId, { contact: null });
    return records;
  }

  // --- editors: review ---------------------------------------------------------------------------

  proposals(filter: {
    status?: UpdateProposal['status'] | null;
    actorId?: string | null;
    answerId?: string | null;
  }): Promise<UpdateProposal[]> {
    return this.store.updateProposals(filter);
  }

  accept(id: string, decidedBy: string, options: AcceptOptions = {}): Promise<UpdateProposal> {
    return this.decisions.run(async () => {
      const proposal = await this.pending(id);
      const outcome = await this.apply(proposal, options);
      return this.store.decideUpdateProposal(id, { status: 'ACCEPTED', decidedBy, outcome }, this.now().toISOString());
    });
  }

  reject(id: string, decidedBy: string, reason?: string | null): Promise<UpdateProposal> {
    return this.decisions.run(async () => {
      await this.pending(id);
      return this.store.decideUpdateProposal(
        id,
        { status: 'REJECTED', decidedBy, outcome: reason ?? null },
        this.now().toISOString(),
      );
    });
  }

  /** Accepts or rejects every pending proposal of one answer, in order (stops at the first that cannot be accepted). */
  async decideAnswer(answerId: string, accept: boolean, decidedBy: string): Promise<UpdateProposal[]> {
    const pending = (await this.store.updateProposals({ answerId, status: 'PENDING' })).map((p) => p.id);
    if (pending.length === 0 && (await this.store.updateProposals({ answerId })).length === 0) {
      throw new DomainError('NOT_FOUND', `answer "${answerId}" has no proposals`, 'answerId');
    }
    const out: UpdateProposal[] = [];
    for (const id of pending) out.push(accept ? await this.accept(id, decidedBy) : await this.reject(id, decidedBy));
    return out;
  }

  private async pending(id: string): Promise<UpdateProposal> {
    const all = await this.store.updateProposals({});
    const proposal = all.find((p) => p.id === id);
    if (!proposal) throw new DomainError('NOT_FOUND', `UpdateProposal "${id}" does not exist`, 'id');
    if (proposal.status !== 'PENDING')
      throw new ConflictError(`proposal "${id}" was already ${proposal.status.toLowerCase()}`, 'id');
    return proposal;
  }

  /** Writes what the proposal asks for, as the link; answers what was done. */
  private async apply(p: UpdateProposal, options: AcceptOptions): Promise<string | null> {
    const writer = this.network.actingAs(linkAuthor(p.actorId));
    switch (p.kind) {
      case 'FIELD': {
        if (p.field === 'contact') {
          const [records] = await this.store.consents([p.actorId]);
          if (!activeConsent(records!))
            throw new ConflictError('the contact data has no consent in force (withdrawn?)', 'id');
        }
        await writer.updateActor(p.actorId, { [p.field!]: p.value } as Record<string, unknown>);
        return `${p.field} updated`;
      }
      case 'ADD_TOPIC':
      case 'NEW_TOPIC': {
        let topicId = p.kind === 'ADD_TOPIC' ? String(p.value) : (options.topicId ?? null);
        if (p.kind === 'NEW_TOPIC' && topicId === null)
          topicId = (await writer.createTopic({ name: String(p.value) })).id;
        const [interests] = await this.store.interestsOfActors([p.actorId]);
        if (!interests!.some((i) => i.topicId === topicId)) {
          await writer.setActorInterests(p.actorId, [
            ...interests!.map((i) => ({ topicId: i.topicId, weight: i.weight })),
            { topicId: topicId! },
          ]);
        }
        return `topic ${topicId}`;
      }
      case 'REMOVE_TOPIC': {
        const [interests] = await this.store.interestsOfActors([p.actorId]);
        await writer.setActorInterests(
          p.actorId,
          interests!.filter((i) => i.topicId !== p.value).map((i) => ({ topicId: i.topicId, weight: i.weight })),
        );
        return `topic ${String(p.value)} removed`;
      }
      case 'PARTNERSHIP': {
        const v = p.value as PartnershipValue;
        let partnerId = v.partnerId ?? options.partnerId ?? null;
        if (partnerId === null) {
          if (!options.partnerKind)
            throw new BadInputError(
              'the partner is only named: give partnerId (an existing actor) or partnerKind (create it)',
              'partnerId',
            );
          partnerId = (await writer.createActor({ name: v.partnerName, kind: options.partnerKind })).id;
        }
        const title = options.title?.trim() || v.about.split('\n')[0]!.slice(0, 200);
        const collaboration = await writer.createCollaboration({
          title,
          kind: options.collaborationKind ?? 'COOPERATION',
          startDate: startDateOf(v.when),
          description: v.when ? `${v.about}\n\nZeitraum laut Rückmeldung: ${v.when}` : v.about,
          participants: [
            { actorId: p.actorId, role: 'PARTICIPANT' },
            { actorId: partnerId, role: 'PARTICIPANT' },
          ],
        });
        return `collaboration ${collaboration.id}`;
      }
    }
  }
}
