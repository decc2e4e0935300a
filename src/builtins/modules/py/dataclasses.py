"""krait's `dataclasses`.

What a program can observe is CPython 3.11's: the messages, the reprs, and
the methods a dataclass gets, whose source text is run by `exec` laid out
as CPython lays it out, so they are `<string>` frames with the same lines
and a trace function sees the same events. How the class is examined is
krait's own.
"""

import copy
import sys
import types

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()
_EMPTY_METADATA = types.MappingProxyType({})


class _FieldKind:
    """What an annotation makes: a field, a class variable, an init-only
    variable (its repr is the name CPython gives it)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')


class InitVar:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        shown = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{shown}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        shown = ['name', 'type', 'default', 'default_factory', 'init', 'repr',
                 'hash', 'compare', 'metadata', 'kw_only']
        parts = [f'{a}={getattr(self, a)!r}' for a in shown]
        parts.append(f'_field_type={self._field_type}')
        return 'Field(' + ','.join(parts) + ')'

    def __set_name__(self, owner, name):
        hook = getattr(type(self.default), '__set_name__', None)
        if hook:
            hook(self.default, owner, name)


class _DataclassParams:
    _NAMES = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        for name, value in zip(self._NAMES, (init, repr, eq, order, unsafe_hash, frozen)):
            setattr(self, name, value)

    def __repr__(self):
        parts = [f'{n}={getattr(self, n)!r}' for n in self._NAMES]
        return '_DataclassParams(' + ','.join(parts) + ')'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---- what the class declares ----------------------------------------------

def _annotation_names(a_type, names):
    """Whether a string annotation names one of `names` (its head, before
    any subscript), as CPython judges string annotations."""
    return a_type.split('[', 1)[0].strip() in names


def _kind_of(a_type):
    if isinstance(a_type, str):
        if _annotation_names(a_type, ('ClassVar', 'typing.ClassVar')):
            return _FIELD_CLASSVAR
        if _annotation_names(a_type, ('InitVar', 'dataclasses.InitVar')):
            return _FIELD_INITVAR
        return _FIELD
    typing = sys.modules.get('typing')
    if typing is not None and (a_type is typing.ClassVar or
                               getattr(a_type, '__origin__', None) is typing.ClassVar):
        return _FIELD_CLASSVAR
    if a_type is InitVar or isinstance(a_type, InitVar):
        return _FIELD_INITVAR
    return _FIELD


def _is_kw_only_marker(a_type):
    if isinstance(a_type, str):
        return _annotation_names(a_type, ('KW_ONLY', 'dataclasses.KW_ONLY'))
    return a_type is KW_ONLY


def _declared_field(cls, name, a_type, kw_only):
    declared = getattr(cls, name, MISSING)
    f = declared if isinstance(declared, Field) else field(default=declared)
    f.name, f.type, f._field_type = name, a_type, _kind_of(a_type)
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {name} cannot have a default factory')
    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {name} is a ClassVar but specifies kw_only')
    elif f.kw_only is MISSING:
        f.kw_only = kw_only
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{name} is not allowed: use default_factory')
    return f


def _own_fields(cls, kw_only):
    """The fields the class body annotates, in order (after a `KW_ONLY`
    marker, keyword-only)."""
    annotations = cls.__dict__.get('__annotations__', {})
    found = []
    marker_seen = False
    for name, a_type in annotations.items():
        if _is_kw_only_marker(a_type):
            if marker_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            marker_seen = kw_only = True
            continue
        found.append(_declared_field(cls, name, a_type, kw_only))
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    return found


# ---- the methods, made as CPython makes them --------------------------------

def _create_fn(name, args, body, *, globals=None, locals=None,
               return_type=MISSING):
    # The text's layout is CPython's: its lines are what a tracer sees.
    locals = {} if locals is None else locals
    annotation = ''
    if return_type is not MISSING:
        locals['_return_type'] = return_type
        annotation = '->_return_type'
    lines = '\n'.join(f'  {b}' for b in body)
    inner = f' def {name}({",".join(args)}){annotation}:\n{lines}'
    text = f"def __create_fn__({', '.join(locals)}):\n{inner}\n return {name}"
    namespace = {}
    exec(text, globals, namespace)
    return namespace['__create_fn__'](**locals)


def _attribute_tuple(obj_name, fields):
    if not fields:
        return '()'
    return '(' + ','.join(f'{obj_name}.{f.name}' for f in fields) + ',)'


def _assignment(frozen, name, value, self_name):
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name},{name!r},{value})'
    return f'{self_name}.{name}={value}'


def _init_line(f, frozen, locals, self_name):
    """The `__init__` line that sets field `f`, or None; the defaults it
    reads go into `locals`."""
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        locals[default_name] = f.default_factory
        value = f'{default_name}()'
        if f.init:
            value += f' if {f.name} is _HAS_DEFAULT_FACTORY else {f.name}'
    elif f.init:
        if f.default is not MISSING:
            locals[default_name] = f.default
        value = f.name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _assignment(frozen, f.name, value, self_name)


def _init_parameter(f):
    if f.default is not MISSING:
        return f'{f.name}:_type_{f.name}=_dflt_{f.name}'
    if f.default_factory is not MISSING:
        return f'{f.name}:_type_{f.name}=_HAS_DEFAULT_FACTORY'
    return f'{f.name}:_type_{f.name}'


def _make_init(fields, positional, keyword, frozen, post_init, self_name, globals):
    has_default = False
    for f in positional:
        defaulted = f.default is not MISSING or f.default_factory is not MISSING
        if defaulted:
            has_default = True
        elif has_default:
            raise TypeError(f'non-default argument {f.name!r} '
                            'follows default argument')
    locals = {f'_type_{f.name}': f.type for f in fields}
    locals['MISSING'] = MISSING
    locals['_HAS_DEFAULT_FACTORY'] = _HAS_DEFAULT_FACTORY
    locals['__dataclass_builtins_object__'] = object
    body = [line for line in (_init_line(f, frozen, locals, self_name) for f in fields)
            if line]
    if post_init:
        init_vars = ','.join(f.name for f in fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.__post_init__({init_vars})')
    params = [self_name] + [_init_parameter(f) for f in positional]
    if keyword:
        params += ['*'] + [_init_parameter(f) for f in keyword]
    return _create_fn('__init__', params, body or ['pass'], locals=locals,
                      globals=globals, return_type=None)


def _guard_recursion(method):
    """A repr that shows `...` for an object already being shown."""
    active = set()

    def wrapper(self):
        key = id(self)
        if key in active:
            return '...'
        active.add(key)
        try:
            return method(self)
        finally:
            active.discard(key)
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    wrapper.__wrapped__ = method
    return wrapper


def _make_repr(fields, globals):
    shown = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    body = ['return self.__class__.__qualname__ + f"(' + shown + ')"']
    return _guard_recursion(_create_fn('__repr__', ('self',), body, globals=globals))


def _make_comparison(name, op, fields, globals):
    mine, theirs = _attribute_tuple('self', fields), _attribute_tuple('other', fields)
    body = ['if other.__class__ is self.__class__:',
            f' return {mine}{op}{theirs}',
            'return NotImplemented']
    return _create_fn(name, ('self', 'other'), body, globals=globals)


def _make_hash(fields, globals):
    return _create_fn('__hash__', ('self',),
                      [f'return hash({_attribute_tuple("self", fields)})'],
                      globals=globals)


def _make_frozen_guards(cls, fields, globals):
    locals = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    test = 'type(self) is cls'
    if fields:
        test += ' or name in {' + ', '.join(repr(f.name) for f in fields) + '}'
    setter = _create_fn('__setattr__', ('self', 'name', 'value'),
                        (f'if {test}:',
                         ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
                         'super(cls, self).__setattr__(name, value)'),
                        locals=locals, globals=globals)
    deleter = _create_fn('__delattr__', ('self', 'name'),
                         (f'if {test}:',
                          ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
                          'super(cls, self).__delattr__(name)'),
                         locals=locals, globals=globals)
    return setter, deleter


def _add_method(cls, name, fn):
    """Sets `fn` on the class unless the class defines `name` itself; true
    if it does."""
    if name in cls.__dict__:
        return True
    if isinstance(fn, type(_add_method)):
        fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
    setattr(cls, name, fn)
    return False


def _hash_decision(unsafe_hash, eq, frozen, explicit_hash):
    """What `__hash__` becomes: 'add' one over the fields, 'none' (the
    instances are unhashable), 'error', or None to leave it."""
    if unsafe_hash:
        return 'error' if explicit_hash else 'add'
    if explicit_hash or not eq:
        return None
    return 'add' if frozen else 'none'


def _signature_text(fields):
    # What inspect.signature(cls) shows, for the class's `__doc__`.
    params = []
    keyword_marked = False
    for f in fields:
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        if f.kw_only and not keyword_marked:
            params.append('*')
            keyword_marked = True
        text = f'{f.name}: {_annotation_text(f.type)}'
        if f.default is not MISSING:
            text += f' = {f.default!r}'
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        params.append(text)
    return '(' + ', '.join(params) + ')'


def _annotation_text(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == 'builtins':
            return annotation.__qualname__
        return f'{annotation.__module__}.{annotation.__qualname__}'
    return repr(annotation)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    for flag, what in ((slots, 'slots'), (weakref_slot, 'weakref_slot')):
        if flag:
            raise NotImplementedError(f'krait does not support dataclass({what}=True)')
    module = sys.modules.get(cls.__module__)
    globals = module.__dict__ if module is not None else {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    # Inherited fields first, the most basic class's first.
    all_fields = {}
    inherited = False
    frozen_base = False
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is None:
            continue
        inherited = True
        all_fields.update(base_fields)
        frozen_base = frozen_base or getattr(base, _PARAMS).frozen
    for f in _own_fields(cls, kw_only):
        all_fields[f.name] = f
        # A field() given as the class attribute leaves its default there.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    if inherited and frozen_base != bool(frozen):
        if frozen_base:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, all_fields)

    own_hash = cls.__dict__.get('__hash__', MISSING)
    explicit_hash = own_hash is not MISSING and not (
        own_hash is None and '__eq__' in cls.__dict__)
    if order and not eq:
        raise ValueError('eq must be true if order is true')

    in_init = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    positional = [f for f in in_init if f.init and not f.kw_only]
    keyword = [f for f in in_init if f.init and f.kw_only]
    if init:
        self_name = '__dataclass_self__' if 'self' in all_fields else 'self'
        _add_method(cls, '__init__',
                    _make_init(in_init, positional, keyword, frozen,
                               hasattr(cls, '__post_init__'), self_name, globals))

    real = [f for f in all_fields.values() if f._field_type is _FIELD]
    compared = [f for f in real if f.compare]
    if repr:
        _add_method(cls, '__repr__', _make_repr([f for f in real if f.repr], globals))
    if eq:
        _add_method(cls, '__eq__', _make_comparison('__eq__', '==', compared, globals))
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _add_method(cls, name, _make_comparison(name, op, compared, globals)):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')
    if frozen:
        for fn in _make_frozen_guards(cls, real, globals):
            if _add_method(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    decision = _hash_decision(bool(unsafe_hash), bool(eq), bool(frozen), explicit_hash)
    if decision == 'error':
        raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
    if decision == 'none':
        cls.__hash__ = None
    elif decision == 'add':
        hashed = [f for f in real if (f.compare if f.hash is None else f.hash)]
        fn = _make_hash(hashed, globals)
        fn.__qualname__ = f'{cls.__qualname__}.{fn.__name__}'
        cls.__hash__ = fn

    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + _signature_text(all_fields.values())
    if match_args:
        _add_method(cls, '__match_args__', tuple(f.name for f in positional))
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots, weakref_slot)
    return wrap if cls is None else wrap(cls)


# ---- working with instances -------------------------------------------------

def fields(class_or_instance):
    try:
        declared = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in declared.values() if f._field_type is _FIELD)


def _is_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    return hasattr(obj if isinstance(obj, type) else type(obj), _FIELDS)


def _converted(obj, factory, as_dict):
    """asdict/astuple's deep conversion: dataclasses become the factory's
    result, containers are rebuilt, anything else is deep-copied."""
    if _is_instance(obj):
        values = [_converted(getattr(obj, f.name), factory, as_dict) for f in fields(obj)]
        if as_dict:
            return factory([(f.name, v) for f, v in zip(fields(obj), values)])
        return factory(values)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_converted(v, factory, as_dict) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_converted(v, factory, as_dict) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_converted(k, factory, as_dict), _converted(v, factory, as_dict))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _converted(obj, dict_factory, True)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _converted(obj, tuple_factory, False)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False, module=None):
    body = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, body[item[0]] = item
        else:
            raise TypeError(f'Invalid field: {item!r}')
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if name in annotations:
            raise TypeError(f'Field name duplicated: {name!r}')
        annotations[name] = tp
    if len(bases) > 1:
        raise NotImplementedError('krait does not support multiple inheritance')
    body['__annotations__'] = annotations
    body['__module__'] = module or sys._getframe(1).f_globals.get('__name__', '__main__')
    cls = type(cls_name, bases, body)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
        elif f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
