# The n-body simulation of bench/nbody.py written with objects: each body
# is an instance whose position, velocity and mass are attributes, and the
# system advances through methods that read and write them (self.x += ...,
# other.vx -= ..., b.x * b.x + b.y * b.y).
import math

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def move(self, dt):
        self.x += dt * self.vx
        self.y += dt * self.vy
        self.z += dt * self.vz

    def pull(self, other, dt):
        dx = self.x - other.x
        dy = self.y - other.y
        dz = self.z - other.z
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * math.sqrt(d2))
        m1 = self.mass * mag
        m2 = other.mass * mag
        self.vx -= dx * m2
        self.vy -= dy * m2
        self.vz -= dz * m2
        other.vx += dx * m1
        other.vy += dy * m1
        other.vz += dz * m1

    def kinetic(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)


class System:
    def __init__(self, bodies):
        self.bodies = bodies
        self.steps = 0

    def offset_momentum(self):
        px = py = pz = 0.0
        for b in self.bodies:
            px += b.vx * b.mass
            py += b.vy * b.mass
            pz += b.vz * b.mass
        sun = self.bodies[0]
        sun.vx = -px / SOLAR_MASS
        sun.vy = -py / SOLAR_MASS
        sun.vz = -pz / SOLAR_MASS

    def advance(self, dt, n):
        bodies = self.bodies
        nb = len(bodies)
        for _ in range(n):
            for i in range(nb):
                b1 = bodies[i]
                for j in range(i + 1, nb):
                    b1.pull(bodies[j], dt)
            for b in bodies:
                b.move(dt)
            self.steps += 1

    def energy(self):
        e = 0.0
        bodies = self.bodies
        nb = len(bodies)
        for i in range(nb):
            b1 = bodies[i]
            e += b1.kinetic()
            for j in range(i + 1, nb):
                b2 = bodies[j]
                dx = b1.x - b2.x
                dy = b1.y - b2.y
                dz = b1.z - b2.z
                e -= (b1.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
        return e


def main():
    system = System([
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
        Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
        Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
        Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
        Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05),
    ])
    system.offset_momentum()
    print("%.9f" % system.energy())
    for _ in range(10):
        system.advance(0.01, 10000)
        print("%.9f" % system.energy())
    print(system.steps)


main()
