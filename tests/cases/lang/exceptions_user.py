# Checks user exception classes: hierarchies, custom __init__/__str__, args, raise X from Y (__cause__), except ordering, str/repr of exceptions.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason="missing"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason
    def __str__(self):
        return "config key %r is %s" % (self.key, self.reason)
class RetryableError(AppError):
    attempts = 3
def load(key):
    if key == "bad":
        raise ConfigError(key, "malformed")
    if key == "none":
        raise ConfigError(key)
    if key == "retry":
        raise RetryableError("try again", 42)
    return key.upper()
for key in ["ok", "bad", "none", "retry"]:
    try:
        print("loaded", load(key))
    except ConfigError as e:
        print("ConfigError:", e, "|", repr(e.key), e.reason, e.args, isinstance(e, AppError))
    except AppError as e:
        print(type(e).__name__ + ":", e, e.args, e.attempts)
for exc in [Exception(), Exception("one"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError("k", "v"), AppError("x")]:
    print(repr(exc), "|", str(exc), "|", exc.args)
def wrap():
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("lookup failed") from e
try:
    wrap()
except AppError as e:
    print("caught", e, "cause:", repr(e.__cause__), "suppress:", e.__suppress_context__)
try:
    try:
        raise ValueError("original")
    except ValueError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print("context:", repr(e.__context__), "cause:", e.__cause__)
try:
    raise AppError("no cause") from None
except AppError as e:
    print(e, e.__cause__, e.__suppress_context__)
print(issubclass(ConfigError, Exception), issubclass(ZeroDivisionError, ArithmeticError),
      issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(RecursionError, RuntimeError),
      issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError),
      issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException), issubclass(StopIteration, Exception),
      issubclass(AssertionError, Exception), issubclass(TypeError, ValueError), issubclass(AttributeError, Exception))
for cls in [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, NameError, AttributeError, RuntimeError]:
    try:
        raise cls("raised by class")
    except Exception as e:
        print(cls.__name__, type(e) is cls, e)
try:
    raise ValueError
except ValueError as e:
    print("bare class raise:", repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
class Custom(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise Custom(404)
except Custom as e:
    print(e.code, e.args, str(e), repr(e))
errors = []
for v in ["1", "x", "2", None]:
    try:
        errors.append(int(v))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)
