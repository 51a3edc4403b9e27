import type { Sealer } from './seal.ts';
import { isSealed, sealJson } from './seal.ts';

/**
 * Values written before sealing existed, sealed in the form Faro writes now (`npm run rekey`
 * does it once): by the kind of key (src/privacy/rekey.ts keyKind) and, for a hash, the field.
 * Null when the value is already in the sealed form, or is not one Faro seals.
 */
export function sealPlain({
  kind,
  field,
  value,
  sealer,
}: {
  kind: string;
  field: string | null;
  value: string;
  sealer: Pick<Sealer, 'seal'>;
}): string | null {
  const json = (raw: string): unknown => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      return undefined;
    }
  };
  switch (kind) {
    case 'conversation:conv': {
      const bar = value.indexOf('|');
      const rest = value.slice(bar + 1);
      return bar > 0 && rest.startsWith('{') ? `${value.slice(0, bar)}|${sealer.seal(rest)}` : null;
    }
    case 'conversation:transcript': {
      const row = json(value);
      if (Array.isArray(row) && typeof row[2] === 'string' && !isSealed(row[2]))
        return JSON.stringify([row[0], row[1], sealer.seal(row[2]), ...row.slice(3)]);
      if (row && !Array.isArray(row) && typeof row === 'object' && 'text' in row) {
        const { at, from, text, ...extras } = row as { at: number; from: string; text: string };
        const code = { user: 'u', bot: 'b', staff: 's', system: 'y' }[from] ?? 'y';
        const out: unknown[] = [at, code, sealer.seal(String(text))];
        if (Object.keys(extras).length > 0) out.push(extras);
        return JSON.stringify(out);
      }
      return null;
    }
    case 'conversation:inbox': {
      const entry = json(value) as { id?: string; s?: unknown; flooded?: number } | undefined;
      if (!entry || typeof entry !== 'object' || entry.s !== undefined || typeof entry.id !== 'string')
        return null;
      const { id, flooded, ...rest } = entry;
      return JSON.stringify({ ...(flooded !== undefined && { flooded }), id, s: sealJson(sealer, rest) });
    }
    case 'conversation:msgs': {
      const m = json(value) as { body?: unknown; conversationId?: unknown } | undefined;
      if (!m || typeof m.body !== 'string' || (isSealed(m.body) && m.conversationId === undefined))
        return null;
      const { conversationId: _id, ...rest } = m;
      return JSON.stringify({ ...rest, body: isSealed(m.body) ? m.body : sealer.seal(m.body) });
    }
    case 'ticket':
      return field === 'json' && value.startsWith('{') ? sealer.seal(value) : null;
    case 'case:info':
    case 'case:code':
    case 'case:ref':
    case 'case:canned':
      return value.startsWith('{') ? sealer.seal(value) : null;
    default:
      // BullMQ jobs (outbox, timers): the job hash's `data`.
      if (kind.startsWith('bullmq:') && field === 'data') {
        const data = json(value) as { s?: unknown } | undefined;
        return data && typeof data === 'object' && data.s === undefined
          ? JSON.stringify({ s: sealer.seal(value) })
          : null;
      }
      return null;
  }
}
