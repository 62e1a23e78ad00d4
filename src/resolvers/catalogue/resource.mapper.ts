import { toGlobalId } from '../../graphql/global-id';
import type { CatalogueHistoryDoc } from '../../models/catalogue/catalogue-history.model';
import type { ResourceDoc } from '../../models/catalogue/resource.model';
import { LICENSES } from '../../models/catalogue/vocabulary';
import type { ResourcePage } from '../../services/catalogue/resource.service';
import { buildConnection, encodeKeysetCursor } from '../common/cursor';
import {
  DifficultyEnum,
  ResourceKindEnum,
  ResourceStatusEnum,
  VisibilityEnum,
} from './catalogue.enums';
import { Resource, ResourceConnection, type ResourceHistoryEntry } from './resource.type';

export function mapResource(doc: ResourceDoc): Resource {
  return {
    id: toGlobalId('Resource', doc._id),
    ownerUnitInternalId: doc.ownerUnitId.toHexString(),
    derivedFromInternalId: doc.derivedFromId?.toHexString() ?? null,
    createdByInternalId: doc.createdBy?.toHexString() ?? null,
    kind: doc.kind as ResourceKindEnum,
    title: doc.title,
    subtitle: doc.subtitle,
    summary: doc.summary,
    description: doc.description,
    keywords: doc.keywords,
    categories: doc.categories,
    audiences: doc.audiences,
    language: doc.language,
    durationSeconds: doc.durationSeconds,
    difficulty: doc.difficulty as DifficultyEnum | null,
    creditHours: doc.creditHours,
    license: doc.license,
    licenseAllowsDerivatives: LICENSES[doc.license].derivatives,
    creators: doc.creators.map((c) => ({
      name: c.name,
      role: c.role,
      organization: c.organization ?? null,
    })),
    linkUrl: doc.linkUrl,
    coverUrl: doc.coverUrl ?? null,
    regionCode: doc.regionCode,
    status: doc.status as ResourceStatusEnum,
    visibility: doc.visibility as VisibilityEnum,
    version: doc.version,
    reviewComment: doc.reviewComment,
    publishedAt: doc.publishedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function resourceCursor(doc: ResourceDoc, field: 'updatedAt' | 'createdAt'): string {
  return encodeKeysetCursor(doc[field], doc._id);
}

export function mapResourcePage(
  page: ResourcePage,
  field: 'updatedAt' | 'createdAt',
  hadCursor: boolean,
): ResourceConnection {
  return Object.assign(
    new ResourceConnection(),
    buildConnection(page, (doc) => resourceCursor(doc, field), mapResource, hadCursor),
  );
}

export function mapHistory(entry: CatalogueHistoryDoc): ResourceHistoryEntry {
  return {
    version: entry.version,
    action: entry.action,
    actorId: entry.actorId ? toGlobalId('User', entry.actorId) : null,
    at: entry.at,
    comment: entry.comment,
    changes: entry.changes.map((c) => ({
      field: c.field,
      oldValue: c.oldValue,
      newValue: c.newValue,
    })),
  };
}

/** A page fetched in reverse order (last/before): shown in the normal order, previous pages flagged. */
export function mapResourcePageBackwards(
  page: ResourcePage,
  field: 'updatedAt' | 'createdAt',
  hadCursor: boolean,
): ResourceConnection {
  const conn = mapResourcePage({ ...page, nodes: [...page.nodes].reverse() }, field, false);
  conn.pageInfo = { ...conn.pageInfo, hasPreviousPage: page.hasNextPage, hasNextPage: hadCursor };
  return conn;
}
