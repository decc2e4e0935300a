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

/// Every frozen module, by full name.
static FROZEN: &[(&str, FrozenModule)] = &[
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
        FrozenModule {
            source: include_str!("py/collections/abc.py"),
            package: false,
        },
    ),
];

/// The frozen module `name`, if krait has one.
pub fn frozen_module(name: &str) -> Option<&'static FrozenModule> {
    FROZEN.iter().find(|(n, _)| *n == name).map(|(_, m)| m)
}
