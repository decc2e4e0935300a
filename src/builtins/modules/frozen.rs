//! Modules of the standard library that CPython writes in Python and krait
//! writes in Python too (`py/`): compiled from the source kept in the
//! binary when first imported, then run as a file's module would be
//! (`vm/import.rs`). Their frames are `<frozen NAME>` frames: a trace
//! function sees them as it sees CPython's library files, and what they
//! generate with `exec` (a dataclass's `__init__`) runs in `<string>`
//! frames as in CPython.

/// A module written in Python, kept in the binary.
pub struct FrozenModule {
    /// Its source text.
    pub source: &'static str,
    /// Whether it is a package (its submodules are frozen too).
    pub package: bool,
}

const fn module(source: &'static str) -> FrozenModule {
    FrozenModule {
        source,
        package: false,
    }
}

/// Every frozen module, by full name.
static FROZEN: &[(&str, FrozenModule)] = &[
    ("types", module(include_str!("py/types.py"))),
    ("dataclasses", module(include_str!("py/dataclasses.py"))),
    ("typing", module(include_str!("py/typing.py"))),
    ("__future__", module(include_str!("py/__future__.py"))),
    ("copy", module(include_str!("py/copy.py"))),
    ("abc", module(include_str!("py/abc.py"))),
    ("heapq", module(include_str!("py/heapq.py"))),
    // `Counter`, `namedtuple` and `ChainMap`; `deque`, `defaultdict` and
    // `OrderedDict` come from the native `_collections`.
    (
        "collections",
        FrozenModule {
            source: include_str!("py/collections/__init__.py"),
            package: true,
        },
    ),
    // Refused by name when imported.
    (
        "collections.abc",
        module(include_str!("py/collections/abc.py")),
    ),
];

/// The frozen module `name`, if krait has one.
pub fn frozen_module(name: &str) -> Option<&'static FrozenModule> {
    FROZEN.iter().find(|(n, _)| *n == name).map(|(_, m)| m)
}
