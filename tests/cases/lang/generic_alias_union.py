# list[int] and the other built-in generics (types.GenericAlias), int | None (types.UnionType), __class_getitem__, __mro_entries__ bases, the types module's names, list.__hash__ is None
a = list[int]; print(repr(a), a.__origin__, a.__args__, a.__parameters__, type(a), a(), dict[str, list[int]], tuple[int, ...], list[None], list['X'], a == list[int], hash(a)==hash(list[int]))
class L(list[int]): pass
print(L.__mro__, L.__orig_bases__)
print(type[int], list[int, str], set[int], frozenset[str], enumerate[int])
class C:
  def __class_getitem__(cls, k): return (cls.__name__, k)
print(C[1], C[1,2])
print(int | None, type(int|None), (int|str)|None, int | list[int], list[int] | None, int | int)
print((int | str) == (str | int))
try: int | 3
except TypeError as e: print(e)
try: None | None
except TypeError as e: print(e)
try: object()[1]
except TypeError as e: print(e)
try: C()[1]
except TypeError as e: print(e)
class D: pass
try: D[1]
except TypeError as e: print(e)
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]: return x
print(f.__annotations__)
import types
print(types.FunctionType, types.GeneratorType, types.MethodType, types.NoneType, types.SimpleNamespace(a=1))
print(types.GenericAlias, types.UnionType)
print(list.__hash__, dict.__hash__, set.__hash__, tuple.__hash__ is not None, frozenset.__hash__ is not None)
class L(list): pass
class D(dict): pass
class S(set): pass
for c in (L, D, S, list):
    try:
        hash(c())
    except TypeError as e:
        print(e)
print(L.__hash__, [].__hash__)
class H(list):
    def __hash__(self): return 5
print(hash(H()))
print({(1,2): 3}, hash((1,2)) == hash((1,2)))
print(isinstance(3, int | str), isinstance('a', int | None), isinstance(None, int | None), issubclass(bool, str | int))
for bad in (list[int], int | list[int]):
    try:
        isinstance([], bad)
    except TypeError as e:
        print(e)
