"""krait's `heapq`, as CPython's: the heap functions come from the native
`_heapq` (C in CPython), `merge`, `nlargest` and `nsmallest` are Python,
comparing in the same order as CPython's."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heappop_max, _heapify_max, _heapreplace_max)


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted iterator."""
    h = []
    if reverse:
        _heapify, _heappop, _heapreplace = _heapify_max, _heappop_max, _heapreplace_max
        direction = -1
    else:
        _heapify, _heappop, _heapreplace = heapify, heappop, heapreplace
        direction = 1
    for order, it in enumerate(map(iter, iterables)):
        try:
            value = next(it)
        except StopIteration:
            continue
        if key is None:
            h.append([value, order * direction, it])
        else:
            h.append([key(value), order * direction, value, it])
    _heapify(h)
    while len(h) > 1:
        try:
            while True:
                s = h[0]
                if key is None:
                    yield s[0]
                    s[0] = next(s[2])
                else:
                    yield s[2]
                    value = next(s[3])
                    s[0] = key(value)
                    s[2] = value
                _heapreplace(h, s)
        except StopIteration:
            _heappop(h)
    if h:
        s = h[0]
        if key is None:
            yield s[0]
        else:
            yield s[2]
        yield from s[-1]


def _best(n, iterable, key, largest):
    """The n smallest (or largest) items, making CPython's comparisons in
    its order: a bounded heap of (key, order[, item]) entries, the worst
    on top, replaced by each better item."""
    if n == 1:
        sentinel = object()
        pick = max if largest else min
        found = pick(iter(iterable), default=sentinel, key=key)
        return [] if found is sentinel else [found]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=largest)[:n]
    items = iter(iterable)
    # Orders break ties by position, counting down for the largest.
    orders = range(0, -n, -1) if largest else range(n)
    if key is None:
        heap = [(item, order) for order, item in zip(orders, items)]
    else:
        heap = [(key(item), order, item) for order, item in zip(orders, items)]
    if not heap:
        return heap
    if largest:
        heapify(heap)
    else:
        _heapify_max(heap)
    worst = heap[0][0]
    order = -n if largest else n
    for item in items:
        k = item if key is None else key(item)
        if (worst < k) if largest else (k < worst):
            entry = (k, order) if key is None else (k, order, item)
            if largest:
                heapreplace(heap, entry)
            else:
                _heapreplace_max(heap, entry)
            worst = heap[0][0]
            order += -1 if largest else 1
    heap.sort(reverse=largest)
    return [entry[-1] if key is not None else entry[0] for entry in heap]


def nsmallest(n, iterable, key=None):
    """The n smallest items, as sorted(iterable, key=key)[:n]."""
    return _best(n, iterable, key, False)


def nlargest(n, iterable, key=None):
    """The n largest items, as sorted(iterable, key=key, reverse=True)[:n]."""
    return _best(n, iterable, key, True)
