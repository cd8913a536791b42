//! Counting a benchmark's instructions with callgrind: the bench binary
//! runs itself as a child under `valgrind`, told by an environment
//! variable what to run and how many times.

use std::process::Command;

/// The variable that tells a child run what to do: `case way calls`.
const RUN: &str = "LOWBIT_CALLGRIND_RUN";

/// In a child run, what it was asked to run: the case, the way and the
/// number of calls. `None` in the parent.
///
/// # Panics
///
/// When the variable is not `case way calls`.
#[must_use]
pub fn child_run() -> Option<(String, String, u64)> {
    let run = std::env::var(RUN).ok()?;
    let mut parts = run.split(' ');
    let (Some(case), Some(way), Some(calls)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("{RUN} is `case way calls`, not {run:?}");
    };
    let calls = calls.parse().expect("a number of calls");
    Some((case.to_owned(), way.to_owned(), calls))
}

/// Whether this run should measure: `cargo bench` passes `--bench`; run
/// any other way (by `cargo test --benches`, say) a bench measures nothing.
/// Also false, with a word on stderr, when valgrind is missing.
#[must_use]
pub fn measuring() -> bool {
    if !std::env::args().any(|arg| arg == "--bench") {
        return false;
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("valgrind is not installed: no instruction counts");
        return false;
    }
    true
}

/// Instructions a child run of `way` on `case`, `calls` times, executed,
/// from callgrind's totals line.
#[must_use]
pub fn instructions(case: &str, way: &str, calls: u64) -> Option<u64> {
    let out = std::env::temp_dir().join(format!("lowbit-callgrind-{}.out", std::process::id()));
    let status = Command::new("valgrind")
        .args(["--tool=callgrind", "--quiet"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(std::env::current_exe().ok()?)
        .env(RUN, format!("{case} {way} {calls}"))
        // anyhow's default: no backtrace captured with each error.
        .env("RUST_LIB_BACKTRACE", "0")
        .status()
        .ok()?;
    let text = std::fs::read_to_string(&out).ok()?;
    let _ = std::fs::remove_file(&out);
    if !status.success() {
        return None;
    }
    text.lines()
        .find_map(|line| line.strip_prefix("totals:"))
        .and_then(|n| n.trim().parse().ok())
}

/// The instructions of one call of `way` on `case`: two runs, of `few` and
/// `many` calls, differenced, so that start-up and set-up cancel out.
#[must_use]
pub fn per_call(case: &str, way: &str, few: u64, many: u64) -> Option<f64> {
    let (few_count, many_count) = (
        instructions(case, way, few)?,
        instructions(case, way, many)?,
    );
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    Some((many_count - few_count) as f64 / (many - few) as f64)
}
