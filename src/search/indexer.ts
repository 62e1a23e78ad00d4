import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { AdoptionRepository } from '../models/catalogue/adoption.repository';
import type { ResourceDoc } from '../models/catalogue/resource.model';
import type { ResourceRepository } from '../models/catalogue/resource.repository';
import type { SeriesDoc } from '../models/catalogue/series.model';
import type { SeriesRepository } from '../models/catalogue/series.repository';
import {
  AUDIENCES,
  CATEGORIES,
  type Audience,
  type Category,
} from '../models/catalogue/vocabulary';
import type { OrgUnitDoc } from '../models/org-unit/org-unit.model';
import type { OrgUnitRepository } from '../models/org-unit/org-unit.repository';
import type { SearchDocument } from './search-document';

/**
 * The one module that knows how a catalogue item becomes a {@link SearchDocument}:
 * ids, denormalised owner/region names, series membership, adoption counts,
 * the indexed form of vocabulary values, and the stamp.
 */

export type CatalogueItemType = SearchDocument['type'];

/** A catalogue item by type and hex id, as catalogue events name them. */
export interface CatalogueItemRef {
  type: CatalogueItemType;
  id: string;
}

const ID_PREFIX: Record<CatalogueItemType, string> = { RESOURCE: 'resource', SERIES: 'series' };

/** Index id of a catalogue item: `resource-<hex>` / `series-<hex>` (index-safe in both engines). */
export function searchIdOf(ref: CatalogueItemRef): string {
  return `${ID_PREFIX[ref.type]}-${ref.id}`;
}

/** The catalogue item an index id stands for; undefined for ids this indexer never writes. */
export function itemRefOf(searchId: string): CatalogueItemRef | undefined {
  const m = /^(resource|series)-([0-9a-f]{24})$/.exec(searchId);
  if (!m) return undefined;
  return { type: m[1] === 'series' ? 'SERIES' : 'RESOURCE', id: m[2] };
}

// Categories and audiences are indexed by their Chinese labels, so that text
// such as 老年教育 or 农村居民 matches them (both engines search these fields);
// the API speaks the stable codes, translated here in both directions.
const CATEGORY_BY_LABEL = new Map(
  Object.entries(CATEGORIES).map(([code, label]) => [label as string, code as Category]),
);
const AUDIENCE_BY_LABEL = new Map(
  Object.entries(AUDIENCES).map(([code, label]) => [label as string, code as Audience]),
);

export const indexedValues = {
  category: (code: Category): string => CATEGORIES[code],
  audience: (code: Audience): string => AUDIENCES[code],
  categoryCode: (indexed: string): Category | undefined => CATEGORY_BY_LABEL.get(indexed),
  audienceCode: (indexed: string): Audience | undefined => AUDIENCE_BY_LABEL.get(indexed),
};

/**
 * Stamp design. The reconciler decides "stale or fresh" by comparing the
 * indexed stamp with the stamp of a document freshly built from MongoDB, so
 * the stamp must change whenever anything the document says changes, and
 * only then. The item's `version` alone is not enough: adoptions, series
 * membership (and series titles), and the owner's or its ancestors' names
 * change the document without touching the item. So:
 *
 *   stamp = version × 2^32 + (first 32 bits of SHA-256 of the document's content)
 *
 * The hash covers every field but the stamp itself (canonical JSON: fixed key
 * order), so a renamed county, a new adoption or a vocabulary label change all
 * make every affected entry stale, and an unchanged document is never
 * rewritten. The version in the high bits keeps stamps readable in logs and
 * makes a version change always visible, whatever the hash. The result stays
 * below 2^53 (exact in JSON and in Meilisearch) for versions below 2^21; the
 * version is folded modulo 2^21 beyond that, which only affects readability.
 */
export function stampOf(doc: Omit<SearchDocument, 'stamp'>, version: number): number {
  const content = canonicalJson({ ...doc, stamp: undefined });
  const hash = createHash('sha256').update(content).digest().readUInt32BE(0);
  return (version % 2 ** 21) * 2 ** 32 + hash;
}

/** The catalogue version carried in a stamp's high bits (for logs and tests). */
export function versionOfStamp(stamp: number): number {
  return Math.floor(stamp / 2 ** 32);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

export interface IndexerRepositories {
  resources: ResourceRepository;
  series: SeriesRepository;
  adoptions: AdoptionRepository;
  orgUnits: OrgUnitRepository;
}

/**
 * Catalogue-wide data fetched once for a full pass (reconciler, reindex),
 * instead of once per batch: on FerretDB every `$in` query scans its whole
 * collection. Documents built from it may be older than the newest writes;
 * callers that race live writes re-build what they are about to write.
 */
export interface IndexerPrefetch {
  series: readonly SeriesDoc[];
  adoptionCounts: ReadonlyMap<string, number>;
}

export interface BuiltDocuments {
  documents: SearchDocument[];
  /** Index ids of requested items that no longer exist (to be removed from the index). */
  missingIds: string[];
}

const oid = (hex: string) => new Types.ObjectId(hex);
const hex = (id: Types.ObjectId) => id.toHexString();

/**
 * Builds search documents in batches: for any number of items, one query each
 * for the items, their owners' units and ancestors, adoptions, and (for
 * resources) the series containing them. No per-item queries.
 */
export class CatalogueIndexer {
  constructor(private readonly repos: IndexerRepositories) {}

  /** Loads the items by id and builds their documents; ids that do not exist come back as missing. */
  async buildByRefs(refs: readonly CatalogueItemRef[]): Promise<BuiltDocuments> {
    const resourceIds = unique(refs.filter((r) => r.type === 'RESOURCE').map((r) => r.id));
    const seriesIds = unique(refs.filter((r) => r.type === 'SERIES').map((r) => r.id));
    const [resources, series] = await Promise.all([
      resourceIds.length ? this.repos.resources.findByIds(resourceIds.map(oid)) : [],
      seriesIds.length ? this.repos.series.findByIds(seriesIds.map(oid)) : [],
    ]);
    const documents = [
      ...(await this.buildResources(resources)),
      ...(await this.buildSeries(series)),
    ];
    const found = new Set(documents.map((d) => d.id));
    const missingIds = [
      ...resourceIds.map((id) => searchIdOf({ type: 'RESOURCE', id })),
      ...seriesIds.map((id) => searchIdOf({ type: 'SERIES', id })),
    ].filter((id) => !found.has(id));
    return { documents, missingIds };
  }

  async buildResources(
    resources: readonly ResourceDoc[],
    prefetch?: IndexerPrefetch,
  ): Promise<SearchDocument[]> {
    if (resources.length === 0) return [];
    const ids = resources.map((r) => r._id);
    const [containing, adoptions, units] = await Promise.all([
      prefetch ? prefetch.series : this.repos.series.containing(ids),
      prefetch ? prefetch.adoptionCounts : this.adoptionCounts(ids),
      this.unitsFor(resources),
    ]);
    const seriesByEpisode = new Map<string, SeriesDoc[]>();
    for (const s of containing) {
      for (const episode of s.episodeIds) {
        const key = hex(episode);
        seriesByEpisode.set(key, [...(seriesByEpisode.get(key) ?? []), s]);
      }
    }
    return resources.map((r) => {
      const series = (seriesByEpisode.get(hex(r._id)) ?? [])
        .filter((s) => seriesShownOn(s, r))
        .sort((a, b) => (hex(a._id) < hex(b._id) ? -1 : 1));
      const doc: Omit<SearchDocument, 'stamp'> = {
        id: searchIdOf({ type: 'RESOURCE', id: hex(r._id) }),
        type: 'RESOURCE',
        title: r.title,
        ...optional('subtitle', r.subtitle),
        ...optional('summary', r.summary),
        ...optional('description', r.description),
        keywords: [...r.keywords],
        kind: r.kind,
        categories: r.categories.map(indexedValues.category),
        audiences: r.audiences.map(indexedValues.audience),
        language: r.language,
        license: r.license,
        seriesIds: series.map((s) => searchIdOf({ type: 'SERIES', id: hex(s._id) })),
        seriesTitles: series.map((s) => s.title),
        ...ownerFields(r, units),
        visibility: r.visibility,
        status: r.status,
        ...(r.durationSeconds !== null ? { durationSeconds: r.durationSeconds } : {}),
        updatedAt: r.updatedAt.getTime(),
        adoptionCount: adoptions.get(hex(r._id)) ?? 0,
      };
      return { ...doc, stamp: stampOf(doc, r.version) };
    });
  }

  async buildSeries(
    series: readonly SeriesDoc[],
    prefetch?: IndexerPrefetch,
  ): Promise<SearchDocument[]> {
    if (series.length === 0) return [];
    const [adoptions, units] = await Promise.all([
      prefetch ? prefetch.adoptionCounts : this.adoptionCounts(series.map((s) => s._id)),
      this.unitsFor(series),
    ]);
    return series.map((s) => {
      const doc: Omit<SearchDocument, 'stamp'> = {
        id: searchIdOf({ type: 'SERIES', id: hex(s._id) }),
        type: 'SERIES',
        title: s.title,
        ...optional('subtitle', s.subtitle),
        ...optional('description', s.description),
        keywords: [...s.themeTags],
        // A series has no subject vocabulary, licence or language of its own;
        // these values keep facets and filters total (every document counts once).
        categories: [],
        audiences: [],
        language: 'zh-CN',
        license: SERIES_LICENSE,
        seriesIds: [],
        seriesTitles: [],
        ...ownerFields(s, units),
        visibility: s.visibility,
        status: s.status,
        updatedAt: s.updatedAt.getTime(),
        adoptionCount: adoptions.get(hex(s._id)) ?? 0,
      };
      return { ...doc, stamp: stampOf(doc, s.version) };
    });
  }

  private async adoptionCounts(ids: readonly Types.ObjectId[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const a of await this.repos.adoptions.ofItems(ids)) {
      counts.set(hex(a.itemId), (counts.get(hex(a.itemId)) ?? 0) + 1);
    }
    return counts;
  }

  /** Owners and all their ancestors, in one query. */
  private async unitsFor(
    items: ReadonlyArray<{ ownerPath: Types.ObjectId[] }>,
  ): Promise<Map<string, OrgUnitDoc>> {
    const ids = unique(items.flatMap((i) => i.ownerPath.map(hex)));
    const units = await this.repos.orgUnits.findByIds(ids.map(oid));
    return new Map(units.map((u) => [hex(u._id), u]));
  }
}

/** Series have no licence; this value marks them in the licence facet. */
export const SERIES_LICENSE = 'NONE';

/**
 * Whether a series is written onto its episode's document. The document is
 * shared by every viewer who may see the episode, so the series' id and title
 * (searchable, faceted) go there only when each of those viewers may see the
 * series too: it is published, and PUBLIC, or PROVINCE while the episode is
 * not itself open to callers without a unit (published PUBLIC).
 */
function seriesShownOn(series: SeriesDoc, resource: ResourceDoc): boolean {
  if (series.status !== 'PUBLISHED') return false;
  if (series.visibility === 'PUBLIC') return true;
  const openToAnonymous = resource.status === 'PUBLISHED' && resource.visibility === 'PUBLIC';
  return series.visibility === 'PROVINCE' && !openToAnonymous;
}

function ownerFields(
  item: { ownerUnitId: Types.ObjectId; ownerPath: Types.ObjectId[] },
  units: Map<string, OrgUnitDoc>,
): Pick<
  SearchDocument,
  | 'ownerUnitId'
  | 'ownerUnitName'
  | 'ownerPath'
  | 'cityCode'
  | 'cityName'
  | 'countyCode'
  | 'countyName'
> {
  const path = item.ownerPath.map(hex);
  const owner = units.get(hex(item.ownerUnitId));
  const onPath = path.map((id) => units.get(id)).filter((u): u is OrgUnitDoc => !!u);
  const city = onPath.find((u) => u.level === 'CITY');
  const county = onPath.find((u) => u.level === 'COUNTY');
  return {
    ownerUnitId: hex(item.ownerUnitId),
    ownerUnitName: owner?.name ?? '',
    ownerPath: path,
    ...(city ? { cityCode: city.code, cityName: city.regionName } : {}),
    ...(county ? { countyCode: county.code, countyName: county.regionName } : {}),
  };
}

function optional<K extends 'subtitle' | 'summary' | 'description'>(
  key: K,
  value: string | null | undefined,
): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

function unique(values: string[]): string[] {
  return Array.from(new Set(values));
}
