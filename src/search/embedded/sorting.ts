import type { SearchDocument } from '../search-document';
import type { SearchSort } from '../search.port';

export interface Scored {
  doc: SearchDocument;
  score: number;
}

/** Total orders: ties fall back to newest first, then id, so pages never overlap. */
export function comparatorFor(sort: SearchSort): (a: Scored, b: Scored) => number {
  const tieBreak = (a: Scored, b: Scored) =>
    b.doc.updatedAt - a.doc.updatedAt || (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0);
  switch (sort) {
    case 'RELEVANCE':
      return (a, b) => b.score - a.score || tieBreak(a, b);
    case 'NEWEST':
      return tieBreak;
    case 'MOST_ADOPTED':
      return (a, b) => b.doc.adoptionCount - a.doc.adoptionCount || tieBreak(a, b);
  }
}
