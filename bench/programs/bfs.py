# Breadth-first search with collections.deque: a generated maze, knight distances, and the sliding 8-puzzle over tuple states.
from collections import deque


def make_maze(w, h, seed):
    # Randomised depth-first carving on a grid of rooms, walls in between; '#' wall, '.' floor.
    grid = [["#"] * (2 * w + 1) for _ in range(2 * h + 1)]
    stack = [(0, 0)]
    seen = {(0, 0)}
    grid[1][1] = "."
    while stack:
        x, y = stack[-1]
        options = []
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if 0 <= nx < w and 0 <= ny < h and (nx, ny) not in seen:
                options.append((nx, ny))
        if not options:
            stack.pop()
            continue
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        nx, ny = options[(seed >> 16) % len(options)]
        grid[y + ny + 1][x + nx + 1] = "."
        grid[2 * ny + 1][2 * nx + 1] = "."
        seen.add((nx, ny))
        stack.append((nx, ny))
    # Knock out some walls so there are loops.
    for _ in range(w * h // 8):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        x = 1 + (seed >> 8) % (2 * w - 1)
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        y = 1 + (seed >> 8) % (2 * h - 1)
        grid[y][x] = "."
    return grid


def maze_distances(grid, start):
    dist = {start: 0}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        d = dist[x, y] + 1
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if grid[ny][nx] == "." and (nx, ny) not in dist:
                dist[nx, ny] = d
                queue.append((nx, ny))
    return dist


def knight_distances(n):
    jumps = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]
    dist = [[-1] * n for _ in range(n)]
    dist[0][0] = 0
    queue = deque()
    queue.append((0, 0))
    while queue:
        r, c = queue.popleft()
        for dr, dc in jumps:
            rr, cc = r + dr, c + dc
            if 0 <= rr < n and 0 <= cc < n and dist[rr][cc] < 0:
                dist[rr][cc] = dist[r][c] + 1
                queue.append((rr, cc))
    return dist


def puzzle_depths(start, limit):
    # States are 9-tuples, 0 the blank; count the states at each depth up to limit.
    moves = {}
    for i in range(9):
        r, c = divmod(i, 3)
        moves[i] = [j for j, ok in ((i - 3, r > 0), (i + 3, r < 2), (i - 1, c > 0), (i + 1, c < 2)) if ok]
    depth = {start: 0}
    queue = deque([start])
    counts = [0] * (limit + 1)
    counts[0] = 1
    while queue:
        state = queue.popleft()
        d = depth[state]
        if d == limit:
            continue
        blank = state.index(0)
        for j in moves[blank]:
            cells = list(state)
            cells[blank], cells[j] = cells[j], cells[blank]
            nxt = tuple(cells)
            if nxt not in depth:
                depth[nxt] = d + 1
                counts[d + 1] += 1
                queue.append(nxt)
    return counts


def main():
    w, h = 100, 70
    grid = make_maze(w, h, 99)
    dist = maze_distances(grid, (1, 1))
    far = max(dist.values())
    corners = [dist.get((x, y), -1) for x, y in ((2 * w - 1, 2 * h - 1), (1, 2 * h - 1), (2 * w - 1, 1))]
    print("maze: reachable", len(dist), "farthest", far, "corners", corners)
    print("".join(grid[1][:70]))
    for n in (8, 30, 120):
        dist = knight_distances(n)
        worst = max([max(row) for row in dist])
        print("knight on %dx%d: farthest %d, opposite corner %d" % (n, n, worst, dist[n - 1][n - 1]))
    counts = puzzle_depths((1, 2, 3, 4, 0, 5, 6, 7, 8), 23)
    print("8-puzzle states by depth:", counts)
    print("states within 24 moves:", sum(counts))


main()
