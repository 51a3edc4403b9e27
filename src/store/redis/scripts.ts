/**
 * Lua scripts that make each step atomic on one conversation's keys (one hash slot).
 * https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 */

/**
 * Lua helpers shared by the scripts below, prepended to each script that needs them.
 * `meetId`: remembers a Twilio id in a conversation's sorted set (scored by when it may be
 * forgotten, pruned on every call); false if it was already there. The key keeps the longer of
 * its TTL and `ttl` (inbound ids need 48 hours, claimed SIDs one).
 */
const MEET_ID = `
local function meetId(key, id, now, forgetAt, ttl)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZSCORE', key, id) then return false end
  redis.call('ZADD', key, forgetAt, id)
  if redis.call('TTL', key) < tonumber(ttl) then redis.call('EXPIRE', key, ttl) end
  return true
end
local function appendInbox(key, json, ttl)
  redis.call('RPUSH', key, json)
  if redis.call('TTL', key) < tonumber(ttl) then redis.call('EXPIRE', key, ttl) end
end`;

/** A lock or lease: taken when free or already held by `token`; released only by its holder. */
const LEASE = `
local function takeLease(key, token, ttlMs)
  local cur = redis.call('GET', key)
  if cur and cur ~= token then return false end
  redis.call('SET', key, token, 'PX', ttlMs)
  return true
end
local function releaseIfOurs(key, token)
  if redis.call('GET', key) == token then return redis.call('DEL', key) end
  return 0
end`;

/**
 * KEYS: ids, inbox. ARGV: id, now, forgetAt, ttlSeconds, inboundJson.
 * Returns 0 for an id already met (a Twilio retry), 1 once it is in the inbox.
 */
export const RECORD_INBOUND = `${MEET_ID}
if not meetId(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) then return 0 end
appendInbox(KEYS[2], ARGV[5], ARGV[4])
return 1
`;

/**
 * KEYS: flood, ids, inbox, and except on a Redis Cluster (other hash slots) pending and work.
 * ARGV: minute, floodMax, id, now, forgetAt, ttlSeconds, inboundJson, pendingAt, conversationId,
 * notify (1: push the id on the work list for a worker; 2: at its front, for a message in
 * danger), workMax.
 * Dedupe comes first: a Twilio retry is neither counted nor recorded again. A new message is
 * counted in its minute and always goes to the inbox; past the flood limit it goes in marked
 * `"flooded":<minute>`, and the step decides (a risk phrase is still answered, the rest only
 * reach the transcript). Returns {1 recorded, 2 recorded past the limit, or 0 duplicate, count}.
 */
export const ACCEPT_INBOUND = `${MEET_ID}
local code = 0
local n
if meetId(KEYS[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]) then
  n = redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
  -- A minute's first message gives the counts two minutes to live (this one and the next).
  if n == 1 then redis.call('EXPIRE', KEYS[1], 120) end
  local json = ARGV[7]
  code = 1
  if n > tonumber(ARGV[2]) then
    json = '{"flooded":' .. ARGV[1] .. ',' .. string.sub(json, 2)
    code = 2
  end
  appendInbox(KEYS[3], json, ARGV[6])
else
  n = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
end
if #KEYS == 5 then
  redis.call('ZADD', KEYS[4], ARGV[8], ARGV[9])
  if ARGV[10] == '1' then
    redis.call('RPUSH', KEYS[5], ARGV[9])
    redis.call('LTRIM', KEYS[5], -tonumber(ARGV[11]), -1)
  elseif ARGV[10] == '2' then
    redis.call('LPUSH', KEYS[5], ARGV[9])
  end
end
return {code, n}
`;

/** KEYS: ids. ARGV: sid, now, forgetAt, ttlSeconds. Returns 1 if the SID was not yet ours. */
export const CLAIM_ID = `${MEET_ID}
return meetId(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4]) and 1 or 0
`;

/**
 * A conversation record is one string, `<version>|<json>`: a hash of two fields would need
 * Redis's hashtable encoding (the JSON is longer than a listpack value) and cost ~250 bytes more.
 */
const VERSION_OF = `
local function version(raw)
  if not raw then return 0 end
  return tonumber(string.match(raw, '^(%d+)|'))
end`;

/**
 * KEYS: record, inbox, outq, msgs, transcript.
 * ARGV: expectedVersion, processedId, recordJson, ttlMs, transcriptMax, nOut, (id, json)*nOut, nT, json*nT.
 * Returns {1, next inbox head, outbound ids not yet handed over} committed, 0 version conflict,
 * -1 inbox head changed.
 */
export const COMMIT_STEP = `${VERSION_OF}
local cur = version(redis.call('GET', KEYS[1]))
if cur ~= tonumber(ARGV[1]) then return 0 end
local head = redis.call('LINDEX', KEYS[2], 0)
if not head or cjson.decode(head).id ~= ARGV[2] then return -1 end
redis.call('LPOP', KEYS[2])
redis.call('SET', KEYS[1], (cur + 1) .. '|' .. ARGV[3])
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
return {1, redis.call('LINDEX', KEYS[2], 0), redis.call('LRANGE', KEYS[3], 0, -1)}
`;

/**
 * KEYS: lock, inbox, record. ARGV: token, ttlMs.
 * Takes the conversation's lock and returns {1, inbox head, record}; {0} when it is held.
 */
export const BEGIN_PROCESSING = `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return {0} end
return {1, redis.call('LINDEX', KEYS[2], 0), redis.call('GET', KEYS[3])}
`;

/**
 * KEYS: lock, inbox, outq, and except on a Redis Cluster (another hash slot) pending.
 * ARGV: token, conversationId, pendingAt, handed-over outbound ids…
 * Drops the handed-over ids from the outbound queue, releases the lock if still ours, and
 * returns how much work is left (inbox + outbound queue); with the pending set, keeps the
 * conversation in it only while work is left.
 */
export const FINISH_PROCESSING = `${LEASE}
for i = 4, #ARGV do redis.call('LREM', KEYS[3], 1, ARGV[i]) end
releaseIfOurs(KEYS[1], ARGV[1])
local left = redis.call('LLEN', KEYS[2]) + redis.call('LLEN', KEYS[3])
if #KEYS == 4 then
  if left > 0 then redis.call('ZADD', KEYS[4], ARGV[3], ARGV[2]) else redis.call('ZREM', KEYS[4], ARGV[2]) end
end
return left
`;

/** KEYS: record. ARGV: expectedVersion, recordJson, ttlMs. */
export const SAVE_RECORD = `${VERSION_OF}
local cur = version(redis.call('GET', KEYS[1]))
if cur ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], (cur + 1) .. '|' .. ARGV[2], 'PX', ARGV[3])
return 1
`;

/** Applies a patch to a stored message; a status only moves forward by rank. */
const PATCH_MESSAGE = `
local function patchMessage(key, id, patchJson, rankJson, now)
  local raw = redis.call('HGET', key, id)
  if not raw then return nil end
  local m = cjson.decode(raw)
  local rank = cjson.decode(rankJson)
  for k, v in pairs(cjson.decode(patchJson)) do
    if k == 'status' then
      local new = rank[v]
      local old = rank[m.status] or -1
      if new ~= nil and new > old then m.status = v end
    else
      m[k] = v
    end
  end
  m.updatedAt = tonumber(now)
  local out = cjson.encode(m)
  redis.call('HSET', key, id, out)
  return out
end`;

/** KEYS: msgs. ARGV: messageId, patchJson, rankJson, now. */
export const UPDATE_MESSAGE = `${PATCH_MESSAGE}
return patchMessage(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
`;

/**
 * KEYS: lease, record, msgs. ARGV: messageId, leaseMs, now.
 * Takes the send lease (free, or already this message's) and returns {1, record, message as it
 * was}; a pending message not yet in flight is marked in flight now. {0} when another message
 * of the conversation holds the lease.
 */
export const BEGIN_SEND = `${LEASE}
if not takeLease(KEYS[1], ARGV[1], ARGV[2]) then return {0} end
local rec = redis.call('GET', KEYS[2])
local raw = redis.call('HGET', KEYS[3], ARGV[1])
if raw then
  local m = cjson.decode(raw)
  if m.status == 'pending' and (m.inFlightSince == nil or m.inFlightSince == cjson.null) then
    m.inFlightSince = tonumber(ARGV[3])
    m.updatedAt = tonumber(ARGV[3])
    redis.call('HSET', KEYS[3], ARGV[1], cjson.encode(m))
  end
end
return {1, rec, raw}
`;

/**
 * KEYS: ids, msgs, lease. ARGV: messageId, sid, nowS, forgetAtS, claimTtl, patchJson, rankJson,
 * nowMs, forget. After Twilio took a message: its SID is claimed, the message updated (or, for
 * a bot reply nobody follows, dropped), the lease released.
 */
export const FINISH_SEND = `${PATCH_MESSAGE}${MEET_ID}${LEASE}
meetId(KEYS[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
if ARGV[9] == '1' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  patchMessage(KEYS[2], ARGV[1], ARGV[6], ARGV[7], ARGV[8])
end
releaseIfOurs(KEYS[3], ARGV[1])
return 1
`;

/** KEYS: lock. ARGV: token. Deletes the lock only if we still hold it. */
export const RELEASE_LOCK = `${LEASE}
return releaseIfOurs(KEYS[1], ARGV[1])
`;
