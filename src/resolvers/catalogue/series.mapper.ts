import { toGlobalId } from '../../graphql/global-id';
import type { AdoptionDoc } from '../../models/catalogue/adoption.model';
import type { SeriesDoc } from '../../models/catalogue/series.model';
import { buildConnection, encodeKeysetCursor } from '../common/cursor';
import { AdoptableTypeEnum, type Adoption } from './adoption.type';
import { ResourceStatusEnum, VisibilityEnum } from './catalogue.enums';
import { Series, SeriesConnection } from './series.type';

export function mapSeries(doc: SeriesDoc): Series {
  return {
    id: toGlobalId('Series', doc._id),
    internalId: doc._id.toHexString(),
    ownerUnitInternalId: doc.ownerUnitId.toHexString(),
    episodeInternalIds: doc.episodeIds.map((e) => e.toHexString()),
    title: doc.title,
    subtitle: doc.subtitle,
    description: doc.description,
    themeTags: doc.themeTags,
    regionCode: doc.regionCode,
    coverUrl: doc.coverUrl,
    visibility: doc.visibility as VisibilityEnum,
    status: doc.status as ResourceStatusEnum,
    version: doc.version,
    publishedAt: doc.publishedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function mapSeriesPage(
  page: { nodes: SeriesDoc[]; hasNextPage: boolean; count: () => Promise<number> },
  hadCursor: boolean,
): SeriesConnection {
  return Object.assign(
    new SeriesConnection(),
    buildConnection(
      page,
      (doc) => encodeKeysetCursor(doc.updatedAt, doc._id),
      mapSeries,
      hadCursor,
    ),
  );
}

export function mapAdoption(doc: AdoptionDoc): Adoption {
  return {
    id: toGlobalId('Adoption', doc._id),
    unitInternalId: doc.unitId.toHexString(),
    itemInternalId: doc.itemId.toHexString(),
    itemOwnerInternalId: doc.itemOwnerUnitId.toHexString(),
    adoptedByInternalId: doc.adoptedBy.toHexString(),
    itemType: doc.itemType as AdoptableTypeEnum,
    adoptedVersion: doc.adoptedVersion,
    seenVersion: doc.seenVersion,
    createdAt: doc.createdAt,
  };
}
