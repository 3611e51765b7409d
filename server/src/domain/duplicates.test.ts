import { emailsOf, findDuplicates, jaroWinkler, nameSimilarity, normaliseName, websiteHost } from './duplicates';

describe('duplicate detection', () => {
  test('names are compared without case, accents, punctuation and legal forms', () => {
    expect(normaliseName('Bobbie e. V.')).toBe('bobbie');
    expect(normaliseName('Wohnbau Batenbrock eG')).toBe('wohnbau batenbrock');
    expect(normaliseName('Jugendhilfe Süd gGmbH')).toBe('jugendhilfe sud');
    expect(normaliseName('e.V.')).toBe('e v'); // nothing but a legal form: kept
  });

  test('similarity: Jaro–Winkler (reference value), trigram Dice, different numbers', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(nameSimilarity('jugendtreff kiste', 'jugendtreff kist')).toBeGreaterThan(0.95);
    expect(nameSimilarity('sportfreunde 1927', 'sportfreunde 1928')).toBe(0.5);
    expect(nameSimilarity('stadt bottrop', 'stadtteilagentur batenbrock')).toBeLessThan(0.85);
  });

  test('hosts and addresses', () => {
    expect(websiteHost('https://www.Bobbie.de/garten?x=1')).toBe('bobbie.de');
    expect(websiteHost('bobbie.de')).toBe('bobbie.de');
    expect(websiteHost('kein link')).toBeNull();
    expect(emailsOf('Tel. 1, Info@Bobbie.de; garten@bobbie.de')).toEqual(['info@bobbie.de', 'garten@bobbie.de']);
  });

  test('pairs with their reasons, most reasons first; a host shared by many actors is no reason', () => {
    const actors = [
      { id: 'a', name: 'Bobbie e.V.', website: 'https://bobbie.de', contact: null },
      { id: 'b', name: 'Bobbie', website: 'http://www.bobbie.de', contact: 'x@y.de' },
      { id: 'c', name: 'Gartenfreunde', website: null, contact: 'X@Y.de' },
      ...Array.from({ length: 60 }, (_, i) => ({
        id: `p${i}`,
        name: `Verein ${i}`,
        website: 'facebook.com',
        contact: null,
      })),
    ];
    expect(findDuplicates(actors)).toEqual([
      {
        actorIds: ['a', 'b'],
        reasons: ['SIMILAR_NAME', 'SAME_WEBSITE'],
        nameSimilarity: 1,
        website: 'bobbie.de',
        email: null,
      },
      {
        actorIds: ['b', 'c'],
        reasons: ['SAME_EMAIL'],
        nameSimilarity: expect.any(Number),
        website: null,
        email: 'x@y.de',
      },
    ]);
  });
});
