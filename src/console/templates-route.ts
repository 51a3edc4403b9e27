import type { FastifyInstance } from 'fastify';
import type { Recontact } from '../handoff/recontact.ts';
import { forbidden } from './http-error.ts';
import { staffOf } from './staff-api.ts';

export interface TemplatesRouteDeps {
  /** The re-contact templates by language and what WhatsApp said of each (asked of Twilio). */
  templates: Recontact['list'];
}

/**
 * `GET /api/staff/templates`: supervisors see whether WhatsApp approved each language's
 * re-contact template (a template not approved is never sent; staff replies after the 24-hour
 * window then wait for the person to write).
 */
export async function templatesRoute(app: FastifyInstance, deps: TemplatesRouteDeps) {
  app.get('/templates', async (request) => {
    if (staffOf(request).role !== 'supervisor') throw forbidden('Only supervisors');
    return { templates: await deps.templates() };
  });
}
