import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './system-info';

/** One section of the report: a heading, a markdown table and notes, plus raw figures for JSON. */
export interface Section {
  title: string;
  /** Column headings and rows of cells, rendered as one markdown table. */
  columns?: string[];
  rows?: string[][];
  /** Markdown produced elsewhere (the search and ingestion benchmarks' own tables). */
  markdown?: string;
  notes: string[];
  figures: unknown;
}

export function table(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(columns),
    line(columns.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
  ].join('\n');
}

export function sectionMarkdown(s: Section): string {
  const parts = [`### ${s.title}`, ''];
  if (s.columns && s.rows) parts.push(table(s.columns, s.rows), '');
  if (s.markdown) parts.push(s.markdown, '');
  for (const note of s.notes) parts.push(`- ${note}`);
  return parts.join('\n').trimEnd();
}

/** Writes the run's JSON to bench/results/ and returns its path. */
export function writeResults(mode: string, payload: unknown): string {
  const dir = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${mode}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}
