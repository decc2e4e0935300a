# dataclasses: @dataclass with defaults, field(), order, frozen, unsafe_hash, kw_only/KW_ONLY, InitVar and __post_init__, inheritance, ClassVar, asdict/astuple/replace/fields/make_dataclass, CPython's errors
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY
import dataclasses

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, p == Point(1, 2), p != Point(1, 3), Point(5))
print(Point.__doc__, Point.__match_args__, Point.__hash__)
print(fields(p)[1].default, fields(p)[0].default is dataclasses.MISSING, fields(p)[0].metadata, fields(p)[0]._field_type, field(metadata={'a': 1}).metadata['a'])
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9))
print(is_dataclass(p), is_dataclass(Point), is_dataclass(3))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()

a, b = Version(1, 2), Version(1, 3)
print(a < b, a >= b, sorted([b, a]), hash(a) == hash(Version(1, 2)))
try:
    a.major = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del a.minor
except AttributeError as e:
    print(e)

@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)

i = Inv('a')
i.items.append(1)
print(i, Inv('a') == Inv('a', secret='t'), Inv('b').items is not i.items)

try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print(e)

try:
    @dataclass
    class Bad2:
        xs: list = []
except ValueError as e:
    print(e)

@dataclass
class Post:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    def __post_init__(self, scale):
        self.b = self.a * scale
print(Post(3), Post(3, 5))

@dataclass
class Base:
    x: int
    def hello(self):
        return 'hi ' + str(self.x)

@dataclass
class Child(Base):
    y: str = 'c'
c = Child(1)
print(c, c.hello(), fields(c)[1].name)

@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 1
    c: int = 2
print(K(1, c=5), K.__match_args__)

@dataclass(kw_only=True)
class K2:
    a: int
    b: int = 2
print(K2(a=1))
try:
    K2(1)
except TypeError as e:
    print(e)

@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)

@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)
print(hash(H(1)) == hash(H(1, [2])))

@dataclass
class WithRepr:
    a: int
    def __repr__(self):
        return 'custom'
print(WithRepr(1))

@dataclass
class Tree:
    val: int
    kids: list = field(default_factory=list)
t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(t)
print(asdict(t))
print(Point.__init__.__qualname__, Point.__init__.__code__.co_filename, Point.__eq__.__qualname__)
D = dataclasses.make_dataclass('D', ['a', ('b', int), ('c', int, field(default=5))])
print(D(1, 2), D.__annotations__ if False else '')
try:
    fields(3)
except TypeError as e:
    print(e)
try:
    Point()
except TypeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
print(Point.__dataclass_params__)
print(dataclasses.MISSING is not None, repr(dataclasses.field(default=1).default))
r = Tree(0)
r.kids.append(r)
print(r)
from typing import ClassVar
@dataclass
class CV:
    x: int
    count: ClassVar[int] = 0
print(CV(1), [f.name for f in fields(CV)])
