//! A host decides whether scripts may import files: an embedded
//! interpreter reads none unless the host allows it, and then only along
//! the `sys.path` the host set.

use krait::{Error, Interpreter};

/// The folder of the import cases' package (`tests/cases/lang/importdemo`).
fn cases_dir() -> String {
    format!("{}/tests/cases/lang", env!("CARGO_MANIFEST_DIR"))
}

fn summary(r: Result<(), Error>) -> String {
    match r {
        Ok(()) => "ok".into(),
        Err(Error::Exception(e)) => e.summary,
        Err(other) => format!("{other:?}"),
    }
}

#[test]
fn file_imports_are_off_by_default() {
    let mut interp = Interpreter::new();
    // Even with the folder on sys.path, nothing is read.
    interp.set_sys_path(vec![cases_dir()]);
    let r = interp.run_source("host.py", "import importdemo\n");
    assert_eq!(
        summary(r),
        "ModuleNotFoundError: No module named 'importdemo'"
    );
    // Built-in modules import as ever.
    let r = interp.run_source("host.py", "import math\nassert math.sqrt(4) == 2.0\n");
    assert_eq!(summary(r), "ok");
}

#[test]
fn allowed_file_imports_follow_sys_path() {
    let mut interp = Interpreter::new();
    interp.allow_file_imports(true);
    let r = interp.run_source("host.py", "import importdemo\n");
    assert_eq!(
        summary(r),
        "ModuleNotFoundError: No module named 'importdemo'"
    );
    interp.set_sys_path(vec![cases_dir()]);
    let src = "import importdemo.helper as h\nassert h.bump(2) == 2\nassert h.sibling.shout('a') == 'A!'\n";
    assert_eq!(summary(interp.run_source("host.py", src)), "ok");
}

/// A bare directory named like a library module is a namespace package only
/// when no module of that name exists anywhere: CPython finds its library's
/// `json` (later on `sys.path`) before it settles for the directory.
#[test]
fn a_bare_directory_does_not_shadow_library_modules() {
    let dir = std::env::temp_dir().join(format!("krait-ns-{}", std::process::id()));
    for sub in ["json", "re", "typing", "mypkg"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let mut interp = Interpreter::new();
    interp.allow_file_imports(true);
    interp.set_sys_path(vec![dir.to_string_lossy().into_owned()]);
    let src = "import json, re, typing, mypkg\n\
               assert json.dumps([1]) == '[1]'\n\
               assert re.compile('a').match('a')\n\
               assert typing.List[int] is not None\n\
               assert list(mypkg.__path__)\n";
    let r = summary(interp.run_source("host.py", src));
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(r, "ok");
}
