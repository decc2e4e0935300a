"""krait's `typing`, written in Python as CPython's is: every common name
importable, subscriptable and printable as CPython 3.11 prints it, for
annotations, which nothing checks at run time. What krait cannot do
faithfully (runtime-checkable protocols, the class syntax of NamedTuple)
is refused by name."""

import sys
import types as _types

__all__ = [
    'Any', 'Callable', 'ClassVar', 'Final', 'Generic', 'Literal', 'Optional',
    'Protocol', 'Tuple', 'Type', 'TypeVar', 'Union', 'List', 'Dict', 'Set',
    'FrozenSet', 'DefaultDict', 'Deque', 'Counter', 'OrderedDict', 'ChainMap',
    'Iterable', 'Iterator', 'Generator', 'Sequence', 'Mapping', 'NamedTuple',
    'TypedDict', 'cast', 'overload', 'TYPE_CHECKING', 'NoReturn', 'Never',
    'Self', 'get_type_hints', 'get_origin', 'get_args', 'NewType',
]

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list))


def _check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, (_SpecialForm,)) and arg._name in ('ClassVar', 'Final'):
        raise TypeError(f'{arg} is not valid as type argument')
    if not callable(arg) and not isinstance(arg, (_GenericAlias, _types.GenericAlias, _types.UnionType, TypeVar, ForwardRef)) and arg is not ...:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


class ForwardRef:
    def __init__(self, arg):
        self.__forward_arg__ = arg

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)


class _SpecialForm:
    """`Any`, `Union`, `Optional`, `ClassVar`... (`getitem` makes
    `Form[...]`)."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwds):
        if self._name == 'Any':
            raise TypeError("Any cannot be instantiated")
        raise TypeError(f"Cannot instantiate {self!r}")

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    args = []
    for p in parameters:
        p = _check(p, "Union[arg, ...]: each arg must be a type.")
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            items = p.__args__
        elif isinstance(p, _types.UnionType):
            items = p.__args__
        else:
            items = (p,)
        for item in items:
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return _GenericAlias(Union, tuple(args), 'Union')


def _optional(self, parameters):
    arg = _check(parameters, "Optional[t] requires a single type.")
    return Union[arg, type(None)]


def _single(self, parameters):
    item = _check(parameters, f'{self._name} accepts only single type.')
    return _GenericAlias(self, (item,), self._name)


def _literal(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, 'Literal')


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two "
                        "arguments (a type and an annotation).")
    return _GenericAlias(self, params, 'Annotated')


def _concatenate(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, parameters, 'Concatenate')


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', _optional)
ClassVar = _SpecialForm('ClassVar', _single)
Final = _SpecialForm('Final', _single)
TypeGuard = _SpecialForm('TypeGuard', _single)
Required = _SpecialForm('Required', _single)
NotRequired = _SpecialForm('NotRequired', _single)
Literal = _SpecialForm('Literal', _literal)
Annotated = _SpecialForm('Annotated', _annotated)
Concatenate = _SpecialForm('Concatenate', _concatenate)


class _GenericAlias:
    """`List[int]`, `Union[int, str]`, `Stack[int]`: an origin with
    arguments."""

    def __init__(self, origin, args, name=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self.__parameters__ = tuple(
            a for a in args if isinstance(a, (TypeVar, ParamSpec)))

    def __repr__(self):
        origin, args, name = self.__origin__, self.__args__, self._name
        if origin is Union:
            if len(args) == 2 and type(None) in args:
                other = args[0] if args[1] is type(None) else args[1]
                return f'typing.Optional[{_type_repr(other)}]'
            return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'
        if origin is Literal:
            return 'typing.Literal[' + ', '.join(repr(a) for a in args) + ']'
        if origin is Annotated:
            return (f'typing.Annotated[{_type_repr(args[0])}, '
                    + ', '.join(repr(a) for a in args[1:]) + ']')
        head = 'typing.' + name if name else _type_repr(origin)
        if name == 'Callable' and len(args) == 2 and _is_param_expr(args[0]):
            if args[0] is ...:
                params = '...'
            else:
                params = '[' + ', '.join(_type_repr(a) for a in args[0]) + ']'
            return f'{head}[{params}, {_type_repr(args[1])}]'
        if not args:
            return f'{head}[()]'
        return head + '[' + ', '.join(_type_repr(a) for a in args) + ']'

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Union and other.__origin__ is Union:
            return set(self.__args__) == set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self.__origin__ is Union:
            return hash(frozenset(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name is not None or not isinstance(self.__origin__, type):
            raise TypeError(f"Type {self._name or self.__origin__} cannot be "
                            f"instantiated; use {_lower(self)}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        raise TypeError(f"Cannot subclass {self!r}")

    def __getitem__(self, params):
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(params) > len(self.__parameters__) else 'few'} "
                            f"arguments for {self}; actual {len(params)}, "
                            f"expected {len(self.__parameters__)}")
        subst = dict(zip(self.__parameters__, params))
        args = tuple(subst.get(a, a) if isinstance(a, (TypeVar, ParamSpec)) else a
                     for a in self.__args__)
        return _GenericAlias(self.__origin__, args, self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _lower(alias):
    origin = alias.__origin__
    return getattr(origin, '__name__', alias._name.lower())


class _SpecialGenericAlias:
    """`List`, `Dict`, `Callable`: a bare alias of a class, subscriptable."""

    def __init__(self, origin, name, nparams=-1):
        self.__origin__ = origin
        self._name = name
        self._nparams = nparams

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Tuple':
            if params == ((),):
                params = ()
            return _GenericAlias(self.__origin__, params, 'Tuple')
        if self._name == 'Callable':
            if len(params) != 2:
                raise TypeError("Callable must be used as "
                                "Callable[[arg, ...], result].")
            args, result = params
            if isinstance(args, list):
                args = tuple(args)
            elif args is not ...:
                raise TypeError("Callable[args, result]: args must be a list."
                                f" Got {args!r:.100}.")
            return _GenericAlias(self.__origin__, (args, result), 'Callable')
        msg = "Parameters to generic types must be types."
        params = tuple(_check(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} "
                            f"arguments for {self}; actual {len(params)}, "
                            f"expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in ('List', 'Dict', 'Set', 'FrozenSet', 'Tuple', 'Type',
                          'Callable') or not isinstance(self.__origin__, type):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _AbcPlaceholder:
    """Stands for a `collections.abc` class krait does not have."""


def _abc(name):
    cls = type(name, (_AbcPlaceholder,), {})
    cls.__module__ = 'collections.abc'
    return cls


def _collection(name):
    # collections' own classes, when krait has them.
    try:
        import collections
        return getattr(collections, name)
    except (ImportError, AttributeError):
        return _abc(name)


List = _SpecialGenericAlias(list, 'List', 1)
Dict = _SpecialGenericAlias(dict, 'Dict', 2)
Set = _SpecialGenericAlias(set, 'Set', 1)
FrozenSet = _SpecialGenericAlias(frozenset, 'FrozenSet', 1)
Tuple = _SpecialGenericAlias(tuple, 'Tuple')
Type = _SpecialGenericAlias(type, 'Type', 1)
Callable = _SpecialGenericAlias(_abc('Callable'), 'Callable')
DefaultDict = _SpecialGenericAlias(_collection('defaultdict'), 'DefaultDict', 2)
Deque = _SpecialGenericAlias(_collection('deque'), 'Deque', 1)
Counter = _SpecialGenericAlias(_collection('Counter'), 'Counter', 1)
OrderedDict = _SpecialGenericAlias(_collection('OrderedDict'), 'OrderedDict', 2)
ChainMap = _SpecialGenericAlias(_collection('ChainMap'), 'ChainMap', 2)
for _name, _n in [('Iterable', 1), ('Iterator', 1), ('Generator', 3),
                  ('Sequence', 1), ('MutableSequence', 1), ('Mapping', 2),
                  ('MutableMapping', 2), ('Collection', 1), ('Container', 1),
                  ('Hashable', 0), ('Sized', 0), ('Reversible', 1),
                  ('AbstractSet', 1), ('MutableSet', 1), ('Awaitable', 1),
                  ('Coroutine', 3), ('AsyncIterable', 1), ('AsyncIterator', 1),
                  ('AsyncGenerator', 2), ('ItemsView', 2), ('KeysView', 1),
                  ('ValuesView', 1), ('MappingView', 1), ('ContextManager', 1),
                  ('AsyncContextManager', 1)]:
    globals()[_name] = _SpecialGenericAlias(
        _abc('Set' if _name == 'AbstractSet' else _name), _name, _n)
del _name, _n


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__') \
            if hasattr(sys, '_getframe') else '__main__'

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __typing_subst__(self, arg):
        return arg

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False,
                 contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant,
                         contravariant=contravariant)


AnyStr = TypeVar('AnyStr')


class Generic:
    """A base for generic classes: `class Stack(Generic[T])`."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            return _GenericBase(cls, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get('__orig_bases__', ()):
            for p in getattr(base, '__parameters__', ()):
                if p not in params:
                    params.append(p)
        cls.__parameters__ = tuple(params)


class _GenericBase(_GenericAlias):
    """`Generic[T]` as a base: the class derives from Generic itself."""

    def __repr__(self):
        return f'typing.{self.__origin__.__name__}[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Protocol(Generic):
    """Structural types: usable as bases and annotations."""


def runtime_checkable(cls):
    raise NotImplementedError(
        "krait does not support runtime_checkable protocols "
        "(isinstance checks against them)")


class NamedTuple:
    """`NamedTuple('P', [('x', int)])`; the class syntax is refused."""

    def __new__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        elif kwargs:
            raise TypeError("Either list of fields or keywords"
                            " can be provided to NamedTuple, not both")
        import collections
        fields = list(fields)
        nt = collections.namedtuple(typename, [n for n, t in fields])
        nt.__annotations__ = {n: t for n, t in fields}
        return nt

    def __init_subclass__(cls, **kwargs):
        raise NotImplementedError(
            "krait does not support the class syntax of typing.NamedTuple; "
            "use collections.namedtuple")


class TypedDict(dict):
    """`class Movie(TypedDict)`: calling it makes a plain dict."""

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            if len(args) < 1 or len(args) > 2:
                raise TypeError("TypedDict() takes a name and a dict of fields")
            name = args[0]
            fields = args[1] if len(args) == 2 else {}
            return type(name, (TypedDict,), {'__annotations__': dict(fields),
                                              '__total__': kwargs.get('total', True)})
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__total__ = total


def cast(typ, val):
    return val


def assert_type(val, typ):
    return val


def assert_never(arg):
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def reveal_type(obj):
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def _overload_dummy(*args, **kwds):
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    return arg


def no_type_check_decorator(decorator):
    return decorator


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        return tp.__origin__
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, (_GenericAlias, _types.GenericAlias)):
        args = tp.__args__
        if getattr(tp, '_name', None) == 'Callable' and args and args[0] is not ...:
            return (list(args[0]), args[1])
        return args
    if isinstance(tp, _types.UnionType):
        return tp.__args__
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            base_globals = globalns
            if base_globals is None:
                module = sys.modules.get(base.__module__)
                base_globals = module.__dict__ if module else {}
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, localns)
        return hints
    ann = getattr(obj, '__annotations__', None)
    if ann is None:
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    if globalns is None:
        globalns = getattr(obj, '__globals__', None)
        if globalns is None:
            globalns = getattr(obj, '__dict__', {})
    for name, value in ann.items():
        hints[name] = _eval_hint(value, globalns, localns)
    return hints


def _eval_hint(value, globalns, localns):
    if value is None:
        return type(None)
    # A string's value may be a string again ("'str'" under
    # `from __future__ import annotations`).
    while isinstance(value, str):
        value = eval(value, globalns, localns)
        if value is None:
            return type(None)
    return value


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name.rpartition('.')[-1]
        self.__supertype__ = tp
        self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__') \
            if hasattr(sys, '_getframe') else '__main__'

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you "
                        f"were looking for: `{self.__name__} = NewType("
                        f"{self.__name__!r}, {self.__name__})`")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class SupportsInt(Protocol):
    pass


class SupportsFloat(Protocol):
    pass


class SupportsIndex(Protocol):
    pass


class SupportsAbs(Protocol):
    pass


class SupportsRound(Protocol):
    pass


Text = str
