# graphlib for minipy: TopologicalSorter, handing out nodes in the order
# CPython's does (insertion order, ready nodes first come first out) and
# reporting the same cycle when there is one.

__all__ = ["TopologicalSorter", "CycleError"]

# A node's entry in _waiting counts the predecessors it still waits for;
# once get_ready() hands it out the entry becomes _HANDED_OUT, and once
# done() is told about it, _FINISHED.
_HANDED_OUT = -1
_FINISHED = -2


class CycleError(ValueError):
    pass


class TopologicalSorter:
    def __init__(self, graph=None):
        self._waiting = {}   # node -> predecessors not yet done (or a state above)
        self._after = {}     # node -> nodes that list it as a predecessor
        self._queue = None   # ready nodes not yet handed out; None until prepare()
        self._handed = 0
        self._finished = 0
        if graph is None:
            return
        for node, before in graph.items():
            self.add(node, *before)

    def _touch(self, node):
        if node not in self._waiting:
            self._waiting[node] = 0
            self._after[node] = []

    def add(self, node, *predecessors):
        if self._queue is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        self._touch(node)
        self._waiting[node] += len(predecessors)
        for before in predecessors:
            self._touch(before)
            self._after[before].append(node)

    def _require_prepared(self):
        if self._queue is None:
            raise ValueError("prepare() must be called first")

    def prepare(self):
        # 3.14: preparing again is allowed until a node has been handed out;
        # the cycle check runs every time.
        if self._handed:
            raise ValueError("cannot prepare() after starting sort")
        if self._queue is None:
            self._queue = [n for n, k in self._waiting.items() if k == 0]
        loop = self._first_cycle()
        if loop is not None:
            raise CycleError("nodes are in a cycle", loop)

    def get_ready(self):
        self._require_prepared()
        batch = tuple(self._queue)
        self._queue = []
        for node in batch:
            self._waiting[node] = _HANDED_OUT
        self._handed += len(batch)
        return batch

    def __bool__(self):
        return self.is_active()

    def is_active(self):
        self._require_prepared()
        return bool(self._queue) or self._finished < self._handed

    def done(self, *nodes):
        self._require_prepared()
        waiting = self._waiting
        for node in nodes:
            state = waiting.get(node)
            if state is None:
                raise ValueError("node %r was not added using add()" % (node,))
            if state == _FINISHED:
                raise ValueError("node %r was already marked done" % (node,))
            if state != _HANDED_OUT:
                raise ValueError("node %r was not passed out (still not ready)" % (node,))
            waiting[node] = _FINISHED
            self._finished += 1
            for later in self._after[node]:
                waiting[later] -= 1
                if not waiting[later]:
                    self._queue.append(later)

    def _first_cycle(self):
        # Depth first from each node in insertion order, following the
        # "after" edges in the order they were added; the first edge back
        # to a node on the current path closes the cycle reported.
        visited = set()
        for root in self._after:
            if root in visited:
                continue
            visited.add(root)
            path = [root]
            where = {root: 0}
            cursors = [0]
            while path:
                top = path[-1]
                edges = self._after[top]
                i = cursors[-1]
                if i == len(edges):
                    del where[top]
                    path.pop()
                    cursors.pop()
                    continue
                cursors[-1] = i + 1
                nxt = edges[i]
                if nxt in where:
                    return path[where[nxt]:] + [nxt]
                if nxt not in visited:
                    visited.add(nxt)
                    where[nxt] = len(path)
                    path.append(nxt)
                    cursors.append(0)
        return None

    def static_order(self):
        self.prepare()
        while self.is_active():
            batch = self.get_ready()
            yield from batch
            self.done(*batch)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
