//! Many problems on one line cost what they cost on many lines, and four
//! times the problems cost about four times as much: loading a TOML
//! document of unknown keys, drawing every diagnostic and writing each as
//! JSON (what the check program does), counted by callgrind.
//!
//! `cargo bench -p lowbit-bench --bench hostile` prints instructions per
//! load; with `-- --check` it fails when either ratio passes its bound. CI
//! runs that: instruction counts do not move with the machine's load, as
//! the times a test once compared did.

use lowbit_bench::callgrind;

/// The documents, and the loading and drawing, the test of the printed
/// bytes in `tests/hostile.rs` runs too.
#[path = "../../tests/support/unknown_keys.rs"]
mod unknown_keys;
use unknown_keys::{drawn, unknown_keys};

/// Unknown keys in the model's `quant` table, the first 500 of them.
const COUNT: usize = 500;
/// Each case: its name, how many keys, and whether all on one line.
const CASES: [(&str, usize, bool); 3] = [
    ("one_line", COUNT, true),
    ("one_line_4x", 4 * COUNT, true),
    ("a_line_each_4x", 4 * COUNT, false),
];
/// Bounds on the ratios, with room for a window of a long line being
/// wider than a short line; a cost quadratic in the keys passes both.
const MAX_LAYOUT: f64 = 2.0;
const MAX_GROWTH: f64 = 5.0;

fn child(case: &str, calls: u64) {
    let (_, count, inline) = CASES
        .into_iter()
        .find(|(name, ..)| *name == case)
        .unwrap_or_else(|| panic!("no case named {case}"));
    let source = unknown_keys(count, inline);
    for _ in 0..calls {
        assert!(std::hint::black_box(drawn(&source)) > 0);
    }
}

fn main() {
    if let Some((case, _, calls)) = callgrind::child_run() {
        child(&case, calls);
        return;
    }
    if !callgrind::measuring() {
        return;
    }
    let check = std::env::args().any(|arg| arg == "--check");
    println!("instructions per load and draw of unknown keys (callgrind):\n");
    println!("| case | keys | instructions |");
    println!("|---|---|---|");
    let mut counts = [f64::NAN; 3];
    for ((case, keys, _), count) in CASES.into_iter().zip(&mut counts) {
        *count = callgrind::per_call(case, "load", 1, 3).unwrap_or(f64::NAN);
        println!("| {case} | {keys} | {count:.0} |");
    }
    let [one_line, one_line_4x, a_line_each_4x] = counts;
    let layout = one_line_4x / a_line_each_4x;
    let growth = one_line_4x / one_line;
    println!("\none line against one a line: {layout:.2}x (bound {MAX_LAYOUT})");
    println!("four times the keys on one line: {growth:.2}x (bound {MAX_GROWTH})");
    // A NaN (a failed run) fails both comparisons, and so the check.
    if check && !(layout < MAX_LAYOUT && growth < MAX_GROWTH) {
        eprintln!("\nthe cost of problems is no longer linear whatever the layout");
        std::process::exit(1);
    }
}
