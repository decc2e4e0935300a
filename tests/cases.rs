//! The `.py` cases under `tests/cases/<folder>/`, run by the `krait` binary and
//! compared with what CPython 3.11 did (recorded by `scripts/record_cases.py`).
//!
//! Each case `X.py` has `X.out` (expected stdout) and `X.exit` (exit status,
//! then, when it is not 0, the last non-blank stderr line, stripped): the
//! format of `shared/tools/conform`. krait runs `X.py` with the case's folder
//! as working directory and stdin closed; the folder's absolute path followed
//! by `/` is cut from stdout and stderr. One `#[test]` per folder runs all of
//! its cases and fails with the list of failing cases and a short diff each.
//!
//! Environment: `KRAIT_CASES=substr` keeps only cases whose `folder/X.py`
//! contains `substr`; `KRAIT_CASE_TIMEOUT=secs` changes the per-case timeout
//! (default 60 s, a hang detector; a case still running then is killed and fails).

use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const DIFF_LINES: usize = 30;

fn cases_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("cases")
}

/// Only a real hang reaches this (cases take well under a second): no
/// verdict may depend on how loaded the machine is.
fn timeout() -> Duration {
    let secs = std::env::var("KRAIT_CASE_TIMEOUT")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(60.0);
    Duration::from_secs_f64(secs)
}

/// What one run produced, already in the recorded format.
struct Outcome {
    stdout: String,
    exit: String,
}

fn read_pipe<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    })
}

fn wait_with_timeout(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) => {}
            Err(_) => return None,
        }
        if start.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        thread::sleep(Duration::from_millis(5));
    }
}

fn exit_code(status: std::process::ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    // Killed by a signal: report it as Python's subprocess does (negative).
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return -sig;
        }
    }
    -1
}

fn run_case(dir: &Path, name: &str, limit: Duration) -> Result<Outcome, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_krait"))
        .arg(name)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start krait: {e}"))?;
    let out = read_pipe(child.stdout.take());
    let err = read_pipe(child.stderr.take());
    let status = match wait_with_timeout(&mut child, limit) {
        Some(s) => s,
        // The reader threads are left behind: a process the killed one
        // started may still hold the pipes open.
        None => return Err(format!("timed out after {:?} (killed)", limit)),
    };
    let out = out.join().unwrap_or_default();
    let err = err.join().unwrap_or_default();
    let here = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
    let stdout = String::from_utf8_lossy(&out).replace(&here, "");
    let stderr = String::from_utf8_lossy(&err).replace(&here, "");
    let code = exit_code(status);
    let mut exit = format!("{code}\n");
    if code != 0 {
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .trim();
        exit.push_str(last);
        exit.push('\n');
    }
    Ok(Outcome { stdout, exit })
}

/// A short line diff of `want` (CPython) against `got` (krait): the common
/// head and tail are dropped, the middle is diffed by longest common
/// subsequence when small enough, and the result is cut to `DIFF_LINES`.
fn short_diff(want: &str, got: &str) -> String {
    let a: Vec<&str> = want.lines().collect();
    let b: Vec<&str> = got.lines().collect();
    let mut head = 0;
    while head < a.len() && head < b.len() && a[head] == b[head] {
        head += 1;
    }
    let mut tail = 0;
    while tail < a.len() - head
        && tail < b.len() - head
        && a[a.len() - 1 - tail] == b[b.len() - 1 - tail]
    {
        tail += 1;
    }
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut lines = vec![format!("@@ first difference at line {} @@", head + 1)];
    if head > 0 {
        lines.push(format!("  {}", a[head - 1]));
    }
    if ma.len() * mb.len() <= 4_000_000 {
        // lcs[i][j] = length of the LCS of ma[i..] and mb[j..].
        let w = mb.len() + 1;
        let mut lcs = vec![0u32; (ma.len() + 1) * w];
        for i in (0..ma.len()).rev() {
            for j in (0..mb.len()).rev() {
                lcs[i * w + j] = if ma[i] == mb[j] {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < ma.len() || j < mb.len() {
            if i < ma.len() && j < mb.len() && ma[i] == mb[j] {
                lines.push(format!("  {}", ma[i]));
                i += 1;
                j += 1;
            } else if i < ma.len() && (j == mb.len() || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
            {
                lines.push(format!("- {}", ma[i]));
                i += 1;
            } else {
                lines.push(format!("+ {}", mb[j]));
                j += 1;
            }
        }
    } else {
        lines.extend(ma.iter().take(DIFF_LINES).map(|l| format!("- {l}")));
        lines.extend(mb.iter().take(DIFF_LINES).map(|l| format!("+ {l}")));
    }
    if tail > 0 {
        lines.push(format!("  {}", a[a.len() - tail]));
    }
    if want.ends_with('\n') != got.ends_with('\n') {
        lines.push("(the final newline differs)".to_string());
    }
    let total = lines.len();
    let mut text = String::new();
    for l in lines.iter().take(DIFF_LINES) {
        let _ = writeln!(text, "      {l}");
    }
    if total > DIFF_LINES {
        let _ = writeln!(text, "      ... ({} more diff lines)", total - DIFF_LINES);
    }
    text
}

/// The cases of a folder listed in its `KNOWN_OPEN` file (one file name per
/// line, `#` comments): known bugs not fixed yet. They run and must still
/// fail (one that passes must leave the list), but do not fail the test.
fn known_open(dir: &Path) -> Vec<String> {
    fs::read_to_string(dir.join("KNOWN_OPEN"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn run_folder(folder: &str) {
    let dir = cases_root().join(folder);
    let filter = std::env::var("KRAIT_CASES").unwrap_or_default();
    let limit = timeout();
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no cases in {}", dir.display());

    let open = known_open(&dir);
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut still_open = Vec::new();
    for name in &names {
        let label = format!("{folder}/{name}");
        if !filter.is_empty() && !label.contains(&filter) {
            continue;
        }
        let stem = &name[..name.len() - 3];
        let want_out = fs::read_to_string(dir.join(format!("{stem}.out")));
        let want_exit = fs::read_to_string(dir.join(format!("{stem}.exit")));
        let (want_out, want_exit) = match (want_out, want_exit) {
            (Ok(o), Ok(e)) => (o, e),
            _ => {
                failures.push(format!(
                    "{label}: no recorded .out/.exit (run scripts/record_cases.py)\n"
                ));
                continue;
            }
        };
        let got = match run_case(&dir, name, limit) {
            Ok(got) => got,
            Err(why) => {
                failures.push(format!("{label}: {why}\n"));
                continue;
            }
        };
        let is_open = open.iter().any(|o| o == name);
        if got.stdout == want_out && got.exit == want_exit {
            if is_open {
                failures.push(format!(
                    "{label}: passes now: take it out of {folder}/KNOWN_OPEN\n"
                ));
            } else {
                passed += 1;
            }
            continue;
        }
        if is_open {
            still_open.push(label);
            continue;
        }
        let mut report = format!("{label}:");
        if got.stdout != want_out {
            report.push_str(" stdout differs;");
        }
        if got.exit != want_exit {
            let _ = write!(
                report,
                " exit/error differs: want {:?} got {:?};",
                want_exit.trim_end(),
                got.exit.trim_end()
            );
        }
        report.push('\n');
        if got.stdout != want_out {
            report.push_str("    stdout diff (- cpython, + krait):\n");
            report.push_str(&short_diff(&want_out, &got.stdout));
        }
        failures.push(report);
    }
    eprintln!(
        "cases {folder}: {passed} passed, {} failed, {} known open (KNOWN_OPEN): {}",
        failures.len(),
        still_open.len(),
        still_open.join(" ")
    );
    if !failures.is_empty() {
        panic!(
            "{} of {} cases in tests/cases/{folder} failed:\n{}",
            failures.len(),
            failures.len() + passed,
            failures.join("")
        );
    }
}

#[test]
fn lang() {
    run_folder("lang");
}

#[test]
fn err() {
    run_folder("err");
}

#[test]
fn trace() {
    run_folder("trace");
}

#[test]
fn cpython_settrace() {
    run_folder("cpython_settrace");
}

#[test]
fn cpython_setprofile() {
    run_folder("cpython_setprofile");
}

#[test]
fn examples() {
    run_folder("examples");
}

#[test]
fn found() {
    run_folder("found");
}
