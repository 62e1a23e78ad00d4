import { Presets, SingleBar } from 'cli-progress';
import type { ReconcileProgress } from '../../search/reconciler';

const PHASE_LABELS: Record<ReconcileProgress['phase'], string> = {
  resources: '资源 / resources',
  series: '系列 / series',
  orphans: '清理 / orphans',
};

/**
 * One progress bar per phase on stderr (nothing when stderr is not a
 * terminal, so logs and CI output stay clean).
 */
export function progressBars(): { update(p: ReconcileProgress): void; stop(): void } {
  let bar: SingleBar | undefined;
  let phase: ReconcileProgress['phase'] | undefined;
  return {
    update(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar(
          {
            format: `${PHASE_LABELS[p.phase].padEnd(16)} [{bar}] {value}/{total} {eta_formatted}`,
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        bar.start(p.total, p.done);
        return;
      }
      bar?.setTotal(p.total);
      bar?.update(p.done);
    },
    stop() {
      bar?.stop();
    },
  };
}
