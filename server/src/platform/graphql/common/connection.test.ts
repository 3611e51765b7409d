import { decodeCursor, encodeCursor, type SortKey } from '../../../domain/paging';
import { toConnection } from './connection';

interface Item {
  id: string;
  name: string;
}

const page = {
  items: [
    { id: 'a1', name: 'Ärzte am Markt' },
    { id: 'a2', name: 'Bürgerverein' },
    { id: 'a3', name: 'Chor' },
  ],
  totalCount: 7,
  hasNextPage: true,
};

describe('toConnection', () => {
  it('answers edges with a cursor per item and the last one as endCursor', () => {
    const connection = toConnection<Item>(page, (i) => [i.name.toLowerCase(), i.id]);
    expect(connection.edges.map((e) => [e.node.id, decodeCursor(e.cursor)])).toEqual([
      ['a1', ['ärzte am markt', 'a1']],
      ['a2', ['bürgerverein', 'a2']],
      ['a3', ['chor', 'a3']],
    ]);
    expect(connection.edges).toBe(connection.edges);
    expect(connection.nodes).toBe(page.items);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['chor', 'a3']) });
    expect(connection.totalCount).toBe(7);
  });

  it('makes the cursors of the edges only when they are read (the last one for endCursor)', () => {
    const keyed: string[] = [];
    const sortKey = (i: Item): SortKey => {
      keyed.push(i.id);
      return [i.name, i.id];
    };
    const connection = toConnection<Item>(page, sortKey);
    expect(keyed).toEqual(['a3']);
    expect(connection.edges).toHaveLength(3);
    expect(keyed).toEqual(['a3', 'a1', 'a2', 'a3']);
  });

  it('has no endCursor for an empty page', () => {
    const connection = toConnection<Item>({ items: [], totalCount: 0, hasNextPage: false }, (i) => [i.name, i.id]);
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
