import pino, { type Logger } from 'pino';
import type { HubConfig } from '../config';

/** Structured JSON logs; secrets in headers are redacted. */
export function createLogger(config: Pick<HubConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'learning-port' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
      censor: '[redacted]',
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
