import type { Actor } from '../../domain/model';
import { parseAnswer, startDateOf } from './answer-rules';

const actor: Actor = {
  id: 'verein',
  name: 'Verein am Markt',
  kind: 'ASSOCIATION',
  description: 'Alt',
  district: null,
  website: null,
  contact: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};
const ctx = {
  actor,
  topicIds: ['garten', 'sport'],
  topicExists: (id: string) => ['garten', 'sport', 'jugend'].includes(id),
  actorName: (id: string) => (id === 'schule' ? 'Schule am Park' : null),
};

test('only what differs becomes a proposal: fields, topics added and removed, new topics, contact with consent, partners', () => {
  const parsed = parseAnswer(
    {
      fields: { name: 'Verein am Markt', description: '  Neu\n', district: 'Süd', website: '' },
      topicIds: ['garten', 'jugend'],
      newTopics: ['Lastenrad', 'Lastenrad'],
      contact: { value: 'info@verein.example', consent: true },
      partners: [
        { actorId: 'schule', about: 'Lesepaten', when: 'Herbst 2025' },
        { name: 'Imkerei', about: 'Bienen' },
      ],
    },
    ctx,
  );
  expect(parsed.consent).toBe(true);
  expect(parsed.proposals).toEqual([
    { kind: 'FIELD', field: 'description', value: 'Neu' },
    { kind: 'FIELD', field: 'district', value: 'Süd' },
    { kind: 'ADD_TOPIC', value: 'jugend' },
    { kind: 'REMOVE_TOPIC', value: 'sport' },
    { kind: 'NEW_TOPIC', value: 'Lastenrad' },
    { kind: 'FIELD', field: 'contact', value: 'info@verein.example' },
    {
      kind: 'PARTNERSHIP',
      value: { partnerId: 'schule', partnerName: 'Schule am Park', about: 'Lesepaten', when: 'Herbst 2025' },
    },
    { kind: 'PARTNERSHIP', value: { partnerId: null, partnerName: 'Imkerei', about: 'Bienen', when: null } },
  ]);
  expect(parseAnswer({}, ctx)).toEqual({ proposals: [], consent: false });
});

test.each([
  [{ fields: { description: 'a\u0000b' } }, 'BAD_USER_INPUT', 'fields.description'],
  [{ fields: { website: 'javascript:alert(1)' } }, 'BAD_USER_INPUT', 'fields.website'],
  [{ fields: { kind: 'KING' } }, 'BAD_USER_INPUT', 'fields.kind'],
  [{ fields: { name: '\u200b' } }, 'BAD_USER_INPUT', 'fields.name'],
  [{ topicIds: ['garten', 'mond'] }, 'NOT_FOUND', 'topicIds[1]'],
  [{ partners: [{ actorId: 'verein', about: 'x' }] }, 'NOT_FOUND', 'partners[0].actorId'],
  [{ partners: [{ about: 'x' }] }, 'BAD_USER_INPUT', 'partners[0].name'],
  [{ partners: [{ name: 'X' }] }, 'BAD_USER_INPUT', 'partners[0].about'],
  [{ contact: { value: 'info@verein', consent: true } }, 'BAD_USER_INPUT', 'contact.value'],
  [{ actorId: 'schule' }, 'BAD_USER_INPUT', 'actorId'],
  [[], 'BAD_USER_INPUT', ''],
])('refuses %j with %s on %s', (body, code, field) => {
  expect(() => parseAnswer(body, ctx)).toThrow(expect.objectContaining({ code, field }));
});

test.each([
  ['2025', '2025-01-01'],
  ['2025-04', '2025-04-01'],
  ['03/2025', '2025-03-01'],
  ['März 2025', '2025-03-01'],
  ['Frühjahr 2025', '2025-03-01'],
  ['im Herbst 2024', '2024-09-01'],
  ['Dezember 2024', '2024-12-01'],
  ['letztes Jahr', null],
  [null, null],
])('startDateOf(%j) = %j', (when, date) => {
  expect(startDateOf(when)).toBe(date);
});
