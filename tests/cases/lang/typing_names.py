# typing: the common names importable, subscripted and printed as CPython 3.11 prints them; Generic classes, TypedDict, NewType, overload, get_type_hints/get_origin/get_args, unions with |
from typing import (Any, List, Dict, Optional, Union, Tuple, Callable, Iterable, Iterator, TypeVar, Generic,
    Set, FrozenSet, Type, ClassVar, Final, Literal, Sequence, Mapping, cast, overload, TYPE_CHECKING, NamedTuple,
    TypedDict, Protocol, NewType, get_type_hints, get_origin, get_args, Annotated, NoReturn, Generator, DefaultDict)
import typing
print(Any, List, Dict, Optional, Union, Callable, Iterable, ClassVar, Literal)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None], Union[int], Union[int, Union[str, float]])
print(Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int], Type[int], Literal['a', 1], ClassVar[int], Final[int])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[int], Mapping[str, int], Set[int], FrozenSet[int])
print(Annotated[int, 'meta'], Optional[List[int]], Union[List[int], Dict[str, int]], List['Foo'])
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]))
T = TypeVar('T')
K = TypeVar('K', covariant=True)
print(T, K, TypeVar('N', int, str).__constraints__)
class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
s.push(3)
print(s.pop(), Stack[int], Stack.__mro__, Stack.__parameters__)
print(Generic[T])
def f(x: int, y: Optional[List[str]] = None) -> Dict[str, int]:
    return {'x': x}
print(f(1), f.__annotations__)
print(cast(int, 'x'), TYPE_CHECKING, get_origin(List[int]), get_args(Dict[str, int]), get_origin(int), get_args(Callable[[int], str]))
print(get_type_hints(f))
UserId = NewType('UserId', int)
print(UserId(5), UserId)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1)
print(m, type(m))
class Greeter(Protocol):
    def greet(self) -> str: ...
class G:
    def greet(self) -> str:
        return 'hi'
def use(g: Greeter) -> str:
    return g.greet()
print(use(G()))
@overload
def h(x: int) -> int: ...
@overload
def h(x: str) -> str: ...
def h(x):
    return x
print(h(1))
try:
    List()
except TypeError as e:
    print(e)
try:
    Union[()]
except TypeError as e:
    print(e)
try:
    Any()
except TypeError as e:
    print(e)
try:
    List[int, str]
except TypeError as e:
    print(e)
x: List[int] = [1]
print(__annotations__)
print(int | List[int], List[int] | None, Optional[int] | str)
class Node:
    def __init__(self, nxt: 'Optional[Node]' = None):
        self.nxt = nxt
print(get_type_hints(Node.__init__))
P = NamedTuple('P', [('x', int), ('y', int)])
p = P(1, 2)
print(p, p.x, P.__annotations__, P._fields)
from typing import Deque, Counter as TCounter, OrderedDict as TOD
print(Deque[int], TCounter[str], TOD[str, int], DefaultDict[str, int])
