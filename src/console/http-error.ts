import type { z } from 'zod';

/**
 * A refusal the staff API means to give: the app's error handler turns its status and
 * message into `{ statusCode, error, message, reqId }`, plus `reason` when there is one
 * (a machine-readable why, e.g. `window_closed`).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly reason?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = () => new HttpError(401, 'Log in first');
export const forbidden = (message = 'Not allowed for your role') => new HttpError(403, message);
export const notFound = (what = 'Ticket') => new HttpError(404, `${what} not found`);
export const conflict = (message: string, reason?: string) => new HttpError(409, message, reason);

/** Parses with zod; a failure is a 400 naming every bad field. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))];
  throw new HttpError(400, `invalid fields: ${fields.join(', ')}`);
}
