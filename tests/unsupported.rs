//! Where krait does not support something CPython does, it says so: an error
//! naming the construct, never a silently different program. (CPython cannot
//! record these: it runs them.)

use std::process::Command;

/// The last stderr line and the exit status of `krait -c src`.
fn run(src: &str) -> (String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-c", src])
        .output()
        .expect("run krait");
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    (last.trim().to_string(), out.status.code())
}

#[test]
fn special_methods_krait_does_not_run_are_refused_by_name() {
    for (src, name) in [
        ("class A:\n    def __del__(self): print('del')\n", "__del__"),
        (
            "class E(Exception):\n    def __new__(cls): pass\n",
            "__new__",
        ),
        (
            "class A:\n    pass\nA.__del__ = lambda self: None\n",
            "__del__",
        ),
        (
            "A = type('A', (), {'__del__': lambda self: None})\n",
            "__del__",
        ),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("TypeError: krait does not support") && last.contains(name),
            "{src:?}: {last}"
        );
    }
}

#[test]
fn assigning_class_is_refused_by_name() {
    let (last, code) = run("class A:\n    pass\nclass B:\n    pass\nA().__class__ = B\n");
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "TypeError: krait does not support assigning to __class__"
    );
}

#[test]
fn stdlib_parts_krait_does_not_have_are_refused_by_name() {
    for (src, name) in [
        ("import random\nrandom.Random(5)\n", "random.Random"),
        (
            "import random\nrandom.betavariate(1, 2)\n",
            "random.betavariate",
        ),
        ("import random\nrandom.getstate()\n", "random.getstate"),
        (
            "import random\nrandom.seed('x', version=3)\n",
            "seeding random with a str",
        ),
        ("import string\nstring.Template('$a')\n", "string.Template"),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("NotImplementedError: krait does not support") && last.contains(name),
            "{src:?}: {last}"
        );
    }
}

#[test]
fn json_files_classes_and_hooks_are_refused_by_name() {
    for (src, name) in [
        ("import json\njson.dump(1, None)\n", "json.dump "),
        ("import json\njson.load(None)\n", "json.load "),
        (
            "import json\njson.dumps(1, cls=dict)\n",
            "json.dumps(cls=...)",
        ),
        (
            "import json\njson.loads('1', object_hook=dict)\n",
            "json.loads(object_hook=...)",
        ),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("NotImplementedError: ")
                && last.contains(name)
                && last.ends_with("not supported by krait"),
            "{src:?}: {last}"
        );
    }
}

#[test]
fn reentering_an_itertools_iterator_is_refused_by_name() {
    let src = "import itertools\ndef k(x):\n    return next(g)\ng = itertools.groupby([1, 2], k)\nnext(g)\n";
    let (last, code) = run(src);
    assert_eq!(code, Some(1));
    assert_eq!(
        last,
        "RuntimeError: re-entering a running itertools.groupby iterator is not supported by krait"
    );
}

#[test]
fn collections_parts_krait_lacks_are_refused_by_name() {
    for (src, name) in [
        ("import collections.abc\n", "collections.abc"),
        ("from collections.abc import Mapping\n", "collections.abc"),
        (
            "from collections import UserDict\nUserDict()\n",
            "collections.UserDict",
        ),
        (
            "import collections\ncollections.UserList([1])\n",
            "collections.UserList",
        ),
        (
            "import collections\nclass S(collections.UserString):\n    pass\n",
            "collections.UserString",
        ),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert_eq!(
            last,
            format!("NotImplementedError: krait does not support {name}"),
            "{src:?}"
        );
    }
}

#[test]
fn copying_what_needs_pickling_protocols_is_refused_by_name() {
    for src in [
        "import copy\nclass L(list):\n    pass\ncopy.copy(L([1]))\n",
        "import copy\nclass A:\n    def __reduce__(self): return (A, ())\ncopy.deepcopy(A())\n",
        "import copy\nclass A:\n    def __getstate__(self): return {}\ncopy.copy(A())\n",
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("NotImplementedError: krait does not support copying"),
            "{src:?}: {last}"
        );
    }
}

#[test]
fn re_constructs_the_engine_lacks_are_refused_by_name() {
    for (src, name) in [
        (r"import re; re.compile(r'(a)\1')", "backreferences"),
        (
            r"import re; re.compile(r'(?P<x>a)(?P=x)')",
            "backreferences",
        ),
        (r"import re; re.search(r'a(?=b)', 'ab')", "lookahead"),
        (
            r"import re; re.search(r'a(?!b)', 'ab')",
            "negative lookahead",
        ),
        (r"import re; re.search(r'(?<=a)b', 'ab')", "lookbehind"),
        (
            r"import re; re.search(r'(?<!a)b', 'ab')",
            "negative lookbehind",
        ),
        (
            r"import re; re.search(r'(a)?(?(1)b|c)', 'ab')",
            "conditional",
        ),
        (r"import re; re.search(r'(?>a+)b', 'ab')", "atomic"),
        (r"import re; re.search(r'a++b', 'ab')", "possessive"),
        (
            r"import re; re.findall(r'|a', 'a')",
            "preferred match is empty",
        ),
        (
            r"import re; re.findall(r'a??', 'a')",
            "preferred match is empty",
        ),
        (
            r"import re; re.findall(r'x$', 'x\nx\n')",
            "'$' without MULTILINE",
        ),
        (r"import re; re.compile('a', re.DEBUG)", "re.DEBUG"),
        (r"import re; re.match('(a*)*', 'b')", "can match empty"),
        (r"import re; re.match('(a|)+', 'aab')", "can match empty"),
        (r"import re; re.findall(r'\b\w', 'a\u0301b')", "\\b or \\B"),
        (
            r"import re; re.compile('(a|)').match('abc', 2, 1)",
            "pos after endpos",
        ),
        (r"import re; re.template('a')", "re.template"),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("NotImplementedError: krait does not support") && last.contains(name),
            "{src:?}: {last}"
        );
    }
}

#[test]
fn typing_features_krait_cannot_run_are_refused_by_name() {
    for (src, name) in [
        (
            "from typing import NamedTuple\nclass P(NamedTuple):\n    x: int\n",
            "typing.NamedTuple",
        ),
        (
            "from typing import Protocol, runtime_checkable\n@runtime_checkable\nclass P(Protocol):\n    pass\n",
            "runtime_checkable",
        ),
        ("import abc\nabc.ABCMeta('A', (), {})\n", "ABCMeta"),
        ("import abc\nclass A(abc.ABC):\n    pass\nA.register(int)\n", "register"),
        (
            "import dataclasses\n@dataclasses.dataclass(slots=True)\nclass A:\n    x: int\n",
            "slots=True",
        ),
    ] {
        let (last, code) = run(src);
        assert_eq!(code, Some(1), "{src:?}: {last}");
        assert!(
            last.starts_with("NotImplementedError: krait does not support") && last.contains(name),
            "{src:?}: {last}"
        );
    }
}
