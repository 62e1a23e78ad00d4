import type { Request, Response } from 'express';

type Probes = Record<string, () => Promise<void>>;

const PROBE_TIMEOUT_MS = 3_000;

async function runProbe(probe: () => Promise<void>): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    clearTimeout(timer);
  }
}

/** /healthz: the process is alive and serving HTTP. */
export function healthz(_req: Request, res: Response): void {
  res.json({ status: 'ok' });
}

/**
 * /readyz: every dependency answered. 503 names each failing part, so an
 * operator (or a load balancer log) sees which service is down. Error details
 * stay in the server log.
 */
export function readyz(
  probes: Probes,
  isShuttingDown: () => boolean,
  onFailure: (failures: Record<string, string>) => void,
) {
  return async (_req: Request, res: Response): Promise<void> => {
    if (isShuttingDown()) {
      res.status(503).json({ status: 'shutting_down', failing: [] });
      return;
    }
    const names = Object.keys(probes);
    const results = await Promise.all(names.map((name) => runProbe(probes[name])));
    const checks: Record<string, 'ok' | 'failing'> = {};
    const failures: Record<string, string> = {};
    names.forEach((name, i) => {
      checks[name] = results[i] === null ? 'ok' : 'failing';
      if (results[i] !== null) failures[name] = results[i] as string;
    });
    const failing = Object.keys(failures);
    if (failing.length) onFailure(failures);
    res
      .status(failing.length ? 503 : 200)
      .json({ status: failing.length ? 'unavailable' : 'ready', failing, checks });
  };
}
