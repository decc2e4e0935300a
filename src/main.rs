//! The `krait` command line (`krait::cli`).

use std::process::ExitCode;

// Small blocks from per-thread free lists (see src/alloc.rs).
#[global_allocator]
static ALLOC: krait::SmallAlloc = krait::SmallAlloc;

fn main() -> ExitCode {
    krait::cli::main()
}
