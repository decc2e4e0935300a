-- scripts/bench/fib.py in Lua 5.4, the same algorithm, argument and output:
-- recursive function calls (naive Fibonacci). Argument: n (default 33).
local function fib(n)
    if n < 2 then
        return n
    end
    return fib(n - 1) + fib(n - 2)
end
local n = tonumber(arg[1]) or 33
n = math.tointeger(n)
print(string.format("fib %d %d", n, fib(n)))
