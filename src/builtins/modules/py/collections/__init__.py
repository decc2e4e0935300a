"""krait's collections. deque, defaultdict and OrderedDict come from the
native _collections module; Counter, namedtuple and ChainMap are defined
below in Python so that the calls they make on user objects happen in the
order CPython makes them. UserDict, UserList and UserString exist only as
names that refuse to be used."""

import sys as _sys
from _collections import deque, defaultdict, OrderedDict, _count_elements
from itertools import chain as _chain, repeat as _repeat, starmap as _starmap
from operator import itemgetter as _itemgetter

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'UserDict', 'UserList',
           'UserString', 'defaultdict', 'deque', 'namedtuple']

_RESERVED = frozenset('''
    False None True and as assert async await break class continue def del
    elif else except finally for from global if import in is lambda nonlocal
    not or pass raise return try while with yield'''.split())


# ---------------------------------------------------------------- namedtuple

def _field_setter(self, value):
    # what assigning to a field of a namedtuple instance reports
    raise AttributeError("can't set attribute")


def _field_deleter(self):
    raise AttributeError("can't delete attribute")


def _bad_name(name):
    """The complaint about a type or field name, or None when it is fine."""
    if type(name) is not str:
        return TypeError('Type names and field names must be strings')
    if not name.isidentifier():
        return ValueError('Type names and field names must be valid '
                          f'identifiers: {name!r}')
    if name in _RESERVED:
        return ValueError('Type names and field names cannot be a '
                          f'keyword: {name!r}')
    return None


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Make a tuple subclass whose items can also be read by name."""
    source = field_names
    if isinstance(source, str):
        source = source.replace(',', ' ').split()
    names = list(map(str, source))
    typename = str(typename)
    if rename:
        # unusable names become positional ones: _0, _1, ...
        used = set()
        for pos, name in enumerate(names):
            if (not name.isidentifier() or name in _RESERVED
                    or name.startswith('_') or name in used):
                names[pos] = f'_{pos}'
            used.add(name)

    for candidate in [typename, *names]:
        problem = _bad_name(candidate)
        if problem is not None:
            raise problem

    used = set()
    for name in names:
        if not rename and name.startswith('_'):
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in used:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        used.add(name)

    count = len(names)
    defaults_by_name = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > count:
            raise TypeError('Got more default values than field names')
        defaults_by_name = dict(zip(names[count - len(defaults):], defaults))

    fields = tuple(names)
    signature = ', '.join(fields)
    if count == 1:
        signature += ','
    shape = '(' + ', '.join(name + '=%r' for name in fields) + ')'
    make_tuple = tuple.__new__
    as_dict, as_tuple, length, mapper, zipper = dict, tuple, len, map, zip

    # __new__ is compiled from text, as CPython compiles it, so that calling
    # it runs in a frame whose file is <string>. krait gives the defaults in
    # the parameter list (CPython sets __defaults__ afterwards).
    globals_for_new = {
        '_tuple_new': make_tuple,
        '__builtins__': {},
        '__name__': 'namedtuple_' + typename,
    }
    params = list(fields)
    if defaults:
        globals_for_new['_defaults'] = defaults
        offset = count - len(defaults)
        for pos in range(offset, count):
            params[pos] += f'=_defaults[{pos - offset}]'
    param_text = ', '.join(params) + (',' if count == 1 else '')
    code = f'lambda _cls, {param_text}: _tuple_new(_cls, ({signature}))'
    new = eval(code, globals_for_new)
    new.__name__ = '__new__'
    new.__doc__ = f'Create new instance of {typename}({signature})'

    def _make(cls, iterable):
        made = make_tuple(cls, iterable)
        if length(made) != count:
            raise TypeError(f'Expected {count} arguments, got {len(made)}')
        return made

    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    def _replace(self, /, **kwds):
        changed = self._make(mapper(kwds.pop, fields, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return changed

    _replace.__doc__ = (f'Return a new {typename} object replacing '
                        'specified fields with new values')

    def __repr__(self):
        """The class name followed by name=value for each field."""
        return self.__class__.__name__ + shape % self

    def _asdict(self):
        """A dict from field names to values."""
        return as_dict(zipper(self._fields, self))

    def __getnewargs__(self):
        """The plain tuple of the values (for copy and pickle)."""
        return as_tuple(self)

    members = {
        '__doc__': f'{typename}({signature})',
        '__slots__': (),
        '_fields': fields,
        '_field_defaults': defaults_by_name,
    }
    for func in (new, _make, _replace, __repr__, _asdict, __getnewargs__):
        func.__qualname__ = typename + '.' + func.__name__
        members[func.__name__] = func
    members['_make'] = classmethod(_make)
    members['__match_args__'] = fields
    for pos, name in enumerate(fields):
        members[name] = property(_itemgetter(pos), _field_setter,
                                 _field_deleter, f'Alias for field number {pos}')

    cls = type(typename, (tuple,), members)

    if module is None:
        try:
            caller = _sys._getframe(1)
            module = caller.f_globals.get('__name__', '__main__')
        except (ValueError, AttributeError):
            pass
    if module is not None:
        cls.__module__ = module
    return cls


# ------------------------------------------------------------------- Counter

class Counter(dict):
    """A dict that counts things: missing keys count zero."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, elem):
        """Anything not counted has a count of zero."""
        return 0

    def total(self):
        """The sum of all counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """(element, count) pairs, largest count first, ties in order."""
        if n is None:
            return sorted(self.items(), key=_itemgetter(1), reverse=True)
        # A bounded selection compares counts as heapq's does.
        import heapq
        return heapq.nlargest(n, self.items(), key=_itemgetter(1))

    def elements(self):
        """Each element repeated as often as its count says."""
        runs = _starmap(_repeat, self.items())
        return _chain.from_iterable(runs)

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError('Counter.fromkeys() is undefined.  '
                                  'Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Add counts (from a mapping, or one per item of an iterable)."""
        if iterable is None:
            pass
        elif not isinstance(iterable, dict):
            _count_elements(self, iterable)
        elif not self:
            super().update(iterable)
        else:
            current = self.get
            for key, n in iterable.items():
                self[key] = n + current(key, 0)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Take away counts (from a mapping, or one per item)."""
        if iterable is not None:
            current = self.get
            if not isinstance(iterable, dict):
                for key in iterable:
                    self[key] = current(key, 0) - 1
            else:
                for key, n in iterable.items():
                    self[key] = current(key, 0) - n
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """A shallow copy, of the same class."""
        cls = self.__class__
        return cls(self)

    def __delitem__(self, k):
        """Forget elem's count; no error when there is none."""
        if k in self:
            super().__delitem__(k)

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + '()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # counts that cannot be ordered are shown as stored
            shown = dict(self)
        return '%s(%r)' % (self.__class__.__name__, shown)

    # Comparisons look at every key of either side, missing ones counting 0.
    def __eq__(self, other):
        if isinstance(other, Counter):
            return all(self[k] == other[k] for side in (self, other) for k in side)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, Counter):
            return all(self[k] <= other[k] for side in (self, other) for k in side)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Counter):
            within = self <= other
            return within and self != other
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Counter):
            return all(self[k] >= other[k] for side in (self, other) for k in side)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Counter):
            covers = self >= other
            return covers and self != other
        return NotImplemented

    # The binary operators build a new Counter holding only positive results:
    # first for self's keys, then (but for &) for the keys only other has.
    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for key, mine in self.items():
            n = mine + other[key]
            if n > 0:
                out[key] = n
        for key, theirs in other.items():
            if key not in self and theirs > 0:
                out[key] = theirs
        return out

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for key, mine in self.items():
            n = mine - other[key]
            if n > 0:
                out[key] = n
        for key, theirs in other.items():
            if key not in self and theirs < 0:
                out[key] = 0 - theirs
        return out

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for key, mine in self.items():
            theirs = other[key]
            n = theirs if mine < theirs else mine
            if n > 0:
                out[key] = n
        for key, theirs in other.items():
            if key not in self and theirs > 0:
                out[key] = theirs
        return out

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        out = Counter()
        for key, mine in self.items():
            theirs = other[key]
            n = mine if mine < theirs else theirs
            if n > 0:
                out[key] = n
        return out

    def __pos__(self):
        out = Counter()
        for key, n in self.items():
            if n > 0:
                out[key] = n
        return out

    def __neg__(self):
        out = Counter()
        for key, n in self.items():
            if n < 0:
                out[key] = 0 - n
        return out

    def _keep_positive(self):
        """Drop every key whose count is not above zero; return self."""
        drop = [key for key, n in self.items() if not n > 0]
        for key in drop:
            del self[key]
        return self

    def __iadd__(self, other):
        for key, n in other.items():
            self[key] += n
        return self._keep_positive()

    def __isub__(self, other):
        for key, n in other.items():
            self[key] -= n
        return self._keep_positive()

    def __ior__(self, other):
        for key, theirs in other.items():
            mine = self[key]
            if theirs > mine:
                self[key] = theirs
        return self._keep_positive()

    def __iand__(self, other):
        for key, mine in self.items():
            theirs = other[key]
            if theirs < mine:
                self[key] = theirs
        return self._keep_positive()


# ------------------------------------------------- mapping views for ChainMap
# What collections.abc's KeysView, ItemsView and ValuesView give: set-like
# views (but for the values one), looking the mapping up as they go.

class _MappingView:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{self.__class__.__name__}({self._mapping!r})'


class _SetView(_MappingView):
    __slots__ = ()

    def __eq__(self, other):
        if not isinstance(other, (set, frozenset, _SetView)):
            return NotImplemented
        return len(self) == len(other) and set(self) == set(other)

    def __and__(self, other):
        return set(self) & set(other)

    def __or__(self, other):
        return set(self) | set(other)

    def __sub__(self, other):
        return set(self) - set(other)

    def __xor__(self, other):
        return set(self) ^ set(other)


class KeysView(_SetView):
    __slots__ = ()

    def __contains__(self, k):
        return k in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(_SetView):
    __slots__ = ()

    def __contains__(self, pair):
        key, value = pair
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield key, self._mapping[key]


class ValuesView(_MappingView):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


# collections.abc's names, not collections': kept under private ones.
_KeysView, _ItemsView, _ValuesView = KeysView, ItemsView, ValuesView
del KeysView, ItemsView, ValuesView
_MAPPINGS = (dict,)


# ------------------------------------------------------------------ ChainMap

class ChainMap:
    """Several mappings seen as one: lookups search them in order, changes
    go to the first."""

    def __init__(self, *layers):
        self.maps = list(layers) or [{}]

    def __missing__(self, k):
        raise KeyError(k)

    def __getitem__(self, k):
        for layer in self.maps:
            try:
                return layer[k]
            except KeyError:
                continue
        return self.__missing__(k)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __len__(self):
        every_key = set()
        return len(every_key.union(*self.maps))

    def __iter__(self):
        # keys in first-seen order, reading the last mapping first
        order = {}
        for layer in reversed(self.maps):
            order.update(dict.fromkeys(layer))
        return iter(order)

    def __contains__(self, k):
        return any(k in layer for layer in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        inner = ', '.join(map(repr, self.maps))
        return f'{self.__class__.__name__}({inner})'

    def keys(self):
        return _KeysView(self)

    def items(self):
        return _ItemsView(self)

    def values(self):
        return _ValuesView(self)

    def __eq__(self, other):
        if isinstance(other, _MAPPINGS):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __reversed__ = None

    @classmethod
    def fromkeys(cls, iterable, *args):
        seed = dict.fromkeys(iterable, *args)
        return cls(seed)

    def copy(self):
        maps = self.maps
        return self.__class__(maps[0].copy(), *maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        cls = self.__class__
        return cls(m, *self.maps)

    @property
    def parents(self):
        cls = self.__class__
        return cls(*self.maps[1:])

    def __setitem__(self, k, v):
        self.maps[0][k] = v

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def popitem(self):
        try:
            first = self.maps[0]
            return first.popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.')

    def pop(self, key, *args):
        try:
            first = self.maps[0]
            return first.pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def clear(self):
        self.maps[0].clear()

    def update(self, other=(), /, **kwds):
        if isinstance(other, _MAPPINGS) or hasattr(other, 'keys'):
            keys = other if isinstance(other, _MAPPINGS) else other.keys()
            for key in keys:
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def __ior__(self, other):
        first = self.maps[0]
        first.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        merged = self.copy()
        merged.maps[0].update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _MAPPINGS):
            return NotImplemented
        merged = dict(other)
        for layer in reversed(self.maps):
            merged.update(layer)
        return self.__class__(merged)


_MAPPINGS = (dict, ChainMap)


def _refused(name):
    """A class krait does not provide: using it says so."""
    def refuse(*args, **kwargs):
        raise NotImplementedError(f'krait does not support collections.{name}')

    return type(name, (), {'__new__': refuse, '__init_subclass__': refuse})


UserDict = _refused('UserDict')
UserList = _refused('UserList')
UserString = _refused('UserString')
