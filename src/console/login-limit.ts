import type { STAFF_TTL } from '../store/ticket-keys.ts';

export type LoginPolicy = Pick<
  typeof STAFF_TTL,
  'loginWindowMs' | 'loginFreeFailures' | 'loginFirstLockMs' | 'loginMaxLockMs' | 'maxLoginsPerAddress'
>;

export type LoginAttempt =
  | { allowed: true }
  /** `firstRefusal`: the first refusal of this lock, the one worth an audit entry. */
  | { allowed: false; retryAfterMs: number; firstRefusal: boolean };

export interface LoginAttemptKeys {
  /** One account from one address. */
  pair: string;
  /** One address, whatever the account. */
  address: string;
}

/**
 * How long a pair waits after its `failures`-th failure: nothing before the allowance, then the
 * first lock, doubled after each further failure, up to the longest.
 */
export function lockAfter(failures: number, p: LoginPolicy): number {
  if (failures < p.loginFreeFailures) return 0;
  return Math.min(p.loginFirstLockMs * 2 ** (failures - p.loginFreeFailures), p.loginMaxLockMs);
}

/**
 * The login limits in this process (memory store). Each call runs to completion without
 * awaiting, so parallel logins each see the attempts before them, as the Redis script does.
 */
export function createMemoryLoginLimits() {
  const pairs = new Map<string, { failures: number; until: number; told: boolean; forgetAt: number }>();
  const addresses = new Map<string, { n: number; since: number; told: boolean }>();

  function prune(now: number, windowMs: number) {
    if (pairs.size + addresses.size < 10_000) return;
    for (const [k, v] of pairs) if (v.forgetAt <= now) pairs.delete(k);
    for (const [k, v] of addresses) if (now - v.since >= windowMs) addresses.delete(k);
  }

  return {
    take(keys: LoginAttemptKeys, now: number, p: LoginPolicy): LoginAttempt {
      prune(now, p.loginWindowMs);
      let pair = pairs.get(keys.pair);
      if (pair && pair.forgetAt <= now) pair = undefined;
      if (pair && pair.until > now) {
        const firstRefusal = !pair.told;
        pair.told = true;
        return { allowed: false, retryAfterMs: pair.until - now, firstRefusal };
      }
      let address = addresses.get(keys.address);
      if (!address || now - address.since >= p.loginWindowMs) address = { n: 0, since: now, told: false };
      addresses.set(keys.address, address);
      if (address.n >= p.maxLoginsPerAddress) {
        const firstRefusal = !address.told;
        address.told = true;
        return { allowed: false, retryAfterMs: address.since + p.loginWindowMs - now, firstRefusal };
      }
      address.n++;
      // Counted as a failure now, before the password is checked; a success starts the pair over.
      pair ??= { failures: 0, until: 0, told: false, forgetAt: 0 };
      pair.failures++;
      const lock = lockAfter(pair.failures, p);
      if (lock > 0) {
        pair.until = now + lock;
        pair.told = false;
      }
      pair.forgetAt = now + lock + p.loginWindowMs;
      pairs.set(keys.pair, pair);
      return { allowed: true };
    },
    succeeded(keys: LoginAttemptKeys) {
      pairs.delete(keys.pair);
      const address = addresses.get(keys.address);
      if (address && address.n > 0) address.n--;
    },
  };
}
