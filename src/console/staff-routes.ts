import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { forbidden, parseOr400 } from './http-error.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';

const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/** Who can take a transfer, and (supervisors) the audit log. */
export async function staffRoutes(app: FastifyInstance, deps: StaffApiDeps) {
  app.get('/staff', async () => {
    const accounts = await deps.staff.listAccounts();
    return { staff: accounts.map(({ username, role }) => ({ username, role })) };
  });

  app.get('/audit', async (request) => {
    if (staffOf(request).role !== 'supervisor') throw forbidden('Only supervisors can read the audit log');
    const { limit } = parseOr400(AuditQuery, request.query);
    return { entries: await deps.staff.listAudit(limit) };
  });
}
