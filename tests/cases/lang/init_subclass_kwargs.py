# Checks class keyword arguments reaching __init_subclass__ (a plugin
# registry), their evaluation order and errors, and type() with keywords.
registry = {}


def note(label, value):
    print("evaluating", label)
    return value


class Plugin:
    def __init_subclass__(cls, name=None, priority=0, **rest):
        super().__init_subclass__(**rest)
        registry[name or cls.__name__] = (priority, cls.__qualname__)


class Alpha(Plugin, name=note("name", "alpha"), priority=note("priority", 2)):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, priority=5):
    pass


print(sorted(registry.items()))
Delta = type("Delta", (Plugin,), {}, name="delta", priority=9)
print(registry["delta"])

for src in ["class A(tag=1): pass",
            "class B(Plugin, unknown=1): pass",
            "class C:\n    def __init_subclass__(cls, tag): pass\nclass D(C): pass",
            "type('E', (), {}, tag=1)"]:
    try:
        exec(src, {"Plugin": Plugin})
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
