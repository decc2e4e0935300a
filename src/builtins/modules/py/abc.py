"""krait's `abc`: abstract base classes by deriving from `ABC` (krait runs
no metaclasses, so `metaclass=ABCMeta` is refused by the compiler, and
virtual subclasses, `register`, are refused by name). A class's
`__abstractmethods__` is computed when it is made, and instantiating one
that has any is CPython's TypeError."""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """Deprecated: `classmethod` over an `abstractmethod` (krait cannot
    subclass classmethod, so this is one)."""
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    """Deprecated: `staticmethod` over an `abstractmethod`."""
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated: a property whose getter is abstract."""
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    # property, classmethod and staticmethod are abstract when what they
    # wrap is (CPython's descriptors say so themselves).
    for attr in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__mro__[1:]:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABCMeta:
    """Stands for CPython's metaclass: krait runs no metaclasses."""

    def __new__(cls, *args, **kwargs):
        raise NotImplementedError(
            "krait does not support ABCMeta (metaclasses); derive from abc.ABC")


class ABC:
    """Derive from it to make a class abstract."""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.__abstractmethods__ = frozenset()
        update_abstractmethods(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__dict__.get('__abstractmethods__', frozenset())
        if abstracts:
            names = sorted(abstracts)
            s = "s" if len(names) > 1 else ""
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} "
                            f"with abstract method{s} {', '.join(names)}")
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError(f"{cls.__name__}() takes no arguments")
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        raise NotImplementedError(
            "krait does not support ABC.register (virtual subclasses)")


ABC.__abstractmethods__ = frozenset()


def get_cache_token():
    return 0
