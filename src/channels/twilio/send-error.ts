/**
 * The closed set of ways an outbound send can fail, each marked retryable or not, as in
 * nyaruka/courier's `core/channels/errors.go`. The outbox decides what to do from `kind` and
 * `retryable` alone; nothing past this file looks at Twilio's codes.
 *
 * Twilio error codes: https://www.twilio.com/docs/api/errors
 */

export type SendErrorKind =
  | 'throttled'
  | 'server_error'
  | 'network'
  | 'timeout'
  | 'opted_out'
  | 'window_closed'
  | 'invalid_address'
  | 'auth'
  | 'rejected';

const RETRYABLE: Record<SendErrorKind, boolean> = {
  throttled: true,
  server_error: true,
  network: true,
  // Twilio may have created the message before the timeout: a retry can send it twice, which
  // we accept over losing a reply.
  timeout: true,
  opted_out: false,
  window_closed: false,
  invalid_address: false,
  auth: false,
  rejected: false,
};

/** Twilio error codes that say more than their HTTP status. */
const BY_TWILIO_CODE: Record<number, SendErrorKind> = {
  20003: 'auth', // https://www.twilio.com/docs/api/errors/20003
  20429: 'throttled', // https://www.twilio.com/docs/api/errors/20429
  21211: 'invalid_address', // invalid 'To' number: https://www.twilio.com/docs/api/errors/21211
  21610: 'opted_out', // recipient replied STOP: https://www.twilio.com/docs/api/errors/21610
  21614: 'invalid_address', // 'To' is not a mobile number: https://www.twilio.com/docs/api/errors/21614
  63003: 'invalid_address', // channel could not find the To address: https://www.twilio.com/docs/api/errors/63003
  63016: 'window_closed', // WhatsApp free-form outside the 24 h window: https://www.twilio.com/docs/api/errors/63016
};

/** Node socket errors (and axios's timeout codes) seen before any HTTP response. */
const BY_SOCKET_CODE: Record<string, SendErrorKind> = {
  ECONNREFUSED: 'network',
  ECONNRESET: 'network',
  EPIPE: 'network',
  ENOTFOUND: 'network',
  EAI_AGAIN: 'network',
  EHOSTUNREACH: 'network',
  ENETUNREACH: 'network',
  ERR_NETWORK: 'network',
  ETIMEDOUT: 'timeout',
  ECONNABORTED: 'timeout', // axios: "timeout of Nms exceeded"
};

export interface SendErrorInit {
  kind: SendErrorKind;
  twilioCode?: number;
  httpStatus?: number;
  /** Must not contain the phone number or the body: Twilio's own messages often quote the number. */
  detail?: string;
}

export class SendError extends Error {
  override readonly name = 'SendError';
  readonly kind: SendErrorKind;
  readonly retryable: boolean;
  readonly twilioCode?: number;
  readonly httpStatus?: number;

  constructor({ kind, twilioCode, httpStatus, detail }: SendErrorInit) {
    const parts = [
      kind,
      twilioCode === undefined ? '' : `twilio ${twilioCode}`,
      httpStatus === undefined ? '' : `HTTP ${httpStatus}`,
      detail ?? '',
    ];
    super(parts.filter(Boolean).join(', '));
    this.kind = kind;
    this.retryable = RETRYABLE[kind];
    if (twilioCode !== undefined) this.twilioCode = twilioCode;
    if (httpStatus !== undefined) this.httpStatus = httpStatus;
  }
}

/** The kind for a Twilio error code, e.g. a status callback's `ErrorCode`; undefined when unknown. */
export function kindFromTwilioCode(code: number): SendErrorKind | undefined {
  return BY_TWILIO_CODE[code];
}

function kindFromHttpStatus(status: number): SendErrorKind {
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server_error';
  if (status === 401) return 'auth';
  return 'rejected';
}

/**
 * Maps whatever `client.messages.create` threw onto a SendError. Twilio's RestException and
 * TwilioServiceException (RFC 9457) both carry a numeric `status` and usually a `code`; socket
 * failures arrive as axios errors with a Node `code`. The original error is dropped on purpose:
 * it holds the request config (Basic auth header, To and Body).
 */
export function sendErrorFromTwilio(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const code = e.code;

  if (status !== undefined && status >= 400) {
    const twilioCode = typeof code === 'number' ? code : undefined;
    const kind = (twilioCode !== undefined && BY_TWILIO_CODE[twilioCode]) || kindFromHttpStatus(status);
    return new SendError({ kind, httpStatus: status, ...(twilioCode !== undefined && { twilioCode }) });
  }
  if (typeof code === 'string') {
    const kind = BY_SOCKET_CODE[code];
    if (kind) return new SendError({ kind, detail: code });
  }
  if (typeof e.message === 'string' && /socket hang up/i.test(e.message)) {
    return new SendError({ kind: 'network', detail: 'socket hang up' });
  }
  // Anything else is our bug or a reply we cannot read; retrying would not help.
  return new SendError({
    kind: 'rejected',
    detail: `unexpected ${err instanceof Error ? err.name : typeof err}`,
  });
}
