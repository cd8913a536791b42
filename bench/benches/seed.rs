//! The valid path against the seed's own code, as a user's caller has it:
//! the seed verbatim, compiled into this crate as the code it replaces
//! would be (`seed`), and the port (`bitnet-config`, a crate of its own)
//! called from here, counted by callgrind.
//!
//! `cargo bench -p lowbit-bench --bench seed` prints instructions per call
//! of the seed's `validate()`, the port's `validate()` and `is_valid()`, with
//! the loop's own instructions (the `loop` row) taken off each. With
//! `-- --check` it fails when the port costs more than the seed on a case:
//! CI runs that, since instruction counts do not move with the machine's
//! load.

use std::hint::black_box;

use bitnet_config::{LowBitQuantizationConfig, LowBitRhoConfig};
use lowbit_bench::{callgrind, cases};
use lowbit_core::Validate;

/// The system lowbit replaces, its code as it was, checks included. Kept
/// verbatim, so neither formatted nor linted here.
#[rustfmt::skip]
#[allow(unused, clippy::all, clippy::pedantic)]
#[path = "../seed/lowbit_config_seed.rs"]
mod seed;

const FEW: u64 = 1_000;
const MANY: u64 = 11_000;
const CASES: [&str; 2] = ["quant", "rho"];
/// `loop` runs the loop alone: its count is taken off the others.
const WAYS: [&str; 4] = ["loop", "seed", "validate", "is_valid"];

/// The same config in the seed's type, through its serde form, which both
/// types share.
fn to_seed<P: serde::Serialize, S: serde::de::DeserializeOwned>(port: &P) -> S {
    serde_json::from_value(serde_json::to_value(port).expect("the port serializes"))
        .expect("the seed reads the port's serde form")
}

/// Calls `check` `calls` times, telling the optimizer each verdict is
/// read. Each way gets its own copy of the loop, with its check inlined.
#[inline(never)]
fn repeat(calls: u64, check: impl Fn() -> bool) {
    for _ in 0..calls {
        black_box(check());
    }
}

/// Runs `way` on the port's config and the seed's: each result is dropped
/// as a caller drops it, after telling whether it passed.
fn run<P: Validate>(port: &P, seed_check: impl Fn() -> bool, way: &str, calls: u64) {
    match way {
        "loop" => repeat(calls, || true),
        "seed" => repeat(calls, seed_check),
        "validate" => repeat(calls, || black_box(port).validate().is_ok()),
        "is_valid" => repeat(calls, || black_box(port).is_valid()),
        _ => panic!("no way named {way}"),
    }
}

fn child(case: &str, way: &str, calls: u64) {
    match case {
        "quant" => {
            let port: LowBitQuantizationConfig = cases::quant_valid();
            let old: seed::LowBitQuantizationConfig = to_seed(&port);
            run(&port, || black_box(&old).validate().is_ok(), way, calls);
        }
        "rho" => {
            let port: LowBitRhoConfig = cases::rho_valid();
            let old: seed::LowBitRhoConfig = to_seed(&port);
            run(&port, || black_box(&old).validate().is_ok(), way, calls);
        }
        _ => panic!("no case named {case}"),
    }
}

fn main() {
    if let Some((case, way, calls)) = callgrind::child_run() {
        child(&case, &way, calls);
        return;
    }
    if !callgrind::measuring() {
        return;
    }
    let check = std::env::args().any(|arg| arg == "--check");
    println!("instructions per call on the valid path, the loop's taken off (callgrind):\n");
    println!("| case | seed `validate()` | lowbit `validate()` | lowbit `is_valid()` |");
    println!("|---|---|---|---|");
    let mut worse = Vec::new();
    for case in CASES {
        let counts: Vec<f64> = WAYS
            .iter()
            .map(|way| callgrind::per_call(case, way, FEW, MANY).unwrap_or(f64::NAN))
            .collect();
        let [empty, old, validate, is_valid] = counts[..] else {
            unreachable!("one count per way")
        };
        let (old, validate, is_valid) = (old - empty, validate - empty, is_valid - empty);
        println!(
            "| {case} | {old:.0} | {validate:.0} ({:.2}x) | {is_valid:.0} ({:.2}x) |",
            validate / old,
            is_valid / old
        );
        // Half an instruction of slack: the counts are averages of whole runs.
        for (way, count) in [("validate()", validate), ("is_valid()", is_valid)] {
            if count.is_nan() || old.is_nan() || count > old + 0.5 {
                worse.push(format!("{case}: lowbit's {way} takes {count:.1} instructions, the seed's validate() {old:.1}"));
            }
        }
    }
    if check && !worse.is_empty() {
        eprintln!(
            "\nthe valid path costs more than the seed's:\n{}",
            worse.join("\n")
        );
        std::process::exit(1);
    }
}
