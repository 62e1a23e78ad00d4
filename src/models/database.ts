import mongoose, { Connection } from 'mongoose';

/**
 * Opens the hub's MongoDB connection. Settings fail fast instead of hanging:
 * commands are never buffered while disconnected, and server selection gives
 * up after a few seconds, so a dead database turns into a clear error and a
 * failing /readyz rather than requests that wait forever.
 */
export async function connectDatabase(
  uri: string,
  dbName: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    dbName,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    socketTimeoutMS: 30_000,
    maxPoolSize: 20,
    // FerretDB does not support retryable writes' transaction numbers on SQLite.
    retryWrites: false,
    monitorCommands: opts.monitorCommands ?? false,
  });
  await connection.asPromise();
  return connection;
}

/** Readiness probe: a `ping` that must answer within the timeout. */
export async function pingDatabase(connection: Connection, timeoutMs = 2_000): Promise<void> {
  const db = connection.db;
  if (!db) throw new Error('MongoDB connection is not open');
  await Promise.race([
    db.command({ ping: 1 }, { timeoutMS: timeoutMs }),
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`ping timed out after ${timeoutMs} ms`)),
        timeoutMs,
      ).unref(),
    ),
  ]);
}

/** True for MongoDB's duplicate-key error (code 11000). */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}
