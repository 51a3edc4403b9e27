import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { forbidden, notFound, parseOr400 } from './http-error.ts';
import { LibraryItem, type MediaLibrary } from './media-library.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';

export interface LibraryRouteDeps {
  library: MediaLibrary;
}

const ItemParams = z.object({ itemId: LibraryItem.shape.id });
const SendParams = z.object({ id: z.string().min(1).max(64), itemId: LibraryItem.shape.id });
const ItemBody = LibraryItem.omit({ id: true });

/**
 * The document library (docs/staff-api.md): everyone reads it, supervisors change it, and staff
 * send an item to the person of a ticket they may reply on (WhatsApp: the file itself through
 * `MediaUrl`; SMS: its name and link as text).
 */
export async function libraryRoutes(app: FastifyInstance, deps: StaffApiDeps & LibraryRouteDeps) {
  const supervisor = (request: Parameters<typeof staffOf>[0]) => {
    const user = staffOf(request);
    if (user.role !== 'supervisor') throw forbidden('Only supervisors');
    return user;
  };

  app.get('/library', async () => ({ items: await deps.library.list() }));

  app.put('/library/:itemId', async (request) => {
    supervisor(request);
    const { itemId } = parseOr400(ItemParams, request.params);
    const item = { id: itemId, ...parseOr400(ItemBody, request.body) };
    await deps.library.put(item);
    return { item };
  });

  app.delete('/library/:itemId', async (request, reply) => {
    supervisor(request);
    const { itemId } = parseOr400(ItemParams, request.params);
    if (!(await deps.library.remove(itemId))) throw notFound('Item');
    return reply.code(204).send();
  });

  app.post('/tickets/:id/library/:itemId', async (request, reply) => {
    const { id, itemId } = parseOr400(SendParams, request.params);
    const item = await deps.library.get(itemId);
    if (!item) throw notFound('Item');
    const message = await deps.actions.reply(staffOf(request), id, item.name, { item });
    return reply.code(202).send({ message });
  });
}
