import { ACTOR_KINDS, COLLABORATION_KINDS, PARTICIPATION_ROLES } from '../server/src/domain/model';
import { slugify } from '../server/src/domain/text';
import { batenbrock, EXAMPLE_DATA_IDS } from './batenbrock';

const { topics, actors, collaborations } = batenbrock;
const topicIds = new Set(topics.map((t) => t.id!));
const actorIds = new Set(actors.map((a) => a.id));
const collaborationIds = new Set(collaborations.map((c) => c.id));
const allIds = [...topicIds, ...actorIds, ...collaborationIds];

/** The slug rule, written out independently of domain/text so that a change there is noticed. */
function slugRule(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const participationsOf = (actorId: string) =>
  collaborations.flatMap((c) => (c.participants ?? []).filter((p) => p.actorId === actorId).map((p) => ({ c, p })));

describe('Batenbrock seed: identity and references', () => {
  it('has unique ids across topics, actors and collaborations', () => {
    expect(topics.every((t) => typeof t.id === 'string' && t.id.length > 0)).toBe(true);
    expect(new Set(allIds).size).toBe(topics.length + actors.length + collaborations.length);
  });

  it('uses readable kebab-case ids', () => {
    for (const id of allIds) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('references only topics and actors that exist', () => {
    for (const a of actors) for (const i of a.interests ?? []) expect(topicIds).toContain(i.topicId);
    for (const c of collaborations) {
      for (const t of c.topicIds ?? []) expect(topicIds).toContain(t);
      for (const p of c.participants ?? []) expect(actorIds).toContain(p.actorId);
    }
  });

  it('lists in EXAMPLE_DATA_IDS only ids that exist', () => {
    for (const id of EXAMPLE_DATA_IDS) expect(allIds).toContain(id);
  });
});

describe('Batenbrock seed: topics', () => {
  it('has topic ids equal to the slug of their names', () => {
    expect(slugRule('Bürgerbeteiligung')).toBe('burgerbeteiligung');
    expect(slugRule('Öffentlicher Raum')).toBe('offentlicher-raum');
    expect(slugRule('Straße & Platz')).toBe('strasse-platz');
    for (const t of topics) {
      expect(t.id).toBe(slugRule(t.name));
      expect(t.id).toBe(slugify(t.name));
    }
  });

  it('has about 15–25 topics with German names and aliases that do not collide', () => {
    expect(topics.length).toBeGreaterThanOrEqual(15);
    expect(topics.length).toBeLessThanOrEqual(25);
    const seen = new Map<string, string>();
    for (const t of topics) {
      for (const term of [t.name, ...(t.aliases ?? [])]) {
        const key = slugRule(term);
        expect(key.length).toBeGreaterThan(0);
        if (seen.has(key)) throw new Error(`"${term}" of ${t.id} collides with ${seen.get(key)}`);
        seen.set(key, t.id!);
      }
    }
  });

  it('uses every topic at least once', () => {
    const used = new Set([
      ...actors.flatMap((a) => (a.interests ?? []).map((i) => i.topicId)),
      ...collaborations.flatMap((c) => c.topicIds ?? []),
    ]);
    for (const id of topicIds) expect(used).toContain(id);
  });
});

describe('Batenbrock seed: records named in the text', () => {
  const NAMED_ACTORS = [
    'stadtteilagentur-batenbrock',
    'stadt-bottrop',
    'planungsgruppe-stadtburo',
    'bobbie-ev',
    'burgerhaus-batenbrock',
    'jury-batenbrockfonds',
    'stadtteilbewohnerinnen',
    'eu-efre',
    'bund-bmwsb',
    'land-nrw-mhkbd',
  ];
  const NAMED_COLLABORATIONS = [
    'stadterneuerungsprozess-batenbrock',
    'finanzierung-netzwerkarbeit-batenbrock',
    'stadtteilkonferenz-2021',
    'stadtteilkonferenz-2022',
    'jurywahl-batenbrockfonds',
    'batenbrockfonds',
    'netzwerktreffen-stadtteilagentur',
    'organisationstreffen-eroffnungsfeste',
    'nutzerinnentreffen-burgerhaus',
    'burgerinnengarten-volkspark',
    'burgerinnengarten-burgerhaus',
    'arbeitsgruppe-stadtteilakteurinnen',
    'stadtteilfest-batenbrock',
  ];
  const NAMED_TOPICS = [
    'vernetzung',
    'stadterneuerung',
    'verstetigung',
    'quartiersfonds',
    'gemeinschaftsgarten',
    'stadtteilfest',
    'burgerbeteiligung',
  ];

  it('contains every key record and none of them is marked as example data', () => {
    for (const id of NAMED_ACTORS) expect(actorIds).toContain(id);
    for (const id of NAMED_COLLABORATIONS) expect(collaborationIds).toContain(id);
    for (const id of NAMED_TOPICS) expect(topicIds).toContain(id);
    for (const id of [...NAMED_ACTORS, ...NAMED_COLLABORATIONS, ...NAMED_TOPICS]) {
      expect(EXAMPLE_DATA_IDS.has(id)).toBe(false);
    }
  });

  it('has exactly the named actors as non-example actors', () => {
    const named = actors.filter((a) => !EXAMPLE_DATA_IDS.has(a.id)).map((a) => a.id);
    expect(named.sort()).toEqual([...NAMED_ACTORS].sort());
  });

  it('gives the named actors the kinds of the brief', () => {
    const kind = (id: string) => actors.find((a) => a.id === id)!.kind;
    expect(kind('stadtteilagentur-batenbrock')).toBe('AGENCY');
    expect(kind('stadt-bottrop')).toBe('CITY_DEPARTMENT');
    expect(kind('planungsgruppe-stadtburo')).toBe('BUSINESS');
    expect(kind('bobbie-ev')).toBe('ASSOCIATION');
    expect(kind('burgerhaus-batenbrock')).toBe('INSTITUTION');
    expect(kind('jury-batenbrockfonds')).toBe('GROUP');
    expect(kind('stadtteilbewohnerinnen')).toBe('GROUP');
    for (const id of ['eu-efre', 'bund-bmwsb', 'land-nrw-mhkbd']) expect(kind(id)).toBe('FUNDER');
  });

  it('dates the conferences and the garden as the text does', () => {
    const c = (id: string) => collaborations.find((x) => x.id === id)!;
    expect(c('stadtteilkonferenz-2021').startDate!.slice(0, 4)).toBe('2021');
    expect(c('stadtteilkonferenz-2022').startDate!.slice(0, 4)).toBe('2022');
    expect(c('burgerinnengarten-volkspark').startDate!.slice(0, 4)).toBe('2021');
    expect(c('burgerinnengarten-volkspark').endDate!.slice(0, 4)).toBe('2022');
    expect(c('burgerinnengarten-burgerhaus').startDate!.slice(0, 4)).toBe('2023');
  });

  it('about-topics of named collaborations come from the text, not from example vocabulary', () => {
    for (const c of collaborations.filter((x) => !EXAMPLE_DATA_IDS.has(x.id))) {
      for (const t of c.topicIds ?? []) expect(EXAMPLE_DATA_IDS.has(t)).toBe(false);
    }
  });

  it('uses roles meaningfully', () => {
    const roles = (cid: string) => collaborations.find((c) => c.id === cid)!.participants!;
    const roleOf = (cid: string, aid: string) => roles(cid).find((p) => p.actorId === aid)?.role;
    for (const id of ['eu-efre', 'bund-bmwsb', 'land-nrw-mhkbd', 'stadt-bottrop']) {
      expect(roleOf('finanzierung-netzwerkarbeit-batenbrock', id)).toBe('FUNDER');
    }
    expect(roleOf('nutzerinnentreffen-burgerhaus', 'burgerhaus-batenbrock')).toBe('HOST');
    expect(roleOf('burgerinnengarten-burgerhaus', 'burgerhaus-batenbrock')).toBe('HOST');
    expect(roleOf('stadtteilkonferenz-2021', 'stadtteilagentur-batenbrock')).toBe('ORGANISER');
    expect(roleOf('stadtteilkonferenz-2022', 'stadtteilagentur-batenbrock')).toBe('ORGANISER');
    expect(roleOf('burgerinnengarten-volkspark', 'bobbie-ev')).toBe('ORGANISER');
    expect(roleOf('jurywahl-batenbrockfonds', 'jury-batenbrockfonds')).toBe('MEMBER');
    const wg = roles('arbeitsgruppe-stadtteilakteurinnen');
    expect(wg.length).toBeGreaterThan(1);
    expect(wg.every((p) => p.role === 'MEMBER')).toBe(true);
    // FUNDER is a role of money givers only
    for (const c of collaborations) {
      for (const p of c.participants ?? []) {
        if (p.role === 'FUNDER') expect(c.kind).toBe('FUNDING');
      }
    }
  });
});

describe('Batenbrock seed: example data', () => {
  const exampleActors = actors.filter((a) => EXAMPLE_DATA_IDS.has(a.id));

  it('has 15–25 example actors, each marked in description and name', () => {
    expect(exampleActors.length).toBeGreaterThanOrEqual(15);
    expect(exampleActors.length).toBeLessThanOrEqual(25);
    for (const a of exampleActors) {
      expect(a.description!.startsWith('Beispieldaten:')).toBe(true);
      expect(a.name.endsWith('(Beispiel)')).toBe(true);
    }
  });

  it('marks every example collaboration, and marks nothing else as example', () => {
    for (const c of collaborations) {
      const marked = (c.description ?? '').startsWith('Beispieldaten:');
      expect(marked).toBe(EXAMPLE_DATA_IDS.has(c.id));
    }
    for (const a of actors) {
      expect((a.description ?? '').startsWith('Beispieldaten:')).toBe(EXAMPLE_DATA_IDS.has(a.id));
    }
  });
});

describe('Batenbrock seed: shape of every record', () => {
  it('uses only valid kinds and roles', () => {
    for (const a of actors) expect(ACTOR_KINDS).toContain(a.kind);
    for (const c of collaborations) {
      expect(COLLABORATION_KINDS).toContain(c.kind);
      for (const p of c.participants ?? []) expect(PARTICIPATION_ROLES).toContain(p.role);
    }
  });

  it('has valid ISO dates with endDate >= startDate', () => {
    for (const c of collaborations) {
      if (c.startDate != null) expect(isIsoDate(c.startDate)).toBe(true);
      if (c.endDate != null) {
        expect(isIsoDate(c.endDate)).toBe(true);
        expect(c.startDate).not.toBeNull();
        expect(c.endDate >= c.startDate!).toBe(true);
      }
      if (c.startDate != null) {
        const y = Number(c.startDate.slice(0, 4));
        expect(y).toBeGreaterThanOrEqual(2021);
        expect(y).toBeLessThanOrEqual(2023);
      }
    }
  });

  it('gives every actor 1–5 distinct interests with weights in (0, 1], Vernetzung for all', () => {
    for (const a of actors) {
      const ints = a.interests ?? [];
      expect(ints.length).toBeGreaterThanOrEqual(1);
      expect(ints.length).toBeLessThanOrEqual(5);
      expect(new Set(ints.map((i) => i.topicId)).size).toBe(ints.length);
      for (const i of ints) {
        expect(typeof i.weight).toBe('number');
        expect(i.weight!).toBeGreaterThan(0);
        expect(i.weight!).toBeLessThanOrEqual(1);
      }
      expect(ints.map((i) => i.topicId)).toContain('vernetzung');
    }
  });

  it('gives every collaboration 1–3 distinct topics and distinct participants', () => {
    for (const c of collaborations) {
      const ts = c.topicIds ?? [];
      expect(ts.length).toBeGreaterThanOrEqual(1);
      expect(ts.length).toBeLessThanOrEqual(3);
      expect(new Set(ts).size).toBe(ts.length);
      const ps = c.participants ?? [];
      expect(ps.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ps.map((p) => p.actorId)).size).toBe(ps.length);
    }
  });

  it('keeps names, descriptions and districts within bounds and contacts empty', () => {
    for (const a of actors) {
      expect(a.name.length).toBeLessThanOrEqual(200);
      expect((a.description ?? '').length).toBeLessThanOrEqual(2000);
      expect(a.contact ?? null).toBeNull();
      expect([null, 'Batenbrock', 'Bottrop']).toContain(a.district ?? null);
      if (a.website != null) expect(a.website).toMatch(/^https:\/\//);
    }
    for (const c of collaborations) {
      expect(c.title.length).toBeLessThanOrEqual(200);
      expect((c.description ?? '').length).toBeLessThanOrEqual(2000);
    }
    for (const t of topics) expect(t.name.length).toBeLessThanOrEqual(200);
  });
});

describe('Batenbrock seed: structure of the network', () => {
  it('gives every actor a participation or an interest; only the newcomer has no participation', () => {
    for (const a of actors) {
      expect(participationsOf(a.id).length + (a.interests ?? []).length).toBeGreaterThan(0);
    }
    const isolated = actors.filter((a) => participationsOf(a.id).length === 0).map((a) => a.id);
    expect(isolated).toEqual(['repair-cafe-batenbrock']);
  });

  it('has the agency as the hub and some actors with few ties', () => {
    const counts = actors.map((a) => ({ id: a.id, n: participationsOf(a.id).length }));
    counts.sort((x, y) => y.n - x.n);
    expect(counts[0].id).toBe('stadtteilagentur-batenbrock');
    expect(counts.filter((c) => c.n === 1).length).toBeGreaterThanOrEqual(3);
  });
});
