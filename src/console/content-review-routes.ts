import type { FastifyInstance } from 'fastify';
import { FACTS } from '../../flows/content/facts.ts';
import { isoDay, reviewItems } from '../../flows/directory/review-policy.ts';
import type { Service } from '../../flows/directory/schema.ts';
import type { Clock } from '../engine/clock.ts';
import { forbidden } from './http-error.ts';
import { staffOf } from './staff-api.ts';

export interface ContentReviewDeps {
  services: readonly Service[];
  clock: Clock;
}

/**
 * What the content says that is due for re-checking (the review policy of issue #14: 6 months for
 * offices, hours and numbers, 12 for law), for supervisors: the same list `npm run content:check`
 * prints, so someone at the organisation sees it without a terminal.
 */
export async function contentReviewRoutes(app: FastifyInstance, deps: ContentReviewDeps) {
  app.get('/content/due', async (request) => {
    if (staffOf(request).role !== 'supervisor') throw forbidden('Only supervisors review the content');
    const today = isoDay(deps.clock.now());
    const items = reviewItems({ facts: FACTS, services: deps.services, today });
    return {
      today,
      items: items.filter((i) => i.status !== 'ok').sort((a, b) => a.due.localeCompare(b.due)),
    };
  });
}
