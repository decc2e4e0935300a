# dataclasses: fields through a plain intermediate class, frozen-inheritance errors, explicit and unsafe hashes, order conflicts, a field named self, init=False fields and replace, dict_factory
import dataclasses
from dataclasses import dataclass, field
@dataclass
class A:
    x: int = 1
class Mid(A):
    pass
@dataclass
class B(Mid):
    y: int = 2
print(B(), [f.name for f in dataclasses.fields(B)])
@dataclass(frozen=True)
class F:
    a: int
try:
    @dataclass
    class G(F):
        b: int = 0
except TypeError as e:
    print(e)
try:
    @dataclass(frozen=True)
    class H(A):
        b: int = 0
except TypeError as e:
    print(e)
@dataclass(eq=True, frozen=False)
class E:
    a: int
    def __hash__(self): return 7
print(hash(E(1)))
try:
    @dataclass(unsafe_hash=True)
    class U:
        a: int
        def __hash__(self): return 1
except TypeError as e:
    print(e)
try:
    @dataclass(order=True)
    class O:
        a: int
        def __lt__(self, o): return True
except TypeError as e:
    print(e)
try:
    @dataclass(order=True, eq=False)
    class O2:
        a: int
except ValueError as e:
    print(e)
@dataclass
class S:
    self: int
    other: int = 0
print(S(1, 2))
@dataclass
class N:
    a: int = field(init=False, default=4)
    b: list = field(init=False, default_factory=list)
print(N(), N.__doc__)
try:
    dataclasses.replace(N(), a=3)
except ValueError as e:
    print(e)
print(dataclasses.astuple(B()), dataclasses.asdict(B(), dict_factory=list))
