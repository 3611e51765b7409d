/**
 * Personal update links over real HTTP (docs/update-links.md), on the embedded store with the
 * Batenbrock seed: what a token opens (its one actor's entry, only through /update-api), refusals
 * (expired, revoked, unknown: 401 with a code), rate limits per link and per address, the text and
 * body limits of the rest of the API, tokens in no log and no history, and the editors' review
 * through GraphQL (accepted changes written as link:<actor-id>, partnerships as collaborations,
 * consent history in personalData).
 */
import { batenbrock } from '../../../seed/batenbrock';
import { DEFAULT_LIMITS } from '../../src/platform/config';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { hashUpdateToken } from '../../src/features/update-links/tokens';
import { startHttpApi, TEST_LIMITS, type HttpApi } from '../support/http-api';

const CREATE = `mutation($input: CreateUpdateLinksInput!) { createUpdateLinks(input: $input) { csv links { url actorName email link { id actorId } } } }`;
const PROPOSALS = `query($actorId: ID, $status: UpdateProposalStatus) { updateProposals(actorId: $actorId, status: $status) { id answerId kind field value status outcome decidedBy } }`;
const ACCEPT = `mutation($input: AcceptUpdateProposalInput!) { acceptUpdateProposal(input: $input) { id status outcome decidedBy } }`;
const REJECT = `mutation($id: ID!) { rejectUpdateProposal(id: $id) { id status } }`;

const tokenOf = (url: string) => url.split('#token=')[1]!;

describe('update links over HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let logged: string[];
  const spies: jest.SpyInstance[] = [];

  async function gql<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    key = api.adminKey,
  ): Promise<{ data: T; errors?: any[] }> {
    const response = await api.postAs(key, { query, variables });
    return (await response.json()) as { data: T; errors?: any[] };
  }

  async function linksFor(
    actorIds: string[],
  ): Promise<Array<{ url: string; actorName: string; link: { id: string; actorId: string } }>> {
    const { data, errors } = await gql(CREATE, { input: { actorIds } });
    expect(errors).toBeUndefined();
    return data.createUpdateLinks.links;
  }

  const page = (path: string, token: string | null, body: unknown = {}) =>
    fetch(`${api.base}/update-api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeEach(async () => {
    logged = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      spies.push(
        jest
          .spyOn(console, method)
          .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' '))),
      );
    }
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startHttpApi(store, { seed: batenbrock });
  });

  afterEach(async () => {
    await api.stop();
    await store.close();
    for (const spy of spies.splice(0)) spy.mockRestore();
  });

  test('a token opens its own actor only, and only through /update-api (not /graphql, not /export)', async () => {
    const [bobbie, schule] = await linksFor(['bobbie-ev', 'grundschule-am-volkspark']);
    const entry = await page('entry', tokenOf(bobbie!.url));
    expect(entry.status).toBe(200);
    expect(entry.headers.get('cache-control')).toBe('no-store');
    const body = await entry.json();
    expect(body.actor).toMatchObject({ id: 'bobbie-ev', name: expect.any(String), kind: 'ASSOCIATION' });
    // Of other actors only names (and ids to pick them by): no kinds, descriptions or contacts.
    expect(Object.keys(body.actors[0]).sort()).toEqual(['id', 'name']);
    expect(body.actors.some((a: { id: string }) => a.id === 'bobbie-ev')).toBe(false);
    // Its answer can only be about its own actor: there is no field to name another.
    const foreign = await page('answer', tokenOf(bobbie!.url), {
      actorId: 'grundschule-am-volkspark',
      fields: { description: 'x' },
    });
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actorId' });
    const own = await page('answer', tokenOf(schule!.url), { fields: { description: 'Grundschule mit Ganztag' } });
    expect(own.status).toBe(200);
    const proposals = (await gql(PROPOSALS)).data.updateProposals;
    expect(proposals.map((p: any) => [p.kind, p.field, JSON.parse(p.value)])).toEqual([
      ['FIELD', 'description', 'Grundschule mit Ganztag'],
    ]);
    expect(
      (await gql(`query { updateProposals(actorId: "grundschule-am-volkspark") { id } }`)).data.updateProposals,
    ).toHaveLength(1);
    // The token is no credential anywhere else.
    const graphql = await api.postAs(tokenOf(bobbie!.url), { query: '{ actors(first: 1) { totalCount } }' });
    expect(graphql.status).toBe(401);
    const exported = await fetch(`${api.base}/export/network.json`, {
      headers: { authorization: `Bearer ${tokenOf(bobbie!.url)}` },
    });
    expect(exported.status).toBe(401);
    expect((await page('nothing-else', tokenOf(bobbie!.url))).status).toBe(404);
  });

  test('expired, revoked and unknown tokens: 401 with a code saying which, and nothing stored', async () => {
    const [revoked] = await linksFor(['bobbie-ev']);
    expect(
      (await gql(`mutation($id: ID!) { revokeUpdateLink(id: $id) { active } }`, { id: revoked!.link.id })).data
        .revokeUpdateLink.active,
    ).toBe(false);
    const expiring = 'qu_' + 'A'.repeat(43);
    await store.createUpdateLinks([
      {
        actorId: 'bobbie-ev',
        hash: hashUpdateToken(expiring),
        expiresAt: new Date(Date.now() + 300).toISOString(),
        createdBy: 'test',
      },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const cases: Array<[string | null, string]> = [
      [tokenOf(revoked!.url), 'LINK_REVOKED'],
      [expiring, 'LINK_EXPIRED'],
      ['qu_' + 'B'.repeat(43), 'LINK_UNKNOWN'],
      ['not-a-token', 'LINK_UNKNOWN'],
      [null, 'LINK_UNKNOWN'],
    ];
    for (const [token, code] of cases) {
      for (const path of ['entry', 'answer', 'withdraw-consent']) {
        const response = await page(path, token, { fields: { description: 'x' } });
        expect([path, code, response.status]).toEqual([path, code, 401]);
        expect((await response.json()).error.code).toBe(code);
      }
    }
    expect(await store.updateProposals({})).toEqual([]);
  });

  test('control characters, an over-long text, a 1 MB description and an unknown topic: a coded error, nothing stored', async () => {
    const [link] = await linksFor(['bobbie-ev']);
    const token = tokenOf(link!.url);
    const refused: Array<[unknown, number, string, string | undefined]> = [
      [{ fields: { description: 'Garten\u0007 mit Glocke' } }, 400, 'BAD_USER_INPUT', 'fields.description'],
      [{ fields: { name: 'Bobbie\u202e e.V.' } }, 400, 'BAD_USER_INPUT', 'fields.name'],
      [{ fields: { description: 'x'.repeat(4001) } }, 400, 'BAD_USER_INPUT', 'fields.description'],
      [{ fields: { description: 'x'.repeat(1024 * 1024) } }, 413, 'PAYLOAD_TOO_LARGE', undefined],
      [{ topicIds: ['gibt-es-nicht'] }, 400, 'NOT_FOUND', 'topicIds[0]'],
      [{ partners: [{ actorId: 'niemand', about: 'x' }] }, 400, 'NOT_FOUND', 'partners[0].actorId'],
      [{ contact: { value: 'info@bobbie.example', consent: false } }, 400, 'BAD_USER_INPUT', 'contact.consent'],
      ['{"fields": ', 400, 'BAD_REQUEST', undefined],
    ];
    for (const [body, status, code, field] of refused) {
      const response = await page('answer', token, body);
      const error = (await response.json()).error;
      expect({ status: response.status, code: error.code, field: error.field }).toEqual({ status, code, field });
    }
    expect(await store.updateProposals({})).toEqual([]);
    expect(await store.consents(['bobbie-ev'])).toEqual([[]]);
    expect((await store.findUpdateLinkByHash(hashUpdateToken(token)))!.answeredAt).toBeNull();
  });

  test('rate limited per link (30 a minute) and per address (the API limit)', async () => {
    const [a, b] = await linksFor(['bobbie-ev', 'stadt-bottrop']);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await page('entry', tokenOf(a!.url))).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const refused = await page('entry', tokenOf(a!.url));
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    // Another link from the same address still gets through.
    expect((await page('entry', tokenOf(b!.url))).status).toBe(200);

    const limitedStore = createEmbeddedStore({ filename: ':memory:' });
    await limitedStore.init();
    const limited = await startHttpApi(limitedStore, {
      seed: batenbrock,
      config: { limits: { ...TEST_LIMITS, rateLimit: { max: 3, windowMs: 60_000 } } },
    });
    try {
      const seen: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${limited.base}/update-api/entry`, {
          method: 'POST',
          headers: { authorization: `Bearer qu_${String(i).repeat(43)}` },
        });
        seen.push(response.status);
      }
      // Unknown tokens count too: the fourth is refused before its token is looked at.
      expect(seen).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.stop();
      await limitedStore.close();
    }
    expect(DEFAULT_LIMITS.rateLimit.max).toBeGreaterThan(30);
  });

  test('review: accepted changes written as link:<actor-id>, a partnership becomes a collaboration; consent withdrawn; tokens in no log or history', async () => {
    const [bobbie, maria] = await linksFor(['bobbie-ev', 'heimatverein-rosenviertel']);
    const bobbieToken = tokenOf(bobbie!.url);
    const heimatToken = tokenOf(maria!.url);
    expect(
      (
        await page('answer', bobbieToken, {
          fields: { description: 'Gemeinschaftsgarten und Lastenrad' },
          partners: [
            { actorId: 'kulturwerkstatt-rosenviertel', about: 'Gartenfest mit Musik', when: 'Juni 2025' },
            { name: 'Imkerei Honigtau', about: 'Bienenstöcke im Garten', when: '2025' },
          ],
        })
      ).status,
    ).toBe(200);
    expect(
      (await page('answer', heimatToken, { contact: { value: 'vorstand@heimatverein.example', consent: true } }))
        .status,
    ).toBe(200);

    const pending = (await gql(PROPOSALS, { status: 'PENDING' })).data.updateProposals;
    expect(pending.map((p: any) => p.kind)).toEqual(['FIELD', 'PARTNERSHIP', 'PARTNERSHIP', 'FIELD']);
    const [description, partnership, unknownPartner, contact] = pending;
    // Nothing entered yet.
    expect((await store.getActors(['bobbie-ev']))[0]!.description).not.toBe('Gemeinschaftsgarten und Lastenrad');

    const accepted = (await gql(ACCEPT, { input: { id: partnership.id, collaborationKind: 'COOPERATION' } })).data
      .acceptUpdateProposal;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      decidedBy: 'key:test-admin',
      outcome: expect.stringMatching(/^collaboration /),
    });
    const collaborationId = accepted.outcome.replace('collaboration ', '');
    const [collaboration] = await store.getCollaborations([collaborationId]);
    expect(collaboration).toMatchObject({
      kind: 'COOPERATION',
      title: 'Gartenfest mit Musik',
      startDate: '2025-06-01',
    });
    expect((await store.participationsOfCollaborations([collaborationId]))[0]!.map((p) => p.actorId).sort()).toEqual([
      'bobbie-ev',
      'kulturwerkstatt-rosenviertel',
    ]);
    expect(api.service.projection.collaborations.has(collaborationId)).toBe(true);
    expect((await store.history(collaborationId, { first: 5 })).items[0]!.author).toBe('link:bobbie-ev');

    // Once only.
    expect((await gql(ACCEPT, { input: { id: partnership.id } })).errors![0].extensions.code).toBe('CONFLICT');
    // A partner only named needs the editor's choice.
    const named = await gql(ACCEPT, { input: { id: unknownPartner.id } });
    expect(named.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerId' });
    expect((await gql(REJECT, { id: unknownPartner.id })).data.rejectUpdateProposal.status).toBe('REJECTED');
    expect((await gql(REJECT, { id: description.id })).data.rejectUpdateProposal.status).toBe('REJECTED');

    // Consent withdrawn before review: the contact proposal is rejected, acceptance refused.
    const withdrawn = await page('withdraw-consent', heimatToken);
    expect(withdrawn.status).toBe(200);
    expect((await gql(ACCEPT, { input: { id: contact.id } })).errors![0].extensions.code).toBe('CONFLICT');
    const personal = (
      await gql(
        `query { personalData(actorId: "heimatverein-rosenviertel") { consents { textVersion givenAt withdrawnAt } updateProposals { field status outcome } } }`,
      )
    ).data.personalData;
    expect(personal.consents).toEqual([
      { textVersion: expect.any(String), givenAt: expect.any(String), withdrawnAt: expect.any(String) },
    ]);
    expect(personal.updateProposals).toEqual([{ field: 'contact', status: 'REJECTED', outcome: 'consent withdrawn' }]);

    // Follow-up: opened and answered per link.
    const followUp = (
      await gql(
        `query { updateLinks(actorIds: ["bobbie-ev", "heimatverein-rosenviertel"]) { actorId answeredAt } actorsWithoutUpdateAnswer { id } }`,
      )
    ).data;
    expect(followUp.updateLinks.every((l: any) => l.answeredAt)).toBe(true);
    expect(followUp.actorsWithoutUpdateAnswer).toEqual([]);

    // No token in any log line, history record or stored proposal.
    const history = JSON.stringify([
      ...(await store.history('bobbie-ev', { first: 50 })).items,
      ...(await store.history(collaborationId, { first: 50 })).items,
    ]);
    const everything = [
      logged.join('\n'),
      history,
      JSON.stringify(await store.updateProposals({})),
      JSON.stringify(await store.updateLinks({})),
    ].join('\n');
    for (const token of [bobbieToken, heimatToken]) {
      expect(everything).not.toContain(token);
      expect(everything).not.toContain(hashUpdateToken(token));
    }
  });

  test('editors only: a VIEWER may not create links or read proposals', async () => {
    const { key } = await api.issueKey('zuschauer', 'VIEWER');
    const refused = await gql(CREATE, { input: { actorIds: ['bobbie-ev'] } }, key);
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(await store.updateLinks({})).toEqual([]);
  });
});
