// Lua run atomically inside Redis, so every server instance sees one set of counters and no
// check-then-act race exists between them. Rate limits are sliding-window counters (the previous
// minute's count weighted by how much of it still overlaps, plus the current one); budgets are
// hashes { c: committed nano-USD, h: held by calls in flight }.

/**
 * ADMIT — all or nothing: checks every window and budget, then takes from all of them; in the
 * same trip it picks the first provider with capacity (as PICK below), saving a round trip on
 * the common path. Picking does not decide admission: with no provider free the call is still
 * admitted and the router reports the providers busy.
 * With a lease asked for (k > 0) and every limit far off — room left for the call, the lease and
 * as much again — it also takes k more calls' worth of everything and records the lease (see
 * limits/leases.ts), so the next calls are admitted in process. Near any limit no lease is
 * granted and every call comes here, so refusals there stay exact. With `extend` = 1 it admits
 * no call: it only adds k calls' worth to the existing lease (same far-off rule; nothing taken
 * when the lease is gone or was given back).
 * KEYS: per window (current, previous) minute keys; one hash per budget; per candidate the five
 * PICK keys; then the lease hash, the lease index (sorted set) and the workspace's lease marker.
 * ARGV: now, windowMs, nWindows, nBudgets, nCandidates, tokens, per window (limit, cost), per
 * budget (limit, reserve), per candidate (rpmLimit, tpmLimit), then k, leaseMs, reclaimMs, extend.
 * Returns {1, 0, 0, picked, leased, committed…} when admitted (picked 1-based, 0 = none; leased
 * 1/0), {0, i, retryMs, markerMs} when check i (1-based, windows first) refused (markerMs > 0 when
 * some instance may hold a lease of this workspace's capacity for that long), {-1, i, 0, 0} when
 * budget hash i is missing and must be seeded from the database.
 */
export const ADMIT = `
local now = tonumber(ARGV[1])
local W = tonumber(ARGV[2])
local nw = tonumber(ARGV[3])
local nb = tonumber(ARGV[4])
local nc = tonumber(ARGV[5])
local tokens = tonumber(ARGV[6])
local a = 6 + 2 * nw + 2 * nb
local k = tonumber(ARGV[a + 2 * nc + 1])
local leaseMs = tonumber(ARGV[a + 2 * nc + 2])
local reclaimMs = tonumber(ARGV[a + 2 * nc + 3])
local extend = tonumber(ARGV[a + 2 * nc + 4]) == 1
local base = 2 * nw + nb
local leaseKey = KEYS[base + 5 * nc + 1]
local indexKey = KEYS[base + 5 * nc + 2]
local markerKey = KEYS[base + 5 * nc + 3]
local elapsed = now % W
local weight = (W - elapsed) / W
local function est(cur, prev)
  return tonumber(redis.call('GET', prev) or '0') * weight + tonumber(redis.call('GET', cur) or '0')
end
local function marker()
  local ms = redis.call('PTTL', markerKey)
  if ms < 0 then return 0 end
  return ms
end
local far = k > 0 and nb > 0
local need = 1
if extend then
  need = 0
  if redis.call('EXISTS', leaseKey) == 0 or redis.call('HEXISTS', leaseKey, 'r') == 1 then far = false end
end
local room = need + 2 * k
for i = 1, nw do
  local used = est(KEYS[2 * i - 1], KEYS[2 * i])
  local limit = tonumber(ARGV[5 + 2 * i])
  local cost = tonumber(ARGV[6 + 2 * i])
  if used + need * cost > limit then return {0, i, W - elapsed, marker()} end
  if used + room * cost > limit then far = false end
end
local committed = {}
for j = 1, nb do
  local limit = tonumber(ARGV[5 + 2 * nw + 2 * j])
  local reserve = tonumber(ARGV[6 + 2 * nw + 2 * j])
  local v = redis.call('HMGET', KEYS[2 * nw + j], 'c', 'h')
  if not v[1] then return {-1, nw + j, 0, 0} end
  local c = tonumber(v[1])
  local held = c + tonumber(v[2] or '0')
  if limit >= 0 and held + need * reserve > limit then return {0, nw + j, 0, marker()} end
  if limit >= 0 and held + room * reserve > limit then far = false end
  committed[j] = c
end
local picked = 0
for i = 1, nc do
  local p = base + (i - 1) * 5
  local rl = tonumber(ARGV[a + 2 * i - 1])
  local tl = tonumber(ARGV[a + 2 * i])
  if redis.call('EXISTS', KEYS[p + 1]) == 0 then
    local r = rl >= 0 and est(KEYS[p + 2], KEYS[p + 3]) or 0
    local t = tl >= 0 and est(KEYS[p + 4], KEYS[p + 5]) or 0
    if (rl < 0 or r + need <= rl) and (tl < 0 or t + need * tokens <= tl) then
      picked = i
      if (rl >= 0 and r + room > rl) or (tl >= 0 and t + room * tokens > tl) then far = false end
      break
    end
  end
end
if picked == 0 then far = false end
local units = need
if far then units = need + k end
if units == 0 then return {1, 0, 0, 0, 0} end
for i = 1, nw do
  redis.call('INCRBY', KEYS[2 * i - 1], units * tonumber(ARGV[6 + 2 * i]))
  redis.call('PEXPIRE', KEYS[2 * i - 1], 2 * W)
end
for j = 1, nb do
  redis.call('HINCRBY', KEYS[2 * nw + j], 'h', units * tonumber(ARGV[6 + 2 * nw + 2 * j]))
end
if picked > 0 then
  local p = base + (picked - 1) * 5
  if tonumber(ARGV[a + 2 * picked - 1]) >= 0 then
    redis.call('INCRBY', KEYS[p + 2], units)
    redis.call('PEXPIRE', KEYS[p + 2], 2 * W)
  end
  if tonumber(ARGV[a + 2 * picked]) >= 0 then
    redis.call('INCRBY', KEYS[p + 4], units * tokens)
    redis.call('PEXPIRE', KEYS[p + 4], 2 * W)
  end
end
if far and extend then
  redis.call('HINCRBY', leaseKey, 'n', k * tonumber(ARGV[6 + 2 * nw + 2]))
elseif far then
  -- Every budget holds the same per-call reserve; the lease hash remembers which hashes hold
  -- its part, so a lease whose instance died can be released (RECLAIM) without it.
  redis.call('HSET', leaseKey, 'n', k * tonumber(ARGV[6 + 2 * nw + 2]), 'b', nb)
  for j = 1, nb do redis.call('HSET', leaseKey, 'b' .. j, KEYS[2 * nw + j]) end
end
if far then
  redis.call('PEXPIRE', leaseKey, reclaimMs + 3600000)
  redis.call('ZADD', indexKey, now + reclaimMs, leaseKey)
  redis.call('SET', markerKey, '1', 'PX', leaseMs + 100)
end
local out = {1, 0, 0, picked, far and 1 or 0}
for j = 1, nb do out[5 + j] = committed[j] end
return out
`;

/**
 * SETTLE — after a call: queues its usage row, corrects token windows from the estimate to the
 * real count, releases the budget holds and commits the real cost. Queuing the row in the same
 * atomic step means spend is never committed without its row (usage/usage-stream.ts); it goes
 * first so a failing XADD (Redis out of memory) commits nothing. Keys that expired meanwhile are
 * left alone (a budget hash is re-seeded from the database when next needed).
 * A call admitted from a lease releases its hold through the lease hash; when that hash is gone
 * the lease was reclaimed (its holds, this call's included, released already), so only the cost
 * is committed.
 * KEYS: windows to correct, then budget hashes, the usage stream, the lease hash ('' for none)
 * and the lease index. ARGV: nWindows, nBudgets, per window delta, per budget (reserve, actual),
 * the usage row. Returns the committed total after, per budget (-1 when missing).
 */
export const SETTLE = `
local nw = tonumber(ARGV[1])
local nb = tonumber(ARGV[2])
redis.call('XADD', KEYS[nw + nb + 1], '*', 'r', ARGV[3 + nw + 2 * nb])
for i = 1, nw do
  local delta = tonumber(ARGV[2 + i])
  if delta ~= 0 and redis.call('EXISTS', KEYS[i]) == 1 then redis.call('INCRBY', KEYS[i], delta) end
end
local release = true
local lease = KEYS[nw + nb + 2]
if lease ~= '' and nb > 0 then
  if redis.call('EXISTS', lease) == 1 then
    local left = redis.call('HINCRBY', lease, 'n', -tonumber(ARGV[3 + nw]))
    if left <= 0 and redis.call('HEXISTS', lease, 'r') == 1 then
      redis.call('DEL', lease)
      redis.call('ZREM', KEYS[nw + nb + 3], lease)
    end
  else
    release = false
  end
end
local out = {}
for j = 1, nb do
  local key = KEYS[nw + j]
  if redis.call('EXISTS', key) == 1 then
    if release then redis.call('HINCRBY', key, 'h', -tonumber(ARGV[1 + nw + 2 * j])) end
    out[j] = redis.call('HINCRBY', key, 'c', ARGV[2 + nw + 2 * j])
  else
    out[j] = -1
  end
end
return out
`;

/**
 * RETURN — an instance gives back what it did not use of a lease: requests and tokens to the
 * windows it took them from, the unused hold to every budget. The lease hash stays while calls
 * admitted from it are still to settle (they release their own holds), and goes with the last.
 * Nothing happens when the lease was reclaimed meanwhile.
 * KEYS: the lease hash, the lease index, the windows (current minute keys), the budget hashes.
 * ARGV: nWindows, nBudgets, per window the amount unused, the unused hold (nano-USD).
 */
export const RETURN = `
local lease = KEYS[1]
if redis.call('EXISTS', lease) == 0 then return 0 end
local nw = tonumber(ARGV[1])
local nb = tonumber(ARGV[2])
local unused = tonumber(ARGV[3 + nw])
for i = 1, nw do
  local key = KEYS[2 + i]
  local amount = tonumber(ARGV[2 + i])
  if amount > 0 and redis.call('EXISTS', key) == 1 then
    if redis.call('DECRBY', key, amount) < 0 then redis.call('SET', key, 0, 'KEEPTTL') end
  end
end
for j = 1, nb do
  local key = KEYS[2 + nw + j]
  if unused > 0 and redis.call('EXISTS', key) == 1 then redis.call('HINCRBY', key, 'h', -unused) end
end
-- (0 - unused, not -unused: Lua's -0 would reach Redis as '-0', not an integer)
if redis.call('HINCRBY', lease, 'n', 0 - unused) <= 0 then
  redis.call('DEL', lease)
  redis.call('ZREM', KEYS[2], lease)
else
  redis.call('HSET', lease, 'r', 1)
end
return 1
`;

/**
 * RECLAIM — leases whose instance never returned them (it died) by their deadline, long after
 * any call admitted from them could still be running: their remaining holds are released, at
 * most `max` leases per run. KEYS: the lease index. ARGV: now, max. Returns how many.
 */
export const RECLAIM = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, lease in ipairs(due) do
  local v = redis.call('HMGET', lease, 'n', 'b')
  local n = tonumber(v[1] or '0')
  if n > 0 then
    for j = 1, tonumber(v[2] or '0') do
      local key = redis.call('HGET', lease, 'b' .. j)
      if key and redis.call('EXISTS', key) == 1 then redis.call('HINCRBY', key, 'h', -n) end
    end
  end
  redis.call('DEL', lease)
  redis.call('ZREM', KEYS[1], lease)
end
return #due
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
