"""krait's `copy`, written in Python as CPython's is: shallow and deep
copies of the built-in containers, of instances (their `__dict__` and
slots) and of whatever defines `__copy__`/`__deepcopy__`. What needs
pickling's protocols (`__reduce_ex__`, `__getstate__`, `copyreg`) is
refused by name."""

import types

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, type, range,
           types.BuiltinFunctionType, types.FunctionType, type(Ellipsis),
           type(NotImplemented), types.CodeType)


def _refuse(cls):
    raise NotImplementedError(
        f"krait does not support copying a {cls.__qualname__!r} object "
        "(copy's pickling protocols)")


def _has_payload(x):
    # An instance of a user subclass of a built-in container or scalar.
    return isinstance(x, (list, dict, set, frozenset, tuple, int, float, str)) \
        and type(x) not in (list, dict, set, frozenset, tuple, int, float, str, bool)


def _new_like(x):
    cls = type(x)
    if _has_payload(x) or any(
            name in c.__dict__ for c in cls.__mro__[:-1]
            for name in ('__reduce_ex__', '__reduce__', '__getstate__',
                         '__setstate__', '__getnewargs__', '__getnewargs_ex__')):
        _refuse(cls)
    return cls.__new__(cls)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        slots = c.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in ('__dict__', '__weakref__') and name not in names:
                names.append(name)
    return names


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict or cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if isinstance(x, type):
        return x
    y = _new_like(x)
    state = getattr(x, '__dict__', None)
    if state:
        y.__dict__.update(state)
    for name in _slot_names(cls):
        if hasattr(x, name):
            object.__setattr__(y, name, getattr(x, name))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps the ids of what is copied already to
    their copies."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = [deepcopy(a, memo) for a in x]
        # A tuple that contains itself through a list is copied already.
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, y):
            if k is not j:
                y = tuple(y)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set or cls is frozenset:
        y = cls(deepcopy(a, memo) for a in x)
    elif isinstance(x, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _new_like(x)
            memo[d] = y
            state = getattr(x, '__dict__', None)
            if state:
                for key, value in state.items():
                    y.__dict__[key] = deepcopy(value, memo)
            for name in _slot_names(cls):
                if hasattr(x, name):
                    object.__setattr__(y, name, deepcopy(getattr(x, name), memo))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The memo keeps what it maps from alive, so ids are not reused.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
