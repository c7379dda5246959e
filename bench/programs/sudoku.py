# Sudoku by constraint propagation: candidate sets per cell, peers, naked singles, hidden singles, search by fewest candidates.


def unit_lists():
    rows = [[r * 9 + c for c in range(9)] for r in range(9)]
    cols = [[r * 9 + c for r in range(9)] for c in range(9)]
    boxes = []
    for br in range(0, 9, 3):
        for bc in range(0, 9, 3):
            boxes.append([(br + r) * 9 + bc + c for r in range(3) for c in range(3)])
    return rows + cols + boxes


UNITS = unit_lists()
UNITS_OF = [[u for u in UNITS if i in u] for i in range(81)]
PEERS = [sorted(set(j for u in UNITS_OF[i] for j in u) - {i}) for i in range(81)]
DIGITS = set(range(1, 10))


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self):
        self.assigns = 0
        self.guesses = 0

    def assign(self, cand, i, d):
        for other in sorted(cand[i]):
            if other != d:
                self.eliminate(cand, i, other)

    def eliminate(self, cand, i, d):
        cell = cand[i]
        if d not in cell:
            return
        cell.discard(d)
        if not cell:
            raise Contradiction(i)
        if len(cell) == 1:
            self.assigns += 1
            (only,) = cell
            for p in PEERS[i]:
                self.eliminate(cand, p, only)
        for unit in UNITS_OF[i]:
            places = [j for j in unit if d in cand[j]]
            if not places:
                raise Contradiction(i)
            if len(places) == 1 and len(cand[places[0]]) > 1:
                self.assign(cand, places[0], d)

    def search(self, cand):
        best, size = -1, 10
        for i in range(81):
            n = len(cand[i])
            if 1 < n < size:
                best, size = i, n
        if best < 0:
            return cand
        for d in sorted(cand[best]):
            self.guesses += 1
            trial = [set(c) for c in cand]
            try:
                self.assign(trial, best, d)
                found = self.search(trial)
            except Contradiction:
                continue
            if found is not None:
                return found
        return None

    def solve(self, givens):
        cand = [set(DIGITS) for _ in range(81)]
        for i, d in enumerate(givens):
            if d:
                self.assign(cand, i, d)
        return self.search(cand)


def make_puzzle(seed, holes):
    # A valid grid from the shifted-row pattern, digits and rows shuffled by an LCG, then cells removed.
    def rand(n):
        nonlocal seed
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (seed >> 33) % n

    perm = list(range(1, 10))
    for i in range(8, 0, -1):
        j = rand(i + 1)
        perm[i], perm[j] = perm[j], perm[i]
    bands = [0, 1, 2]
    rows = []
    for b in bands:
        inner = [0, 1, 2]
        k = rand(3)
        inner[0], inner[k] = inner[k], inner[0]
        rows.extend([b * 3 + r for r in inner])
    grid = []
    for r in rows:
        for c in range(9):
            grid.append(perm[(r * 3 + r // 3 + c) % 9])
    puzzle = grid[:]
    removed = 0
    while removed < holes:
        i = rand(81)
        if puzzle[i]:
            puzzle[i] = 0
            removed += 1
    return puzzle, grid


def valid(grid):
    for u in UNITS:
        if set(grid[i] for i in u) != DIGITS:
            return False
    return True


def main():
    total_assigns = total_guesses = 0
    for n in range(180):
        puzzle, source = make_puzzle(1000 + n, 56 + n % 5)
        s = Solver()
        cand = s.solve(puzzle)
        grid = [min(c) for c in cand]
        ok = valid(grid) and all(p == 0 or p == g for p, g in zip(puzzle, grid))
        total_assigns += s.assigns
        total_guesses += s.guesses
        print("puzzle %2d: %d givens, assigns %d, guesses %d, valid %s, same as source %s" % (
            n, 81 - puzzle.count(0), s.assigns, s.guesses, ok, grid == source))
        if n % 60 == 0:
            for r in range(9):
                print("  " + " ".join([str(d) for d in grid[r * 9:r * 9 + 9]]))
    print("total assigns", total_assigns, "guesses", total_guesses)


main()
