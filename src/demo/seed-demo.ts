import type { Container } from '../container';
import { seedCatalogue } from './seed-catalogue';
import { seedOrgTree, seedUsers } from './seed-org-tree';

/** Loads the whole demo data set. Idempotent: the start command runs it every time. */
export async function seedDemo(container: Container): Promise<void> {
  const units = await seedOrgTree(container.repos);
  await seedUsers(container.repos, units);
  const catalogue = await seedCatalogue(container);
  container.log.info({ units: units.size, ...catalogue }, '演示数据已加载 / demo data loaded');
}
