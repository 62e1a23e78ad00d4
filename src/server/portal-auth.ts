import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors/app-errors';
import type { CredentialService } from '../services/identity/credential.service';
import { presentedSecret } from './credentials';
import type { PortalRequestState } from './portal-context';
import { clientIp, type RejectHttp } from './portal-rejections';

/**
 * Authenticates the caller on every request (revocation is immediate) and
 * leaves viewer, credential and client IP in `res.locals.portal`. A bad
 * credential is a 401, never a silent fall-back to anonymous.
 */
export function authenticateRequest(
  credentials: CredentialService,
  reject: RejectHttp,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const { viewer, credential } = await credentials.authenticateRequest(presentedSecret(req));
      const state: PortalRequestState = { viewer, credential, clientIp: clientIp(req) };
      res.locals.portal = state;
      next();
    } catch (err) {
      if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
        res.setHeader('WWW-Authenticate', 'Bearer realm="learning-port"');
        await reject(req, res, { status: 401, code: err.code, message: err.message });
        return;
      }
      next(err);
    }
  };
}
