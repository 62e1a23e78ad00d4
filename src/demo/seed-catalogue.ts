import type { UserViewer } from '../auth/viewer';
import type { Container } from '../container';
import type { ResourceDoc } from '../models/catalogue/resource.model';
import type { SeriesDoc } from '../models/catalogue/series.model';
import { OrgUnitService } from '../services/org-unit/org-unit.service';
import { DEMO_ADOPTIONS, DEMO_FORKS, DEMO_RESOURCES, DEMO_SERIES } from './catalogue.data';

/**
 * Loads the demo catalogue through the real services (so validation, history
 * and the search index all see it), acting as the demo people. Every create
 * carries an idempotency key and every step checks the current state, so the
 * start command can run it on every start.
 */
export async function seedCatalogue(c: Container): Promise<{ resources: number; series: number }> {
  const viewers = new Map<string, UserViewer>();
  const names = new Map<string, string>();
  const as = async (username: string): Promise<UserViewer> => {
    const cached = viewers.get(username);
    if (cached) return cached;
    const user = await c.repos.users.findByUsername(username);
    if (!user) throw new Error(`demo user ${username} missing: seed the org tree first`);
    const unit = await c.repos.orgUnits.findById(user.unitId);
    if (!unit) throw new Error(`unit of demo user ${username} missing`);
    const viewer: UserViewer = {
      kind: 'user',
      userId: user._id.toHexString(),
      credentialId: 'demo-seed',
      unitId: unit._id.toHexString(),
      unitPath: OrgUnitService.pathOf(unit),
      roles: user.roles,
    };
    viewers.set(username, viewer);
    // Credit the person by name, without the unit and role prefix of the demo display name.
    names.set(viewer.userId, user.displayName.split(' ').pop() ?? user.displayName);
    return viewer;
  };

  const resources = new Map<string, ResourceDoc>();
  for (const item of DEMO_RESOURCES) {
    const author = await as(item.author);
    let doc = await c.services.resources.create(author, {
      kind: item.kind,
      idempotencyKey: `demo-${item.key}`,
      title: item.title,
      summary: item.summary,
      keywords: item.keywords,
      categories: item.categories,
      audiences: item.audiences,
      durationSeconds: item.minutes ? item.minutes * 60 : null,
      license: item.license,
      visibility: item.visibility,
      linkUrl: item.linkUrl ?? null,
      // One 学时 is 45 minutes, in half steps.
      creditHours: item.minutes ? Math.max(0.5, Math.round((item.minutes / 45) * 2) / 2) : null,
      creators: [{ name: names.get(author.userId)!, role: 'AUTHOR' }],
    });
    if (!item.draft) doc = await publish(c, doc, author, await as(item.curator));
    resources.set(item.key, doc);
  }

  let seriesCount = 0;
  const seriesByKey = new Map<string, SeriesDoc>();
  for (const s of DEMO_SERIES) {
    const author = await as(s.owner.author);
    let doc = await c.services.series.create(author, {
      idempotencyKey: `demo-${s.key}`,
      title: s.title,
      description: s.description,
      themeTags: s.themeTags,
      visibility: 'PUBLIC',
      episodeIds: s.episodes.map((key) => resources.get(key)!._id),
    });
    const curator = await as(s.owner.curator);
    if (doc.status === 'DRAFT')
      doc = await c.services.series.transition(author, doc._id, doc.version, 'SUBMIT');
    if (doc.status === 'IN_REVIEW')
      doc = await c.services.series.transition(curator, doc._id, doc.version, 'PUBLISH');
    seriesByKey.set(s.key, doc);
    seriesCount++;
  }

  for (const a of DEMO_ADOPTIONS) {
    const viewer = await as(a.by);
    if (a.resource)
      await c.services.adoptions.adopt(viewer, 'RESOURCE', resources.get(a.resource)!._id);
    if (a.series)
      await c.services.adoptions.adopt(viewer, 'SERIES', seriesByKey.get(a.series)!._id);
  }
  for (const f of DEMO_FORKS) {
    const viewer = await as(f.by);
    const fork = await c.services.resources.fork(
      viewer,
      resources.get(f.resource)!._id,
      `demo-fork-${f.resource}-${f.by}`,
    );
    if (fork.version === 1)
      await c.services.resources.update(viewer, fork._id, 1, { title: f.title });
  }
  return { resources: resources.size + DEMO_FORKS.length, series: seriesCount };
}

/** Submits and publishes a draft; leaves anything further along as it is. */
async function publish(
  c: Container,
  doc: ResourceDoc,
  author: UserViewer,
  curator: UserViewer,
): Promise<ResourceDoc> {
  let current = doc;
  if (current.status === 'DRAFT')
    current = await c.services.resources.transition(author, current._id, current.version, 'SUBMIT');
  if (current.status === 'IN_REVIEW')
    current = await c.services.resources.transition(
      curator,
      current._id,
      current.version,
      'PUBLISH',
    );
  return current;
}
