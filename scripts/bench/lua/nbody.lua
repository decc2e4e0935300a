-- scripts/bench/nbody.py (pyperformance's nbody) in Lua 5.4, the same
-- algorithm, argument and output: a body is {position, velocity, mass}, the
-- pairs are precomputed, and the energies are printed before and after.
-- Argument: steps in thousands (default 150).
local PI = 3.14159265358979323
local SOLAR_MASS = 4 * PI * PI
local DAYS_PER_YEAR = 365.24

-- In BODIES' order: sun, jupiter, saturn, uranus, neptune.
local SYSTEM = {
    {{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}, SOLAR_MASS},
    {{4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01},
     {1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR},
     9.54791938424326609e-04 * SOLAR_MASS},
    {{8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01},
     {-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR},
     2.85885980666130812e-04 * SOLAR_MASS},
    {{1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01},
     {2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR},
     4.36624404335156298e-05 * SOLAR_MASS},
    {{1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01},
     {2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR},
     5.15138902046611451e-05 * SOLAR_MASS},
}

local function combinations(l)
    local result = {}
    for x = 1, #l - 1 do
        for y = x + 1, #l do
            result[#result + 1] = {l[x], l[y]}
        end
    end
    return result
end

local PAIRS = combinations(SYSTEM)

local function advance(dt, n, bodies, pairs)
    for _ = 1, n do
        for k = 1, #pairs do
            local b1, b2 = pairs[k][1], pairs[k][2]
            local r1, v1, m1 = b1[1], b1[2], b1[3]
            local r2, v2, m2 = b2[1], b2[2], b2[3]
            local dx = r1[1] - r2[1]
            local dy = r1[2] - r2[2]
            local dz = r1[3] - r2[3]
            local mag = dt * ((dx * dx + dy * dy + dz * dz) ^ (-1.5))
            local b1m = m1 * mag
            local b2m = m2 * mag
            v1[1] = v1[1] - dx * b2m
            v1[2] = v1[2] - dy * b2m
            v1[3] = v1[3] - dz * b2m
            v2[1] = v2[1] + dx * b1m
            v2[2] = v2[2] + dy * b1m
            v2[3] = v2[3] + dz * b1m
        end
        for k = 1, #bodies do
            local r, v = bodies[k][1], bodies[k][2]
            local vx, vy, vz = v[1], v[2], v[3]
            r[1] = r[1] + dt * vx
            r[2] = r[2] + dt * vy
            r[3] = r[3] + dt * vz
        end
    end
end

local function report_energy(bodies, pairs)
    local e = 0.0
    for k = 1, #pairs do
        local b1, b2 = pairs[k][1], pairs[k][2]
        local r1, m1 = b1[1], b1[3]
        local r2, m2 = b2[1], b2[3]
        local dx = r1[1] - r2[1]
        local dy = r1[2] - r2[2]
        local dz = r1[3] - r2[3]
        e = e - (m1 * m2) / ((dx * dx + dy * dy + dz * dz) ^ 0.5)
    end
    for k = 1, #bodies do
        local v, m = bodies[k][2], bodies[k][3]
        local vx, vy, vz = v[1], v[2], v[3]
        e = e + m * (vx * vx + vy * vy + vz * vz) / 2.
    end
    return e
end

local function offset_momentum(ref, bodies)
    local px, py, pz = 0.0, 0.0, 0.0
    for k = 1, #bodies do
        local v, m = bodies[k][2], bodies[k][3]
        px = px - v[1] * m
        py = py - v[2] * m
        pz = pz - v[3] * m
    end
    local v, m = ref[2], ref[3]
    v[1] = px / m
    v[2] = py / m
    v[3] = pz / m
end

local iterations = 1000 * math.tointeger(tonumber(arg[1]) or 150)
offset_momentum(SYSTEM[1], SYSTEM)
print(string.format("nbody start %.9f", report_energy(SYSTEM, PAIRS)))
advance(0.01, iterations, SYSTEM, PAIRS)
print(string.format("nbody end %.9f", report_energy(SYSTEM, PAIRS)))
