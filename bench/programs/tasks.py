# A cooperative task scheduler: generator tasks on a ready deque, a heapq of sleepers, channels, and a worker pool.
import heapq
from collections import deque


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Channel:
    def __init__(self, name, capacity):
        self.name = name
        self.capacity = capacity
        self.items = deque()
        self.getters = deque()
        self.putters = deque()
        self.sent = 0


class Put:
    def __init__(self, chan, item):
        self.chan = chan
        self.item = item


class Get:
    def __init__(self, chan):
        self.chan = chan


class Task:
    def __init__(self, name, gen):
        self.name = name
        self.gen = gen
        self.value = None
        self.steps = 0


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.sleepers = []
        self.now = 0
        self.seq = 0
        self.switches = 0
        self.finished = []

    def spawn(self, name, gen):
        self.ready.append(Task(name, gen))

    def wake_later(self, task, ticks):
        self.seq += 1
        heapq.heappush(self.sleepers, (self.now + ticks, self.seq, task))

    def handle(self, task, req):
        if isinstance(req, Sleep):
            self.wake_later(task, req.ticks)
        elif isinstance(req, Put):
            ch = req.chan
            if ch.getters:
                getter = ch.getters.popleft()
                getter.value = req.item
                ch.sent += 1
                self.ready.append(getter)
                self.ready.append(task)
            elif len(ch.items) < ch.capacity:
                ch.items.append(req.item)
                ch.sent += 1
                self.ready.append(task)
            else:
                ch.putters.append((task, req.item))
        elif isinstance(req, Get):
            ch = req.chan
            if ch.items:
                task.value = ch.items.popleft()
                if ch.putters:
                    putter, item = ch.putters.popleft()
                    ch.items.append(item)
                    ch.sent += 1
                    self.ready.append(putter)
                self.ready.append(task)
            elif ch.putters:
                putter, item = ch.putters.popleft()
                task.value = item
                ch.sent += 1
                self.ready.append(putter)
                self.ready.append(task)
            else:
                ch.getters.append(task)
        else:
            self.ready.append(task)

    def run(self):
        while self.ready or self.sleepers:
            if not self.ready:
                when, _, task = heapq.heappop(self.sleepers)
                self.now = when
                self.ready.append(task)
            while self.sleepers and self.sleepers[0][0] <= self.now:
                self.ready.append(heapq.heappop(self.sleepers)[2])
            task = self.ready.popleft()
            self.switches += 1
            value, task.value = task.value, None
            try:
                req = task.gen.send(value)
            except StopIteration as stop:
                self.finished.append((self.now, task.name, stop.value))
                continue
            task.steps += 1
            self.handle(task, req)


def producer(out, count, seed, pause):
    for i in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield Put(out, (i, seed % 1000))
        if i % 16 == 15:
            yield Sleep(pause)
    yield Put(out, None)
    return count


def worker(inp, out, factor):
    done = 0
    while True:
        item = yield Get(inp)
        if item is None:
            yield Put(out, None)
            return done
        i, v = item
        yield Put(out, (i, (v * factor + i) % 997))
        done += 1
        if v % 7 == 0:
            yield Sleep(1 + v % 3)


def collector(inp, ends):
    total = 0
    count = 0
    seen_ends = 0
    while seen_ends < ends:
        item = yield Get(inp)
        if item is None:
            seen_ends += 1
            continue
        count += 1
        total = (total * 31 + item[1]) % 1000000007
    return count, total


def ticker(period, rounds):
    n = 0
    for _ in range(rounds):
        yield Sleep(period)
        n += 1
        yield None
    return n


def main():
    for stages, count in ((1, 18000), (3, 12000), (6, 6000)):
        s = Scheduler()
        raw = Channel("raw", 8)
        cooked = Channel("cooked", 4)
        for p in range(stages):
            s.spawn("producer%d" % p, producer(raw, count, 17 + p, 2 + p))
        for w in range(stages):
            s.spawn("worker%d" % w, worker(raw, cooked, 3 + 2 * w))
        s.spawn("collector", collector(cooked, stages))
        s.spawn("ticker", ticker(5, 600))
        s.run()
        print("stages %d: time %d, switches %d, sent raw %d cooked %d" % (stages, s.now, s.switches, raw.sent, cooked.sent))
        for when, name, result in s.finished:
            if name in ("collector", "ticker", "worker0"):
                print("  %s finished at %d with %s" % (name, when, result))


main()
