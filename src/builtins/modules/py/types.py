"""Names for built-in types (krait's `types`, written in Python as
CPython's is), and the objects of `list[int]` and `int | None`."""

import sys


def _function():
    pass


def _generator():
    yield 1


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = type(lambda: None)
CodeType = type(_function.__code__)
GeneratorType = type(_generator())
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
SimpleNamespace = type(sys.implementation)
try:
    raise TypeError
except TypeError as _e:
    TracebackType = type(_e.__traceback__)
    FrameType = type(_e.__traceback__.tb_frame)


class mappingproxy:
    """A read-only view of a mapping."""

    def __init__(self, mapping):
        if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__'):
            raise TypeError("mappingproxy() argument must be a mapping, not "
                            + type(mapping).__name__)
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(" + repr(self._mapping) + ")"

    def __str__(self):
        return str(self._mapping)

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()


def _type_repr(obj):
    """An argument as `list[...]` and `... | ...` show it."""
    if obj is ...:
        return "..."
    if obj is NoneType:
        return "None"
    if hasattr(obj, "__origin__") and hasattr(obj, "__args__"):
        return repr(obj)
    qualname = getattr(obj, "__qualname__", None)
    module = getattr(obj, "__module__", None)
    if qualname is None or module is None:
        return repr(obj)
    if module == "builtins":
        return qualname
    return module + "." + qualname


def _unionable(obj):
    return obj is None or isinstance(obj, (type, GenericAlias, UnionType))


class GenericAlias:
    """`list[int]`: a built-in type with arguments, for annotations."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = tuple(
            a for a in args if hasattr(a, "__typing_subst__")
        )

    def __repr__(self):
        if not self.__args__:
            args = "()"
        else:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        return _type_repr(self.__origin__) + "[" + args + "]"

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _type_union(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _type_union(other, self)


class UnionType:
    """`int | None`."""

    def __init__(self, args):
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        return " | ".join(_type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _type_union(self, other)

    def __ror__(self, other):
        if not _unionable(other):
            return NotImplemented
        return _type_union(other, self)


def _type_union(a, b):
    """`a | b` of types: flattened, without repeats, None as NoneType."""
    args = []
    for x in (a, b):
        for item in x.__args__ if isinstance(x, UnionType) else (x,):
            if item is None:
                item = NoneType
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


MappingProxyType = mappingproxy

mappingproxy.__module__ = 'builtins'
for _cls in (GenericAlias, UnionType):
    _cls.__module__ = "types"
del _cls
