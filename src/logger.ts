import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Log events, not prose, and never a phone number or a message body. The redaction list
 * is a safety net: code logs conversation hashes, not addresses.
 */
export const REDACT_PATHS = [
  'address',
  'from',
  'to',
  'From',
  'To',
  'body',
  'Body',
  'text',
  'phone',
  '*.address',
  '*.from',
  '*.to',
  '*.From',
  '*.To',
  '*.body',
  '*.Body',
  '*.text',
  '*.phone',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { service: 'faro' },
      serializers: {
        // Fastify's default req serializer logs the URL, which can carry query parameters.
        req: (req: { method?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          route: req.routeOptions?.url,
        }),
        err: (err: Error & { code?: unknown }) => ({ type: err.name, code: err.code }),
      },
    },
    destination,
  );
}
