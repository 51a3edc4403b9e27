import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const KEY = randomBytes(32).toString('base64');
const PROD = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://redis:6379',
  DATA_KEY: KEY,
  PUBLIC_BASE_URL: 'https://faro.example.org',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'abcdefghijkl',
  TWILIO_SMS_FROM: '+15005550006',
};

function issues(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.issues;
    throw err;
  }
}

describe('configuration', () => {
  it('starts with nothing set: memory store, local sender, a generated key', () => {
    const c = loadConfig({});
    expect(c.storeKind).toBe('memory');
    expect(c.twilioConfigured).toBe(false);
    expect(c.dataKeyGenerated).toBe(true);
    expect(c.PORT).toBe(3000);
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('splits roles only with Redis, and names FARO_ROLE when it cannot', () => {
    expect(loadConfig({}).FARO_ROLE).toBe('all');
    expect(loadConfig({ ...PROD, FARO_ROLE: 'web' }).FARO_ROLE).toBe('web');
    expect(issues({ FARO_ROLE: 'worker' })).toEqual([
      'FARO_ROLE: worker works with other processes through Redis: set REDIS_URL, or use FARO_ROLE=all',
    ]);
    expect(issues({ FARO_ROLE: 'both' })[0]).toMatch(/^FARO_ROLE: /);
  });

  it('accepts a complete production environment', () => {
    const c = loadConfig(PROD);
    expect(c.storeKind).toBe('redis');
    expect(c.dataKey.length).toBe(32);
    expect(c.TWILIO_API_BASE_URL).toBe('https://api.twilio.com');
  });

  it.each([
    ['production without Redis', { ...PROD, REDIS_URL: '' }, 'REDIS_URL: production needs Redis'],
    ['production without DATA_KEY', { ...PROD, DATA_KEY: '' }, 'DATA_KEY: production needs DATA_KEY'],
    ['a DATA_KEY of the wrong size', { DATA_KEY: 'c2hvcnQ=' }, 'DATA_KEY: must be 32 bytes'],
    [
      'a previous key of the wrong size',
      { DATA_KEY_PREVIOUS: `${KEY},c2hvcnQ=`, HASH_KEY: KEY },
      'DATA_KEY_PREVIOUS: each key must be 32 bytes',
    ],
    [
      'a rotated DATA_KEY without HASH_KEY (every conversation would lose its name)',
      { DATA_KEY_PREVIOUS: KEY },
      'HASH_KEY: rotating DATA_KEY needs HASH_KEY',
    ],
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT:'],
    [
      'a token without an account',
      { TWILIO_AUTH_TOKEN: 'abcdefghijkl' },
      'TWILIO_ACCOUNT_SID: TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together',
    ],
    [
      'an account with nothing to send from',
      { TWILIO_ACCOUNT_SID: PROD.TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'abcdefghijkl' },
      'TWILIO_MESSAGING_SERVICE_SID:',
    ],
    [
      'a malformed account SID',
      { TWILIO_ACCOUNT_SID: 'AC123', TWILIO_AUTH_TOKEN: 'abcdefghijkl', TWILIO_SMS_FROM: '+1' },
      'TWILIO_ACCOUNT_SID: must be AC',
    ],
    ['sentinels without a master name', { REDIS_SENTINELS: '127.0.0.1:26379' }, 'REDIS_SENTINEL_NAME'],
    ['an unknown SMS encoding', { SMS_ENCODING: 'latin1' }, 'SMS_ENCODING'],
    ['a bad base URL', { PUBLIC_BASE_URL: 'faro.example.org' }, 'PUBLIC_BASE_URL'],
  ])('stops on %s, naming the variable', (_name, env, expected) => {
    expect(issues(env as Record<string, string>).join('\n')).toContain(expected);
  });

  it('names everything production is missing at once, even beside a malformed value', () => {
    const all = issues({ NODE_ENV: 'production', PORT: 'eighty' }).join('\n');
    for (const name of [
      'PORT',
      'REDIS_URL',
      'DATA_KEY',
      'PUBLIC_BASE_URL',
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_MESSAGING_SERVICE_SID',
    ])
      expect(all).toMatch(new RegExp(`^${name}: `, 'm'));
    const twilio = issues({ ...PROD, TWILIO_ACCOUNT_SID: '', TWILIO_AUTH_TOKEN: '', TWILIO_SMS_FROM: '' });
    expect(twilio.map((i) => i.split(':')[0])).toEqual([
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_MESSAGING_SERVICE_SID',
    ]);
  });
});

describe('where Faro listens (F11)', () => {
  it('listens on loopback by default without Twilio, where the unauthenticated phone simulator runs', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).HOST).toBe('127.0.0.1');
  });

  it('listens on every interface by default with Twilio (Twilio must reach it), and wherever HOST says', () => {
    expect(loadConfig(PROD).HOST).toBe('0.0.0.0');
    const { NODE_ENV: _, ...development } = PROD;
    expect(loadConfig(development).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ ...PROD, HOST: '10.0.0.5' }).HOST).toBe('10.0.0.5');
  });
});

describe('TRUST_PROXY (F6)', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.1, 10.0.0.0/8,::1, fd00::/8', ['10.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8']],
    ['loopback,uniquelocal', ['loopback', 'uniquelocal']],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each([
    ['true', /X-Forwarded-For/],
    ['yes', /X-Forwarded-For/],
    ['nginx', /addresses/],
    ['10.0.0.0/33', /addresses/],
    ['99', /hops/],
  ])('refuses %j, naming the variable', (value, message) => {
    const found = issues({ TRUST_PROXY: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^TRUST_PROXY: /);
    expect(found[0]).toMatch(message);
  });
});

describe('senders', () => {
  it('gives each sender its rate: by the kind of number, or as configured (older names too)', () => {
    expect(loadConfig(PROD).senders.sms).toMatchObject({ kind: 'us_long_code', perSecond: 1 });
    expect(loadConfig({ ...PROD, TWILIO_SMS_FROM: '+529621234567' }).senders.sms.perSecond).toBe(10);
    expect(loadConfig({ ...PROD, TWILIO_SMS_MPS: '25' }).senders.sms.perSecond).toBe(25);
    expect(loadConfig({ ...PROD, OUTBOX_SMS_PER_SECOND: '5' }).senders.sms.perSecond).toBe(5);
    expect(loadConfig(PROD).senders.whatsapp.perSecond).toBe(80);
    expect(loadConfig({ ...PROD, TWILIO_WHATSAPP_MPS: '0.5' }).senders.whatsapp.perSecond).toBe(0.5);
    expect(issues({ TWILIO_SMS_MPS: '0' }).join('\n')).toContain('TWILIO_SMS_MPS');
  });
});
