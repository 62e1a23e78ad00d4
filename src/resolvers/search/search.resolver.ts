import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { canSeeContent } from '../../auth/policy';
import type { GraphQLContext } from '../../graphql/context';
import type { CatalogueSearchHit } from '../../search/catalogue-search.service';
import { contentRefOf } from '../../services/catalogue/content-ref';
import { mapResource } from '../catalogue/resource.mapper';
import type { Resource } from '../catalogue/resource.type';
import { mapSeries } from '../catalogue/series.mapper';
import type { Series } from '../catalogue/series.type';
import { SearchArgs } from './search.input';
import { mapSearchResult, toSearchRequest } from './search.mapper';
import { SearchConnection } from './search.type';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      '全文搜索资源与系列（中文、繁体、拼音、首字母），附高亮与分面；只含调用者可见的内容 / full-text search over resources and series (Chinese, traditional, pinyin, initials) with highlights and facets; only what the caller may see',
  })
  async search(@Args() args: SearchArgs, @Ctx() ctx: GraphQLContext): Promise<SearchConnection> {
    const request = toSearchRequest(args);
    const result = await ctx.services.search.search(ctx.viewer, request);
    const items = await Promise.all(result.hits.map((hit) => loadVisible(ctx, hit)));
    return mapSearchResult(result, items, request.offset);
  }
}

/**
 * The catalogue item behind a hit, through the request's loaders. The
 * engine's filter already applied the visibility rule; checking again here
 * is defence in depth. A hit that is gone or not visible means the index is
 * stale (the reconciler will fix it): it is logged and skipped.
 */
async function loadVisible(
  ctx: GraphQLContext,
  hit: CatalogueSearchHit,
): Promise<Resource | Series | null> {
  const doc =
    hit.item.type === 'RESOURCE'
      ? await ctx.loaders.resource.load(hit.item.id)
      : await ctx.loaders.series.load(hit.item.id);
  if (!doc || !canSeeContent(ctx.viewer, contentRefOf(doc))) {
    ctx.log.warn(
      { item: hit.item, found: !!doc },
      'search hit missing or not visible: index stale, skipped',
    );
    return null;
  }
  return hit.item.type === 'RESOURCE'
    ? mapResource(doc as Parameters<typeof mapResource>[0])
    : mapSeries(doc as Parameters<typeof mapSeries>[0]);
}
