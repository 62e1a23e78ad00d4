import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Messages between the runner and its hub / baseline children (IPC, never HTTP). */
export type ChildRequest =
  | { id: number; type: 'commands:reset' }
  | { id: number; type: 'commands:read' }
  | { id: number; type: 'memory' }
  | { id: number; type: 'stop' };

export interface ChildReply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface ReadyMessage {
  type: 'ready';
  url: string;
  info?: Record<string, unknown>;
}

/**
 * A bench server in its own process, so the load generator never shares its
 * event loop. Talks over the fork IPC channel only.
 */
export class BenchChild {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: ChildReply) => void>();
  private readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(
    readonly process: ChildProcess,
    readonly url: string,
    readonly info: Record<string, unknown>,
  ) {
    process.on('message', (m: ChildReply) => {
      const done = this.pending.get(m.id);
      if (done) {
        this.pending.delete(m.id);
        done(m);
      }
    });
    this.exited = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  static async start(
    modulePath: string,
    env: Record<string, string>,
    opts: { timeoutMs: number; execArgv?: string[] },
  ): Promise<BenchChild> {
    const child = fork(modulePath, [], {
      env: { ...process.env, ...env },
      execArgv: opts.execArgv ?? [],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    const ready = await new Promise<ReadyMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${modulePath} not ready after ${opts.timeoutMs} ms: ${stderr}`));
      }, opts.timeoutMs);
      child.on('message', (m: { type?: string }) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve(m as ReadyMessage);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${modulePath} exited (${code}) before it was ready: ${stderr}`));
      });
    });
    const bench = new BenchChild(child, ready.url, ready.info ?? {});
    bench.stderr = stderr;
    child.stderr?.on('data', (chunk: Buffer) => {
      bench.stderr = (bench.stderr + chunk.toString()).slice(-8000);
    });
    return bench;
  }

  request<T>(type: ChildRequest['type'], timeoutMs = 30_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`child ${this.pid}: no answer to ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(reply.error ?? `${type} failed`));
      });
      this.process.send({ id, type } satisfies ChildRequest);
    });
  }

  /** Current and peak resident set size of the child, from /proc (Linux). */
  memory(): ProcMemory {
    return procMemory(this.pid);
  }

  /** Asks the child to stop cleanly; kills it if it does not exit in time. */
  async stop(timeoutMs = 20_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    await this.request('stop', timeoutMs).catch(() => undefined);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  recentStderr(): string {
    return this.stderr;
  }
}

export interface ProcMemory {
  rssBytes: number;
  peakRssBytes: number;
}

/** VmRSS and VmHWM (peak RSS since start) of a process; zeros when /proc is unavailable. */
export function procMemory(pid: number): ProcMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) =>
      Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rssBytes: kb('VmRSS') * 1024, peakRssBytes: kb('VmHWM') * 1024 };
  } catch {
    return { rssBytes: 0, peakRssBytes: 0 };
  }
}

/** Helper for child processes: answers the runner's IPC requests; `stop` ends the process. */
export function serveIpc(handlers: Partial<Record<ChildRequest['type'], () => unknown>>): void {
  let stopping: Promise<unknown> | undefined;
  const stop = () => (stopping ??= Promise.resolve().then(() => handlers.stop?.()));
  process.on('message', (m: ChildRequest) => {
    const reply = (r: Omit<ChildReply, 'id'>) =>
      process.send?.({ id: m.id, ...r }, undefined, undefined, () => {
        if (m.type === 'stop') process.exit(0);
      });
    const handler = m.type === 'stop' ? stop : handlers[m.type];
    if (!handler) {
      reply({ ok: false, error: `unknown request ${m.type}` });
      return;
    }
    Promise.resolve()
      .then(handler)
      .then(
        (value) => reply({ ok: true, value }),
        (err: unknown) => reply({ ok: false, error: String(err) }),
      );
  });
  // The runner went away: never outlive it.
  process.on('disconnect', () => {
    stop().finally(() => process.exit(0));
  });
}
