//! Ctrl-C (SIGINT) raises `KeyboardInterrupt` in the script, whose `except`
//! and `finally` blocks run; uncaught, krait dies by SIGINT as CPython does.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

const PROGRAM: &str = "\
import sys
try:
    print('ready', flush=True)
    while True:
        pass
except KeyboardInterrupt:
    print('caught')
finally:
    print('finally', flush=True)
while True:
    pass
";

/// Sends SIGINT once the program says it is in its loop (no timing involved).
fn interrupt_when(child: &mut std::process::Child, line: &str) -> String {
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut got = String::new();
    out.read_line(&mut got).expect("read");
    assert_eq!(got.trim(), line);
    let pid = child.id().to_string();
    Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    let mut rest = String::new();
    out.read_line(&mut rest).expect("read");
    out.read_line(&mut rest).expect("read");
    Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    out.read_to_string(&mut rest).expect("read");
    rest
}

#[test]
fn sigint_raises_keyboard_interrupt() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .args(["-c", PROGRAM])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn krait");
    let rest = interrupt_when(&mut child, "ready");
    let status = child.wait().expect("wait");
    assert_eq!(rest, "caught\nfinally\n");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    assert!(err.trim_end().ends_with("KeyboardInterrupt"), "{err}");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(status.signal(), Some(2), "dies by SIGINT as CPython");
}

/// A loop inside a built-in (no backward jump of krait code to check at)
/// stops too: `sum` over a range far too long to finish.
#[test]
fn sigint_stops_a_native_loop() {
    for program in [
        "print('ready', flush=True)\nprint(sum(range(10**15)))\n",
        "print('ready', flush=True)\nprint(max(range(10**15)))\n",
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
            .args(["-c", program])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn krait");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut got = String::new();
        out.read_line(&mut got).expect("read");
        assert_eq!(got.trim(), "ready");
        let pid = child.id().to_string();
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill");
        let status = child.wait().expect("wait");
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("read");
        assert!(err.trim_end().ends_with("KeyboardInterrupt"), "{err}");
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(status.signal(), Some(2), "dies by SIGINT as CPython");
    }
}
