# Connect four: alpha-beta search with a window-scoring evaluation, two players of different depths play games.
ROWS, COLS = 6, 7
ORDER = [3, 2, 4, 1, 5, 0, 6]


def make_windows():
    # Every line of four cells, as tuples of flat indices (row * COLS + col).
    wins = []
    for r in range(ROWS):
        for c in range(COLS):
            for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
                cells = []
                for i in range(4):
                    rr, cc = r + dr * i, c + dc * i
                    if 0 <= rr < ROWS and 0 <= cc < COLS:
                        cells.append(rr * COLS + cc)
                if len(cells) == 4:
                    wins.append(tuple(cells))
    return wins


WINDOWS = make_windows()
BY_CELL = [[w for w in WINDOWS if i in w] for i in range(ROWS * COLS)]


class Board:
    def __init__(self):
        self.cells = [0] * (ROWS * COLS)
        self.heights = [0] * COLS
        self.moves = []

    def can_play(self, col):
        return self.heights[col] < ROWS

    def play(self, col, who):
        i = self.heights[col] * COLS + col
        self.cells[i] = who
        self.heights[col] += 1
        self.moves.append(col)
        return i

    def undo(self):
        col = self.moves.pop()
        self.heights[col] -= 1
        self.cells[self.heights[col] * COLS + col] = 0

    def wins_at(self, i, who):
        cells = self.cells
        for a, b, c, d in BY_CELL[i]:
            if cells[a] == who and cells[b] == who and cells[c] == who and cells[d] == who:
                return True
        return False

    def score(self, who):
        cells = self.cells
        total = 0
        for w in WINDOWS:
            mine = theirs = 0
            for i in w:
                v = cells[i]
                if v == who:
                    mine += 1
                elif v:
                    theirs += 1
            if theirs == 0:
                total += (0, 1, 4, 16, 1000)[mine]
            elif mine == 0:
                total -= (0, 1, 5, 20, 1000)[theirs]
        return total


class Searcher:
    def __init__(self, depth):
        self.depth = depth
        self.nodes = 0

    def negamax(self, board, who, depth, alpha, beta):
        self.nodes += 1
        if depth == 0:
            return board.score(who)
        best = -1000000
        any_move = False
        for col in ORDER:
            if not board.can_play(col):
                continue
            any_move = True
            i = board.play(col, who)
            if board.wins_at(i, who):
                value = 100000 + depth
            else:
                value = -self.negamax(board, 3 - who, depth - 1, -beta, -alpha)
            board.undo()
            if value > best:
                best = value
            if best > alpha:
                alpha = best
            if alpha >= beta:
                break
        if not any_move:
            return 0
        return best

    def choose(self, board, who):
        best_col, best = -1, -10000000
        for col in ORDER:
            if not board.can_play(col):
                continue
            i = board.play(col, who)
            if board.wins_at(i, who):
                value = 1000000
            else:
                value = -self.negamax(board, 3 - who, self.depth - 1, -10000000, -best)
            board.undo()
            if value > best:
                best_col, best = col, value
        return best_col


def game(depth1, depth2, opening):
    board = Board()
    players = {1: Searcher(depth1), 2: Searcher(depth2)}
    who = 1
    for col in opening:
        board.play(col, who)
        who = 3 - who
    while len(board.moves) < ROWS * COLS:
        col = players[who].choose(board, who)
        i = board.play(col, who)
        if board.wins_at(i, who):
            return who, board, players
        who = 3 - who
    return 0, board, players


def main():
    for d1, d2, opening in ((5, 4, []), (4, 5, [3]), (4, 5, [0, 6]), (4, 4, [2, 4, 3])):
        winner, board, players = game(d1, d2, opening)
        print("depths %d/%d opening %s: winner %d after %d moves, nodes %d/%d" % (
            d1, d2, opening, winner, len(board.moves), players[1].nodes, players[2].nodes))
        print(" ", "".join([str(c) for c in board.moves]))
        for r in range(ROWS - 1, -1, -1):
            print("  |" + "".join([".XO"[board.cells[r * COLS + c]] for c in range(COLS)]) + "|")


main()
