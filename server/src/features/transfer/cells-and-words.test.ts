/** The cell syntax, the German words and the table recognition the CSV import relies on. */
import { joinList, participantItem, protectCell, splitList, topicCell, topicItem, unprotectCell } from './csv-cells';
import { detectDelimiter, recogniseTable } from './csv-read';
import { parseDate } from './validate';
import { actorKindOf, collaborationKindOf, roleOf } from './vocabulary';

test('lists split on ; and line breaks, with \\; for a literal semicolon; joinList gives them back', () => {
  expect(splitList('Umwelt; Jugend;\n Kultur ;;')).toEqual(['Umwelt', 'Jugend', 'Kultur']);
  const items = ['a;b', 'c\\d', ' e '.trim()];
  expect(splitList(joinList(items))).toEqual(items);
});

test('weights and roles in brackets; other brackets stay part of the name', () => {
  expect(topicItem('Umwelt (0,5)')).toEqual({ ref: 'Umwelt', weight: 0.5 });
  expect(topicItem('umwelt (0.25)')).toEqual({ ref: 'umwelt', weight: 0.25 });
  expect(topicItem('Wahl (2021)')).toEqual({ ref: 'Wahl (2021)' });
  expect(topicItem(topicCell('t1', 0.57))).toEqual({ ref: 't1', weight: 0.57 });
  expect(topicCell('t1', 1)).toBe('t1');
  expect(participantItem('Bobbie e.V. (Veranstalterin)')).toEqual({ ref: 'Bobbie e.V.', role: 'ORGANISER' });
  expect(participantItem('Kita Sonnenblume (Beispiel)')).toEqual({ ref: 'Kita Sonnenblume (Beispiel)' });
  expect(participantItem('Kita Sonnenblume (Beispiel) (Gastgeber)')).toEqual({
    ref: 'Kita Sonnenblume (Beispiel)',
    role: 'HOST',
  });
});

test('cells that look like formulas are protected on the way out and restored on the way in', () => {
  for (const value of ['=SUMME(A1)', '+49 2041', '-', '@home', 'normal'])
    expect(unprotectCell(protectCell(value))).toBe(value);
  expect(protectCell('=1+1')).toBe("'=1+1");
  expect(unprotectCell("'Apostroph")).toBe("'Apostroph");
});

test('German and English words for kinds and roles', () => {
  expect(actorKindOf('Verein')).toBe('ASSOCIATION');
  expect(actorKindOf('city department')).toBe('CITY_DEPARTMENT');
  expect(actorKindOf('Behörde')).toBe('CITY_DEPARTMENT');
  expect(actorKindOf('Privatperson')).toBe('PERSON');
  expect(actorKindOf('Vereinn')).toBeUndefined();
  expect(collaborationKindOf('Treffen')).toBe('MEETING');
  expect(collaborationKindOf('Arbeitskreis')).toBe('WORKING_GROUP');
  expect(collaborationKindOf('WORKING_GROUP')).toBe('WORKING_GROUP');
  expect(roleOf('Teilnehmer*innen')).toBe('PARTICIPANT');
  expect(roleOf('Gastgeberin')).toBe('HOST');
  expect(roleOf('Förderin')).toBe('FUNDER');
  expect(roleOf('Mitglieder')).toBe('MEMBER');
});

test('dates: German and ISO, real calendar days only', () => {
  expect(parseDate('31.12.2021')).toBe('2021-12-31');
  expect(parseDate('1.5.2023')).toBe('2023-05-01');
  expect(parseDate('2021-12-31')).toBe('2021-12-31');
  expect(parseDate('31.02.2023')).toBeUndefined();
  expect(parseDate('12/31/2021')).toBeUndefined();
  expect(parseDate('31.12.21')).toBeUndefined();
});

test('the table is told from the header row; the delimiter from its use there', () => {
  expect(recogniseTable(['Name', 'Art', 'Webseite'])).toMatchObject({ table: 'actors' });
  expect(recogniseTable(['Akteur*in', 'Typ'])).toMatchObject({ table: 'actors' });
  expect(recogniseTable(['Thema', 'Aliase'])).toMatchObject({ table: 'topics' });
  expect(recogniseTable(['Titel', 'Art', 'Beginn', 'Beteiligte'])).toMatchObject({ table: 'collaborations' });
  expect(recogniseTable(['Kooperation', 'Akteur', 'Rolle'])).toMatchObject({ table: 'participations' });
  expect(recogniseTable(['collaborationId', 'actorId', 'role'])).toMatchObject({ table: 'participations' });
  expect(recogniseTable(['id', 'name'])).toHaveProperty('problem');
  expect(recogniseTable(['Farbe', 'Größe'])).toHaveProperty('problem');
  expect(detectDelimiter('Name;Art,x;Themen\na,b,c,d')).toBe(';');
  expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
  expect(detectDelimiter('a\tb\tc')).toBe('\t');
});
