# Checks try/except/else/finally control flow: which blocks run, finally on return/break/continue, nested handlers, bare raise, exception variable scope.
def flow(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "key":
            raise KeyError("k")
        if kind == "zero":
            1 / 0
    except ValueError as e:
        log.append("except ValueError %s" % e)
    except (KeyError, IndexError) as e:
        log.append("except tuple %r" % e)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key"]:
    print(k, flow(k))
try:
    flow("zero")
except ZeroDivisionError as e:
    print("escaped:", e)
def finally_return():
    try:
        return "from try"
    finally:
        print("  finally runs before return")
print(finally_return())
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())
def reraise():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            print("  handling, then re-raising")
            raise
    except TypeError as e:
        return "outer caught " + str(e)
print(reraise())
def nested():
    try:
        try:
            raise ValueError("first")
        finally:
            print("  inner finally")
    except ValueError as e:
        print("  outer except", e)
    try:
        try:
            raise ValueError("a")
        except ValueError:
            raise KeyError("b")
    except KeyError as e:
        print("  replaced:", repr(e), "context:", repr(e.__context__))
nested()
e = "before"
try:
    raise RuntimeError("x")
except RuntimeError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError", err)
def catch_all():
    try:
        [][1]
    except Exception as ex:
        return type(ex).__name__ + ": " + str(ex)
print(catch_all())
def base_catch():
    try:
        raise KeyboardInterrupt
    except Exception:
        return "Exception caught it"
    except BaseException as be:
        return "BaseException caught " + type(be).__name__
print(base_catch())
try:
    try:
        raise IndexError("deep")
    except KeyError:
        print("wrong handler")
    finally:
        print("finally while propagating")
except LookupError as e:
    print("LookupError handler got", type(e).__name__, e)
def bare():
    try:
        raise
    except RuntimeError as e:
        return "RuntimeError: " + str(e)
print(bare())
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ValueError(count)
        break
    except ValueError as e:
        print("retry after", e)
print("count", count)
