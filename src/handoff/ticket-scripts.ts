/**
 * Lua scripts that keep a ticket and its indexes in step. Every key is under the `{tickets}`
 * hash tag (one slot), so they run on Redis Cluster too.
 * https://redis.io/docs/latest/develop/interact/programmability/eval-intro/
 */

/**
 * KEYS: ticket, open, live, byConversation. ARGV: id, conversationId, json, createdAt.
 * Returns "" when created, else the id of the conversation's open ticket.
 */
export const CREATE_TICKET = `
local existing = redis.call('HGET', KEYS[2], ARGV[2])
if existing then return existing end
redis.call('HSET', KEYS[1], 'v', 1, 'json', ARGV[3])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('PERSIST', KEYS[4])
return ''
`;

/**
 * KEYS: ticket, open, live, closed, byConversation.
 * ARGV: expectedVersion, json, id, conversationId ("" once erased), status, createdAt,
 * ttlMs (what is left of a closed ticket's retention), expiresAt (the caller's clock, for ordering).
 * Returns 1 saved, 0 when the version moved on (or the ticket is gone).
 * A closed ticket expires when its retention ends; so does its conversation's index, unless
 * the conversation has an open ticket again. Expiry is computed from Redis' own time so that
 * an injected clock cannot set a date in Redis' past.
 */
export const SAVE_TICKET = `
local cur = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if cur == 0 or cur ~= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'v', cur + 1, 'json', ARGV[2])
local cid = ARGV[4]
if ARGV[5] == 'closed' then
  local t = redis.call('TIME')
  local at = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[7])
  redis.call('PEXPIREAT', KEYS[1], at)
  redis.call('ZREM', KEYS[3], ARGV[3])
  redis.call('ZADD', KEYS[4], ARGV[8], ARGV[3])
  if cid ~= '' then
    if redis.call('HGET', KEYS[2], cid) == ARGV[3] then redis.call('HDEL', KEYS[2], cid) end
    if not redis.call('HGET', KEYS[2], cid) then
      local current = redis.call('PEXPIRETIME', KEYS[5])
      if current == -1 or (current > 0 and current < at) then redis.call('PEXPIREAT', KEYS[5], at) end
    end
  end
else
  redis.call('PERSIST', KEYS[1])
  redis.call('ZREM', KEYS[4], ARGV[3])
  redis.call('ZADD', KEYS[3], ARGV[6], ARGV[3])
  if cid ~= '' then
    redis.call('HSET', KEYS[2], cid, ARGV[3])
    redis.call('SADD', KEYS[5], ARGV[3])
    redis.call('PERSIST', KEYS[5])
  end
end
return 1
`;
