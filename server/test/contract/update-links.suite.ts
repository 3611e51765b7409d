/**
 * The NetworkStore contract for personal update links, their proposals and consent records, run
 * against every store: hashes only, all-or-nothing writes, decisions once, withdrawal, and the
 * records going with their actor (delete, erase) and into personalData.
 */
import { createHash } from 'node:crypto';
import type { NetworkStore } from '../../src/store/network-store';
import type { StoreHarness } from '../support/stores';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const LATER = new Date(Date.now() + 30 * 86_400_000).toISOString();
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes)).toISOString();

async function seed(store: NetworkStore): Promise<void> {
  await store.createActor({ id: 'verein', name: 'Verein am Markt', kind: 'ASSOCIATION' });
  await store.createActor({ id: 'schule', name: 'Schule am Park', kind: 'INSTITUTION' });
  await store.createActor({ id: 'maria', name: 'Maria Muster', kind: 'PERSON', contact: 'maria@example.org' });
}

async function codeOf(promise: Promise<unknown>): Promise<{ code?: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; field?: string };
    return { code: e.code, field: e.field };
  }
  throw new Error('expected a refusal');
}

export function describeUpdateLinkContract(label: string, harness: StoreHarness): void {
  describe(`NetworkStore contract: update links (${label})`, () => {
    let store: NetworkStore;

    beforeAll(() => harness.setup());
    afterAll(() => harness.teardown());
    beforeEach(async () => {
      store = await harness.fresh();
      await seed(store);
    });

    const newLink = (actorId: string, token: string) => ({
      actorId,
      hash: hash(token),
      expiresAt: LATER,
      createdBy: 'key:redaktion',
    });

    test('links: stored as hash only, found by it; an unknown actor refuses the whole batch', async () => {
      const [a, b] = await store.createUpdateLinks([newLink('verein', 't1'), newLink('schule', 't2')]);
      expect(a).toEqual({
        id: expect.any(String),
        actorId: 'verein',
        createdAt: expect.stringMatching(ISO),
        expiresAt: LATER,
        revokedAt: null,
        openedAt: null,
        answeredAt: null,
        createdBy: 'key:redaktion',
      });
      expect(JSON.stringify(a)).not.toContain(hash('t1'));
      expect(await store.findUpdateLinkByHash(hash('t2'))).toEqual(b);
      expect(await store.findUpdateLinkByHash(hash('t3'))).toBeNull();
      expect(await codeOf(store.createUpdateLinks([newLink('schule', 't4'), newLink('nobody', 't5')]))).toEqual({
        code: 'NOT_FOUND',
        field: 'actorIds[1]',
      });
      expect(await store.findUpdateLinkByHash(hash('t4'))).toBeNull();
      expect(await codeOf(store.createUpdateLinks([{ ...newLink('schule', 't6'), hash: 'not-a-hash' }]))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'hash',
      });
      expect(await store.updateLinks({ actorIds: ['schule'] })).toEqual([b]);
      expect((await store.updateLinks({})).map((l) => l.id).sort()).toEqual([a!.id, b!.id].sort());
    });

    test('links: revoked once, opened once; unknown ids', async () => {
      const [link] = await store.createUpdateLinks([newLink('verein', 't1')]);
      expect((await store.revokeUpdateLink(link!.id, at(1))).revokedAt).toBe(at(1));
      expect((await store.revokeUpdateLink(link!.id, at(2))).revokedAt).toBe(at(1));
      expect(await codeOf(store.revokeUpdateLink('nope', at(3)))).toEqual({ code: 'NOT_FOUND', field: 'id' });
      await store.markUpdateLinkOpened(link!.id, at(4));
      await store.markUpdateLinkOpened(link!.id, at(5));
      await store.markUpdateLinkOpened('nope', at(5));
      expect((await store.findUpdateLinkByHash(hash('t1')))!.openedAt).toBe(at(4));
    });

    test('answers: proposals pending in order, consent recorded, answeredAt set; a wrong link stores nothing', async () => {
      const [link, other] = await store.createUpdateLinks([newLink('verein', 't1'), newLink('schule', 't2')]);
      const answer = await store.recordUpdateAnswer(
        {
          linkId: link!.id,
          actorId: 'verein',
          proposals: [
            { kind: 'FIELD', field: 'description', value: 'Neu' },
            {
              kind: 'PARTNERSHIP',
              value: { partnerId: 'schule', partnerName: 'Schule am Park', about: 'Lesepaten', when: '2025' },
            },
          ],
          consent: { textVersion: 'v1' },
        },
        at(10),
      );
      expect(answer.proposals.map((p) => [p.kind, p.field, p.value, p.position, p.status, p.answerId])).toEqual([
        ['FIELD', 'description', 'Neu', 0, 'PENDING', answer.answerId],
        [
          'PARTNERSHIP',
          null,
          { partnerId: 'schule', partnerName: 'Schule am Park', about: 'Lesepaten', when: '2025' },
          1,
          'PENDING',
          answer.answerId,
        ],
      ]);
      expect(await store.updateProposals({ answerId: answer.answerId })).toEqual(answer.proposals);
      expect(answer.consent).toEqual({
        id: expect.any(String),
        actorId: 'verein',
        linkId: link!.id,
        textVersion: 'v1',
        givenAt: at(10),
        withdrawnAt: null,
      });
      expect(await store.consents(['verein', 'schule', 'verein'])).toEqual([[answer.consent], [], [answer.consent]]);
      expect((await store.findUpdateLinkByHash(hash('t1')))!.answeredAt).toBe(at(10));
      // The link of another actor, or none: NOT_FOUND, nothing stored.
      expect(
        await codeOf(
          store.recordUpdateAnswer(
            { linkId: other!.id, actorId: 'verein', proposals: [{ kind: 'NEW_TOPIC', value: 'X' }] },
            at(11),
          ),
        ),
      ).toEqual({ code: 'NOT_FOUND', field: 'linkId' });
      expect(
        await codeOf(
          store.recordUpdateAnswer(
            { linkId: 'nope', actorId: 'verein', proposals: [], consent: { textVersion: 'v1' } },
            at(11),
          ),
        ),
      ).toEqual({ code: 'NOT_FOUND', field: 'linkId' });
      expect(await store.updateProposals({})).toHaveLength(2);
      expect((await store.consents(['verein']))[0]).toHaveLength(1);
      expect((await store.findUpdateLinkByHash(hash('t2')))!.answeredAt).toBeNull();
    });

    test('decisions: once each, filtered by status, actor and answer; not part of the network', async () => {
      const countsBefore = await store.counts();
      const [link] = await store.createUpdateLinks([newLink('verein', 't1')]);
      const { proposals } = await store.recordUpdateAnswer(
        {
          linkId: link!.id,
          actorId: 'verein',
          proposals: [
            { kind: 'NEW_TOPIC', value: 'Lastenrad' },
            { kind: 'ADD_TOPIC', value: 'x' },
          ],
        },
        at(10),
      );
      const decided = await store.decideUpdateProposal(
        proposals[0]!.id,
        { status: 'ACCEPTED', decidedBy: 'key:redaktion', outcome: 'topic lastenrad' },
        at(12),
      );
      expect(decided).toEqual({
        ...proposals[0],
        status: 'ACCEPTED',
        decidedAt: at(12),
        decidedBy: 'key:redaktion',
        outcome: 'topic lastenrad',
      });
      expect(
        await codeOf(store.decideUpdateProposal(proposals[0]!.id, { status: 'REJECTED', decidedBy: 'x' }, at(13))),
      ).toEqual({ code: 'CONFLICT', field: 'id' });
      expect(await codeOf(store.decideUpdateProposal('nope', { status: 'REJECTED', decidedBy: 'x' }, at(13)))).toEqual({
        code: 'NOT_FOUND',
        field: 'id',
      });
      expect((await store.updateProposals({ status: 'PENDING' })).map((p) => p.id)).toEqual([proposals[1]!.id]);
      expect((await store.updateProposals({ status: 'ACCEPTED', actorId: 'verein' })).map((p) => p.id)).toEqual([
        proposals[0]!.id,
      ]);
      expect(await store.updateProposals({ actorId: 'schule' })).toEqual([]);
      expect(await store.counts()).toEqual(countsBefore);
      expect((await store.history('verein', { first: 10 })).items.map((r) => r.operation)).toEqual(['CREATE']);
    });

    test('withdrawal: consents withdrawn, pending contact proposals rejected, other proposals untouched', async () => {
      const [link] = await store.createUpdateLinks([newLink('maria', 't1')]);
      const { proposals, consent } = await store.recordUpdateAnswer(
        {
          linkId: link!.id,
          actorId: 'maria',
          proposals: [
            { kind: 'FIELD', field: 'contact', value: 'maria@neu.example' },
            { kind: 'FIELD', field: 'district', value: 'Süd' },
          ],
          consent: { textVersion: 'v1' },
        },
        at(10),
      );
      const records = await store.withdrawConsent('maria', at(20));
      expect(records).toEqual([{ ...consent, withdrawnAt: at(20) }]);
      const after = await store.updateProposals({ actorId: 'maria' });
      expect(after.map((p) => [p.field, p.status, p.outcome])).toEqual([
        ['contact', 'REJECTED', 'consent withdrawn'],
        ['district', 'PENDING', null],
      ]);
      expect(after[0]!.id).toBe(proposals[0]!.id);
      // Withdrawing again keeps the first withdrawal.
      expect((await store.withdrawConsent('maria', at(30)))[0]!.withdrawnAt).toBe(at(20));
      expect(await codeOf(store.withdrawConsent('nobody', at(30)))).toEqual({ code: 'NOT_FOUND', field: 'actorId' });
    });

    test('records go with the actor: personalData lists them, eraseActor and deleteActor remove them', async () => {
      const [mLink, vLink] = await store.createUpdateLinks([newLink('maria', 't1'), newLink('verein', 't2')]);
      await store.recordUpdateAnswer(
        {
          linkId: mLink!.id,
          actorId: 'maria',
          proposals: [{ kind: 'FIELD', field: 'contact', value: 'm@x.example' }],
          consent: { textVersion: 'v1' },
        },
        at(10),
      );
      await store.withdrawConsent('maria', at(11));
      await store.recordUpdateAnswer(
        { linkId: mLink!.id, actorId: 'maria', proposals: [], consent: { textVersion: 'v2' } },
        at(12),
      );
      const data = await store.personalData('maria');
      expect(data!.consents.map((c) => [c.textVersion, c.givenAt, c.withdrawnAt])).toEqual([
        ['v2', at(12), null],
        ['v1', at(10), at(11)],
      ]);
      expect(data!.updateProposals.map((p) => [p.field, p.value, p.status])).toEqual([
        ['contact', 'm@x.example', 'REJECTED'],
      ]);
      await store.eraseActor('maria');
      expect(await store.consents(['maria'])).toEqual([[]]);
      expect(await store.updateProposals({ actorId: 'maria' })).toEqual([]);
      expect(await store.findUpdateLinkByHash(hash('t1'))).toBeNull();
      expect(await store.updateLinks({ actorIds: ['maria'] })).toEqual([]);

      await store.recordUpdateAnswer(
        {
          linkId: vLink!.id,
          actorId: 'verein',
          proposals: [{ kind: 'NEW_TOPIC', value: 'X' }],
          consent: { textVersion: 'v1' },
        },
        at(13),
      );
      await store.deleteActor('verein');
      expect(await store.findUpdateLinkByHash(hash('t2'))).toBeNull();
      expect(await store.updateProposals({})).toEqual([]);
      expect(await store.consents(['verein'])).toEqual([[]]);
    });
  });
}
