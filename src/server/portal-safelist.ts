import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isQueryHash, queryHash } from '../portal/persisted/query-hash';
import type { PersistedOperationService } from '../portal/persisted/persisted-operation.service';
import { portalState } from './portal-context';
import type { RejectHttp } from './portal-rejections';

/** The operations of a request as sent: POST body (object or batch array) or GET parameters. */
function requestedOperations(req: Request): Array<{ query?: unknown; extensions?: unknown }> {
  if (req.method === 'GET') {
    const params = req.query as Record<string, unknown>;
    let extensions: unknown = params.extensions;
    if (typeof extensions === 'string') {
      try {
        extensions = JSON.parse(extensions);
      } catch {
        extensions = undefined;
      }
    }
    return [{ query: params.query, extensions }];
  }
  const body: unknown = req.body;
  const items = Array.isArray(body) ? body : [body];
  return items.map((item) => (item && typeof item === 'object' ? item : {}));
}

/** The hash that identifies an operation: of its text when sent, else the persisted-query hash. */
function operationHash(op: { query?: unknown; extensions?: unknown }): string | undefined {
  if (typeof op.query === 'string' && op.query.length > 0) return queryHash(op.query);
  const persisted = (op.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return isQueryHash(persisted?.sha256Hash) ? persisted.sha256Hash : undefined;
}

/**
 * Safelist mode: an API key flagged `safelistMode` runs only operations
 * registered for it (by SHA-256 of the exact query text). The check runs on
 * the raw request, before parsing, so an unregistered document costs no
 * parse or validation, and no query text reaches the executor unchecked.
 */
export function safelistCheck(
  operations: PersistedOperationService,
  reject: RejectHttp,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const credential = portalState(res)?.credential;
    if (!credential || credential.kind !== 'API_KEY' || !credential.safelistMode) {
      next();
      return;
    }
    try {
      const credentialId = credential._id.toHexString();
      for (const op of requestedOperations(req)) {
        const hash = operationHash(op);
        if (hash && (await operations.isRegistered(credentialId, hash))) continue;
        await reject(req, res, {
          status: 400,
          code: 'PERSISTED_QUERY_NOT_ALLOWED',
          message:
            '此 API 密钥只能运行已登记的查询 / this API key may run registered operations only',
          extensions: hash ? { sha256Hash: hash } : {},
        });
        return;
      }
      next();
    } catch (err) {
      next(err);
    }
  };
}
