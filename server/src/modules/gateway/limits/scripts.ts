// Lua run atomically inside Redis, so every server instance sees one set of counters and no
// check-then-act race exists between them. Rate limits are sliding-window counters (the previous
// minute's count weighted by how much of it still overlaps, plus the current one); budgets are
// hashes { c: committed nano-USD, h: held by calls in flight }.

/**
 * ADMIT — all or nothing: checks every window and budget, then takes from all of them; in the
 * same trip it picks the first provider with capacity (as PICK below), saving a round trip on
 * the common path. Picking does not decide admission: with no provider free the call is still
 * admitted and the router reports the providers busy.
 * KEYS: per window (current, previous) minute keys; one hash per budget; per candidate the five
 * PICK keys. ARGV: now, windowMs, nWindows, nBudgets, nCandidates, tokens, per window (limit,
 * cost), per budget (limit, reserve), per candidate (rpmLimit, tpmLimit).
 * Returns {1, 0, 0, picked, committed…} when admitted (picked 1-based, 0 = none), {0, i, retryMs}
 * when check i (1-based, windows first) refused, {-1, i, 0} when budget hash i is missing and
 * must be seeded from the database.
 */
export const ADMIT = `
local now = tonumber(ARGV[1])
local W = tonumber(ARGV[2])
local nw = tonumber(ARGV[3])
local nb = tonumber(ARGV[4])
local nc = tonumber(ARGV[5])
local tokens = tonumber(ARGV[6])
local elapsed = now % W
local weight = (W - elapsed) / W
local function est(cur, prev)
  return tonumber(redis.call('GET', prev) or '0') * weight + tonumber(redis.call('GET', cur) or '0')
end
for i = 1, nw do
  if est(KEYS[2 * i - 1], KEYS[2 * i]) + tonumber(ARGV[6 + 2 * i]) > tonumber(ARGV[5 + 2 * i]) then
    return {0, i, W - elapsed}
  end
end
local committed = {}
for j = 1, nb do
  local limit = tonumber(ARGV[5 + 2 * nw + 2 * j])
  local reserve = tonumber(ARGV[6 + 2 * nw + 2 * j])
  local v = redis.call('HMGET', KEYS[2 * nw + j], 'c', 'h')
  if not v[1] then return {-1, nw + j, 0} end
  local c = tonumber(v[1])
  if limit >= 0 and c + tonumber(v[2] or '0') + reserve > limit then return {0, nw + j, 0} end
  committed[j] = c
end
for i = 1, nw do
  redis.call('INCRBY', KEYS[2 * i - 1], ARGV[6 + 2 * i])
  redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * W)
end
for j = 1, nb do
  redis.call('HINCRBY', KEYS[2 * nw + j], 'h', ARGV[6 + 2 * nw + 2 * j])
end
local picked = 0
local base = 2 * nw + nb
local a = 6 + 2 * nw + 2 * nb
for i = 1, nc do
  local k = base + (i - 1) * 5
  local rl = tonumber(ARGV[a + 2 * i - 1])
  local tl = tonumber(ARGV[a + 2 * i])
  if redis.call('EXISTS', KEYS[k + 1]) == 0
    and (rl < 0 or est(KEYS[k + 2], KEYS[k + 3]) + 1 <= rl)
    and (tl < 0 or est(KEYS[k + 4], KEYS[k + 5]) + tokens <= tl) then
    if rl >= 0 then
      redis.call('INCRBY', KEYS[k + 2], 1)
      redis.call('PEXPIRE', KEYS[k + 2], 2 * W)
    end
    if tl >= 0 then
      redis.call('INCRBY', KEYS[k + 4], tokens)
      redis.call('PEXPIRE', KEYS[k + 4], 2 * W)
    end
    picked = i
    break
  end
end
local out = {1, 0, 0, picked}
for j = 1, nb do out[4 + j] = committed[j] end
return out
`;

/**
 * SETTLE — after a call: queues its usage row, corrects token windows from the estimate to the
 * real count, releases the budget holds and commits the real cost. Queuing the row in the same
 * atomic step means spend is never committed without its row (usage/usage-stream.ts); it goes
 * first so a failing XADD (Redis out of memory) commits nothing. Keys that expired meanwhile are
 * left alone (a budget hash is re-seeded from the database when next needed).
 * KEYS: windows to correct, then budget hashes, then the usage stream. ARGV: nWindows, nBudgets,
 * per window delta, per budget (reserve, actual), the usage row. Returns the committed total
 * after, per budget (-1 when missing).
 */
export const SETTLE = `
local nw = tonumber(ARGV[1])
local nb = tonumber(ARGV[2])
redis.call('XADD', KEYS[nw + nb + 1], '*', 'r', ARGV[3 + nw + 2 * nb])
for i = 1, nw do
  local delta = tonumber(ARGV[2 + i])
  if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], delta) end
end
local out = {}
for j = 1, nb do
  local key = KEYS[nw + j]
  if redis.call('EXISTS', key) == 1 then
    redis.call('HINCRBY', key, 'h', -tonumber(ARGV[1 + nw + 2 * j]))
    out[j] = redis.call('HINCRBY', key, 'c', ARGV[2 + nw + 2 * j])
  else
    out[j] = -1
  end
end
return out
`;

/**
 * PICK — the first provider, in the order given, that is not spend-limited and has request and
 * token capacity; takes one request and the estimated tokens from it.
 * KEYS: per candidate (spendFlag, rpmCur, rpmPrev, tpmCur, tpmPrev).
 * ARGV: now, windowMs, n, per candidate (rpmLimit, tpmLimit, tokens); a limit < 0 means none.
 * Returns {index (1-based) or 0, retryMs}.
 */
export const PICK = `
local now = tonumber(ARGV[1])
local W = tonumber(ARGV[2])
local n = tonumber(ARGV[3])
local elapsed = now % W
local weight = (W - elapsed) / W
local function est(cur, prev)
  return tonumber(redis.call('GET', prev) or '0') * weight + tonumber(redis.call('GET', cur) or '0')
end
for i = 1, n do
  local k = (i - 1) * 5
  local rl = tonumber(ARGV[1 + 3 * i])
  local tl = tonumber(ARGV[2 + 3 * i])
  local tokens = tonumber(ARGV[3 + 3 * i])
  if redis.call('EXISTS', KEYS[k + 1]) == 0
    and (rl < 0 or est(KEYS[k + 2], KEYS[k + 3]) + 1 <= rl)
    and (tl < 0 or est(KEYS[k + 4], KEYS[k + 5]) + tokens <= tl) then
    if rl >= 0 then
      redis.call('INCRBY', KEYS[k + 2], 1)
      redis.call('PEXPIRE', KEYS[k + 2], 2 * W)
    end
    if tl >= 0 then
      redis.call('INCRBY', KEYS[k + 4], tokens)
      redis.call('PEXPIRE', KEYS[k + 4], 2 * W)
    end
    return {i, 0}
  end
end
return {0, W - elapsed}
`;
