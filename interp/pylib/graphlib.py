# graphlib for minipy: TopologicalSorter, handing out nodes in the order
# CPython's does (insertion order, ready nodes first come first out) and
# finding the same cycle when there is one.

__all__ = ["TopologicalSorter", "CycleError"]

_OUT = -1   # npredecessors of a node get_ready() has handed out
_DONE = -2  # ... and of one done() was called for


class _Node:
    __slots__ = ("node", "npredecessors", "successors")

    def __init__(self, node):
        self.node = node
        self.npredecessors = 0
        self.successors = []


class CycleError(ValueError):
    pass


class TopologicalSorter:
    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None
        self._npassedout = 0
        self._nfinished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        info = self._info(node)
        info.npredecessors += len(predecessors)
        for p in predecessors:
            self._info(p).successors.append(node)

    def prepare(self):
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [i.node for i in self._nodes.values() if i.npredecessors == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        out = tuple(self._ready)
        for node in out:
            self._nodes[node].npredecessors = _OUT
        self._ready.clear()
        self._npassedout += len(out)
        return out

    def is_active(self):
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._nfinished < self._npassedout or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError("node %r was not added using add()" % (node,))
            if info.npredecessors != _OUT:
                if info.npredecessors >= 0:
                    raise ValueError("node %r was not passed out (still not ready)" % (node,))
                raise ValueError("node %r was already marked done" % (node,))
            info.npredecessors = _DONE
            for s in info.successors:
                sinfo = self._nodes[s]
                sinfo.npredecessors -= 1
                if sinfo.npredecessors == 0:
                    self._ready.append(s)
            self._nfinished += 1

    def _find_cycle(self):
        # Depth first along successors, in insertion order; a node met
        # again while still on the path closes a cycle.
        seen = set()
        for start in self._nodes:
            if start in seen:
                continue
            path = []
            onpath = {}
            nexts = []
            node = start
            while True:
                if node in seen:
                    if node in onpath:
                        return path[onpath[node]:] + [node]
                else:
                    seen.add(node)
                    nexts.append(iter(self._nodes[node].successors))
                    onpath[node] = len(path)
                    path.append(node)
                while path:
                    node = next(nexts[-1], _END)
                    if node is not _END:
                        break
                    del onpath[path.pop()]
                    nexts.pop()
                else:
                    break
        return None

    def static_order(self):
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


_END = object()
