# Particles in a box: a Vec class with float methods, a new Vec from every operator, springs and bounces.
import math


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def length(self):
        return math.sqrt(self.dot(self))

    def scaled_to(self, size):
        n = self.length()
        if n == 0.0:
            return Vec(0.0, 0.0)
        return self * (size / n)


class Particle:
    def __init__(self, pos, vel, mass):
        self.pos = pos
        self.vel = vel
        self.mass = mass
        self.force = Vec(0.0, 0.0)
        self.bounces = 0

    def push(self, f):
        self.force = self.force + f

    def step(self, dt, width, height):
        acc = self.force * (1.0 / self.mass)
        self.vel = (self.vel + acc * dt) * 0.999
        self.pos = self.pos + self.vel * dt
        self.force = Vec(0.0, -9.81 * self.mass)
        p, v = self.pos, self.vel
        if p.x < 0.0 or p.x > width:
            self.vel = Vec(-v.x * 0.9, v.y)
            self.pos = Vec(min(max(p.x, 0.0), width), p.y)
            self.bounces += 1
        if p.y < 0.0 or p.y > height:
            self.vel = Vec(self.vel.x, -v.y * 0.9)
            self.pos = Vec(self.pos.x, min(max(p.y, 0.0), height))
            self.bounces += 1

    def energy(self):
        return 0.5 * self.mass * self.vel.dot(self.vel) + 9.81 * self.mass * self.pos.y


class Spring:
    def __init__(self, a, b, rest, stiffness):
        self.a = a
        self.b = b
        self.rest = rest
        self.k = stiffness

    def apply(self):
        d = self.b.pos - self.a.pos
        stretch = d.length() - self.rest
        f = d.scaled_to(self.k * stretch)
        self.a.push(f)
        self.b.push(-f)


def build(n, seed):
    parts = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        x = 1.0 + (seed % 1000) / 125.0
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        y = 2.0 + (seed % 1000) / 125.0
        parts.append(Particle(Vec(x, y), Vec(0.0, 0.0), 1.0 + (i % 3) * 0.5))
    springs = []
    for i in range(n):
        for j in (i + 1, i + 3):
            if j < n:
                a, b = parts[i], parts[j]
                springs.append(Spring(a, b, (b.pos - a.pos).length(), 40.0))
    return parts, springs


def simulate(parts, springs, steps, dt):
    for p in parts:
        p.force = Vec(0.0, -9.81 * p.mass)
    for _ in range(steps):
        for s in springs:
            s.apply()
        for p in parts:
            p.step(dt, 10.0, 12.0)


def main():
    parts, springs = build(24, 2024)
    print("particles", len(parts), "springs", len(springs))
    for round_ in range(4):
        simulate(parts, springs, 1000, 0.001)
        total = 0.0
        bounces = 0
        for p in parts:
            total += p.energy()
            bounces += p.bounces
        c = Vec(0.0, 0.0)
        for p in parts:
            c = c + p.pos * (1.0 / len(parts))
        print("round %d energy %.6f centre (%.6f, %.6f) bounces %d" % (round_, total, c.x, c.y, bounces))
    for p in parts[:4]:
        print("%.9f %.9f %.9f %.9f" % (p.pos.x, p.pos.y, p.vel.x, p.vel.y))


main()
