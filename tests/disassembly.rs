//! Snapshots of `krait dis` for small programs: the compiler's layout
//! (lines, jumps, exception tables) is what makes trace events match
//! CPython, so changes to it must be seen and reviewed.

use std::process::Command;

fn dis(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dis");
    let out = Command::new(env!("CARGO_BIN_EXE_krait"))
        .arg("dis")
        .arg(format!("{}.py", name))
        .current_dir(dir)
        .output()
        .expect("run krait dis");
    assert!(out.status.success(), "krait dis {} failed", name);
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn dis_functions() {
    insta::assert_snapshot!(dis("functions"));
}

#[test]
fn dis_control_flow() {
    insta::assert_snapshot!(dis("control"));
}

#[test]
fn dis_classes() {
    insta::assert_snapshot!(dis("classes"));
}
