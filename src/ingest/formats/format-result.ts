import type { PackageInspection } from '../types';

/** What a format parser returns; the orchestrator adds files, root path and warnings. */
export type FormatResult = Omit<PackageInspection, 'rootPath' | 'files' | 'totalSize' | 'warnings'>;
