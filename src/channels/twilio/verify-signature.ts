import twilio from 'twilio';

/**
 * Checks `X-Twilio-Signature` against the public URL Twilio called (PUBLIC_BASE_URL + path
 * + query, never the Host header, which a proxy may rewrite) and the raw form fields.
 * https://www.twilio.com/docs/usage/security#validating-requests
 */
export function verifySignature({
  authToken,
  signature,
  url,
  params,
}: {
  authToken: string;
  signature: string | undefined;
  url: string;
  params: Record<string, string | string[]>;
}): boolean {
  if (!signature || !authToken) return false;
  try {
    return twilio.validateRequest(authToken, signature, url, params);
  } catch {
    return false;
  }
}
