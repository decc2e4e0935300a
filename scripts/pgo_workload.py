# Profile-guided optimization's training workload (scripts/build_pgo.sh runs
# it untraced and under a no-op tracer, beside the test corpus). The corpus's
# programs are short: most of their instructions are startup, compiling and
# module bodies, and the few that loop decided by accident which of the
# dispatch loop's paths the optimizer treated as hot. This program spends its
# time where users' programs spend theirs: loops over objects, calls,
# arithmetic, containers and strings. It is not one of the benchmarks
# (scripts/bench/), which measure the result. Argument: rounds (default 25).
import sys


class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides
        self.visits = 0

    def area(self):
        return 0.0

    def visit(self):
        self.visits += 1
        return self.visits


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect", 4)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle", 0)
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def objects(n):
    shapes = []
    for i in range(n):
        if i % 3 == 0:
            shapes.append(Circle(i % 7 + 1))
        else:
            shapes.append(Rect(i % 5 + 1, i % 11 + 2))
    total = 0.0
    for _ in range(4):
        for s in shapes:
            total += s.area()
            s.visit()
    head = None
    for i in range(n):
        head = Node(i, head)
    count = 0
    node = head
    while node is not None:
        count += node.value & 1
        node = node.next
    return int(total) + count + sum(s.visits for s in shapes)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def calls(n):
    def add(a, b=1, *, scale=1):
        return (a + b) * scale

    def counter():
        count = 0

        def bump(k):
            nonlocal count
            count += k
            return count

        return bump

    bump = counter()
    acc = 0
    for i in range(n):
        acc += add(i)
        acc += add(i, 2)
        acc += add(i, b=3, scale=2)
        acc = bump(acc & 7) + acc % 1000
    return acc + fib(18)


def arithmetic(n):
    x = 0
    y = 1.5
    for i in range(n):
        x = (x * 31 + i) % 1000003
        if x > 500000:
            x -= i // 3
        elif x & 1:
            x += 7
        y = y * 0.999 + i / (i + 1.0)
    k = 0
    while k < n:
        k += 3
    return x + int(y) + k + abs(-x) + max(x, k) - min(x, k)


def containers(n):
    items = [i * 7 % 101 for i in range(n)]
    items.sort()
    evens = [v for v in items if v % 2 == 0]
    table = {}
    for v in items:
        table[v] = table.get(v, 0) + 1
    keys = sorted(table)
    pairs = [(k, table[k]) for k in keys]
    seen = set()
    for k, c in pairs:
        if c > 1 and k not in seen:
            seen.add(k)
    total = 0
    for i in range(0, len(items) - 3, 3):
        a, b, c = items[i : i + 3]
        total += a + b * c
    grid = [[r * c for c in range(20)] for r in range(20)]
    for row in grid:
        total += row[-1] + len(row)
    d = {str(i): i for i in range(200)}
    for key, value in d.items():
        if key in d:
            total += value
    return total + len(evens) + len(seen) + sum(dict(pairs).values())


def strings(n):
    words = []
    for i in range(n):
        words.append("w" + str(i % 50))
    text = " ".join(words)
    parts = text.split()
    caps = [p.upper() for p in parts if p.startswith("w1")]
    out = []
    for i, p in enumerate(parts[:500]):
        out.append(f"{i}:{p}")
        out.append("%d-%s" % (i, p))
    joined = ",".join(out)
    return len(joined) + len(caps) + text.count("w2") + len(text.replace("w", "v"))


def generated(n):
    def squares(limit):
        for i in range(limit):
            yield i * i

    total = sum(squares(n))
    total += sum(x for x in range(n) if x % 3)
    return total


class Resource:
    def __init__(self):
        self.open = 0

    def __enter__(self):
        self.open += 1
        return self

    def __exit__(self, *exc):
        self.open -= 1
        return False


def control(n):
    caught = 0
    res = Resource()
    for i in range(n):
        try:
            if i % 10 == 0:
                raise ValueError(i)
            caught += 0
        except ValueError:
            caught += 1
        with res:
            caught += res.open
    values = [1, "a", 2.5, None, (1,)]
    for _ in range(n // 10):
        for v in values:
            if isinstance(v, int):
                caught += 1
            elif isinstance(v, str):
                caught += len(v)
    return caught


def main(rounds):
    result = 0
    for _ in range(rounds):
        result += objects(3000)
        result += calls(6000)
        result += arithmetic(20000)
        result += containers(5000)
        result += strings(3000)
        result += generated(10000)
        result += control(5000)
    print(result)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 25)
