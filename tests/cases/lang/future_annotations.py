"""from __future__ import annotations: annotations are their text as CPython unparses it (precedence, quotes, spacing), never evaluated; the __future__ module's records; get_type_hints evaluates them"""
from __future__ import annotations
from __future__ import division, generator_stop
import __future__
from typing import Optional, List, Dict
for n in __future__.all_feature_names:
    print(n, getattr(__future__, n))
print(annotations)
def f(a: int, b: Optional[List[int]] = None, *args: 'str', c: Dict[str,int] = {}, **kw: Undefined) -> Node:
    return a
print(f.__annotations__)
x: List[int] = [1]
y: Undefined
z: (int, str)
class Node:
    nxt: Optional[Node]
    val: int | None = 3
    a: -1 + 2 * 3 ** -2 ** 4
    b: (1 + 2) * 3
    c: not a and (b or c) if x < y <= z else lambda_
    d: x[1:2, ::3] | {1: 2, **k}
    e: f(1, *a, k=2, **kw)
    g: [1, 2.5, 'it''s', "q\"", ..., None, True]
    h: {1, 2} ^ ~x & (y << 2)
    i: a.b.c[()]
    j: tuple[int,]
    l: 1 .real
    m: 1e400
    n: x is not y not in z
print(Node.__annotations__)
print(__annotations__)
import typing
print(typing.get_type_hints(f, {'Undefined': int, 'Node': Node, 'Optional': Optional, 'List': List, 'Dict': Dict}))
