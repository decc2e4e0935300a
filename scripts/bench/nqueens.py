# Benchmark: nqueens, a brute-force 8-queens solver (tuples, sets, generator expressions, list slicing). Argument: repetitions of the 8-queens solve (default 5).
# From pyperformance (https://github.com/python/pyperformance, commit 1d3e217,
# pyperformance/data-files/benchmarks/bm_nqueens/run_benchmark.py); MIT
# license, see PYPERFORMANCE_LICENSE in this folder. Changes: the pyperf runner
# is replaced by an argv argument and the printed number of solutions; the
# generator functions permutations() and n_queens() build and return lists
# instead (krait has no generators yet): each `yield x` is `result.append(x)`.
"""Simple, brute-force N-Queens solver."""

import sys

__author__ = "collinwinter@google.com (Collin Winter)"


# Pure-Python implementation of itertools.permutations().
def permutations(iterable, r=None):
    """permutations(range(3), 2) --> (0,1) (0,2) (1,0) (1,2) (2,0) (2,1)"""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    indices = list(range(n))
    cycles = list(range(n - r + 1, n + 1))[::-1]
    result = []
    result.append(tuple(pool[i] for i in indices[:r]))
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                result.append(tuple(pool[i] for i in indices[:r]))
                break
        else:
            return result
    return result


# From http://code.activestate.com/recipes/576647/
def n_queens(queen_count):
    """N-Queens solver.

    Args:
        queen_count: the number of queens to solve for. This is also the
            board size.

    Yields:
        Solutions to the problem. Each yielded value is looks like
        (3, 8, 2, 1, 4, ..., 6) where each number is the column position for the
        queen, and the index into the tuple indicates the row.
    """
    cols = range(queen_count)
    result = []
    for vec in permutations(cols):
        if (queen_count == len(set(vec[i] + i for i in cols))
                        == len(set(vec[i] - i for i in cols))):
            result.append(vec)
    return result


def bench_n_queens(queen_count):
    return list(n_queens(queen_count))


if __name__ == "__main__":
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    queen_count = 8
    solutions = []
    for _ in range(loops):
        solutions = bench_n_queens(queen_count)
    print("nqueens", loops, len(solutions), solutions[0], solutions[-1])
