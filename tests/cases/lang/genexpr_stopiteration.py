# Checks PEP 479: a StopIteration raised inside a genexpr becomes a RuntimeError caused by it; StopIteration.value and args.
def bad():
    g = (next(iter([])) for x in [1])
    try:
        list(g)
    except RuntimeError as e:
        print("RE", e, type(e.__cause__).__name__, e.__suppress_context__)
    print(StopIteration(1, 2).value, StopIteration().value, StopIteration(5).args, StopIteration(None, 3).value)
    it = iter([])
    try:
        next(it)
    except StopIteration as e:
        print(repr(e), e.value, e.args)
    g = (next(iter([])) for x in [1])
    for x in g:
        print(x)
bad()
