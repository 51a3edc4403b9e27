/**
 * Lua scripts that make each step atomic on one conversation's keys (one hash slot).
 * https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 */

/**
 * KEYS: ids, inbox. ARGV: id, now, forgetAt, ttlSeconds, inboundJson.
 * Returns 0 for an id already met (a Twilio retry), 1 once it is in the inbox.
 */
export const RECORD_INBOUND = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('RPUSH', KEYS[2], ARGV[5])
if redis.call('TTL', KEYS[2]) < tonumber(ARGV[4]) then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
return 1
`;

/**
 * KEYS: ids. ARGV: sid, now, forgetAt, ttlSeconds. Returns 1 if the SID was not yet ours.
 * The key keeps the longer of its TTL and this one (inbound ids need 48 hours).
 */
export const CLAIM_ID = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
if redis.call('TTL', KEYS[1]) < tonumber(ARGV[4]) then redis.call('EXPIRE', KEYS[1], ARGV[4]) end
return 1
`;

/**
 * KEYS: record, inbox, outq, msgs, transcript.
 * ARGV: expectedVersion, processedId, recordJson, ttlMs, transcriptMax, nOut, (id, json)*nOut, nT, json*nT.
 * Returns 1 committed, 0 version conflict, -1 inbox head changed.
 */
export const COMMIT_STEP = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
local head = redis.call('LINDEX', KEYS[2], 0)
if not head or cjson.decode(head).id ~= ARGV[2] then return -1 end
redis.call('LPOP', KEYS[2])
redis.call('HSET', KEYS[1], 'v', cur + 1, 'json', ARGV[3])
local i = 7
for _ = 1, tonumber(ARGV[6]) do
  redis.call('HSET', KEYS[4], ARGV[i], ARGV[i + 1])
  redis.call('RPUSH', KEYS[3], ARGV[i])
  i = i + 2
end
local nt = tonumber(ARGV[i])
i = i + 1
for _ = 1, nt do
  redis.call('RPUSH', KEYS[5], ARGV[i])
  i = i + 1
end
redis.call('LTRIM', KEYS[5], -tonumber(ARGV[5]), -1)
for k = 1, 5 do redis.call('PEXPIRE', KEYS[k], ARGV[4]) end
return 1
`;

/** KEYS: record. ARGV: expectedVersion, recordJson, ttlMs. */
export const SAVE_RECORD = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if cur ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'v', cur + 1, 'json', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * KEYS: msgs. ARGV: messageId, patchJson, rankJson, now.
 * A status only moves forward by rank; other fields are applied as given.
 */
export const UPDATE_MESSAGE = `
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return nil end
local m = cjson.decode(raw)
local patch = cjson.decode(ARGV[2])
local rank = cjson.decode(ARGV[3])
for k, v in pairs(patch) do
  if k == 'status' then
    local new = rank[v]
    local old = rank[m.status] or -1
    if new ~= nil and new > old then m.status = v end
  else
    m[k] = v
  end
end
m.updatedAt = tonumber(ARGV[4])
local out = cjson.encode(m)
redis.call('HSET', KEYS[1], ARGV[1], out)
return out
`;

/** KEYS: lock. ARGV: token. Deletes the lock only if we still hold it. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** KEYS: lease. ARGV: token, ttlMs. Taken when free or already ours (a retry of the same message). */
export const ACQUIRE_LEASE = `
local cur = redis.call('GET', KEYS[1])
if cur and cur ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;
