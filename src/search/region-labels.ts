import type { Models } from '../models/models';

/**
 * Names of cities and counties by division code, for facet labels: the same
 * `regionName` the indexer writes as cityName / countyName. One indexed query
 * per search (unit codes are unique). Reads only.
 */
export class RegionLabels {
  constructor(private readonly models: Pick<Models, 'OrgUnit'>) {}

  async byCode(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const units = await this.models.OrgUnit.find(
      { code: { $in: [...new Set(codes)] } },
      { code: 1, regionName: 1 },
    )
      .lean<Array<{ code: string; regionName: string }>>()
      .exec();
    return new Map(units.map((u) => [u.code, u.regionName]));
  }
}
