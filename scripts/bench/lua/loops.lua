-- scripts/bench/loops.py in Lua 5.4, the same algorithm, argument and output:
-- integer loops and arithmetic (sieve, nested loops, modular sums).
-- Argument: scale (default 20).
local scale = math.tointeger(tonumber(arg[1]) or 20)
local limit = 100000 * scale
local sieve = {}
for k = 0, limit do
    sieve[k] = true
end
sieve[0] = false
sieve[1] = false
local i = 2
while i * i <= limit do
    if sieve[i] then
        local j = i * i
        while j <= limit do
            sieve[j] = false
            j = j + i
        end
    end
    i = i + 1
end
local primes = 0
for k = 0, limit do
    if sieve[k] then
        primes = primes + 1
    end
end
local acc = 0
for a = 0, 300 * scale - 1 do
    for b = 0, 99 do
        -- Python's `(acc + a * b ^ (a + b)) % 1000003`: ^ (xor) binds looser than +.
        acc = ((acc + a * b) ~ (a + b)) % 1000003
    end
end
print(string.format("loops %d %d", primes, acc))
