import twilio from 'twilio';
import { PUBLIC_BASE_URL, TEST_AUTH_TOKEN } from './test-app.ts';

/** POSTs a form to a running Faro as Twilio would: signed for the public URL. */
export async function signedPost(baseUrl: string, path: string, form: Record<string, string>) {
  const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + path, form);
  const res = await fetch(baseUrl + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: await res.text() };
}
