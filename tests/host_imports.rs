//! A host decides whether scripts may import files: an embedded
//! interpreter reads none unless the host allows it, and then only along
//! the `sys.path` the host set.

use krait::{Interpreter, RunError};

/// The folder of the import cases' package (`tests/cases/lang/importdemo`).
fn cases_dir() -> String {
    format!("{}/tests/cases/lang", env!("CARGO_MANIFEST_DIR"))
}

fn summary(r: Result<krait::value::Value, RunError>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(RunError::Exception { summary, .. }) => summary,
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
