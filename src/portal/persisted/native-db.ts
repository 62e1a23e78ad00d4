import type { Db } from 'mongodb';
import type { Connection } from 'mongoose';

/** The driver's `Db` behind an open mongoose connection (the portal stores use the driver directly). */
export function nativeDb(connection: Connection): Db {
  if (!connection.db) throw new Error('MongoDB connection is not open');
  return connection.db;
}
