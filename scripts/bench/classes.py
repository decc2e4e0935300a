# Benchmark: objects with methods and attributes (particles, a tiny simulation with inheritance and method calls). Argument: scale (default 80).
import sys
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def scale(self, k):
        return Vec(self.x * k, self.y * k)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
class Particle:
    count = 0
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        Particle.count += 1
    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))
    def energy(self):
        return 0.5 * self.vel.dot(self.vel)
class Heavy(Particle):
    def __init__(self, pos, vel, mass):
        super().__init__(pos, vel)
        self.mass = mass
    def energy(self):
        return self.mass * super().energy()
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 80
ps = []
for i in range(100):
    v = Vec((i % 7) - 3, (i % 5) - 2)
    if i % 3:
        ps.append(Particle(Vec(i, -i), v))
    else:
        ps.append(Heavy(Vec(-i, i), v, 1 + i % 4))
total = 0.0
for t in range(150 * scale):
    for p in ps:
        p.step(0.01)
    if t % 10 == 0:
        total += sum(p.energy() for p in ps)
print("classes %.6f %d" % (total, Particle.count))
