//! Instructions per `validate()`, counted by callgrind: a supplement to the
//! timings that a loaded machine does not disturb.
//!
//! `cargo bench -p lowbit-bench --bench instructions` runs itself under
//! `valgrind --tool=callgrind` twice per case and way, with 1 000 and
//! 11 000 calls, and prints the difference divided by 10 000: the cost of
//! one call, with start-up and set-up cancelled out.
//!
//! With `-- --check` it fails when lowbit's `validate()` of a broken config
//! costs more than [`INVALID_BOUND`] times `hand_all`'s, hand-written code
//! that reports every violation with its path (issue 15's bound; CI runs
//! it so).

use std::collections::HashMap;

use lowbit_bench::callgrind;
use lowbit_bench::ways::{Subject, Visit, WAYS, each_case};

const FEW: u64 = 1_000;
const MANY: u64 = 11_000;

/// The most a broken config may cost lowbit, in `hand_all`'s instructions.
const INVALID_BOUND: f64 = 1.5;

/// In a child: runs `way` on `case` `calls` times.
struct Run<'a> {
    case: &'a str,
    way: &'a str,
    calls: u64,
}

impl Visit for Run<'_> {
    fn case<S: Subject>(&mut self, name: &'static str, subject: &S) {
        if name != self.case {
            return;
        }
        let check = S::by_name(self.way);
        for _ in 0..self.calls {
            std::hint::black_box(check(subject));
        }
    }
}

/// Lists the cases' names, in table order.
struct Names(Vec<&'static str>);

impl Visit for Names {
    fn case<S: Subject>(&mut self, name: &'static str, _: &S) {
        self.0.push(name);
    }
}

fn main() {
    if let Some((case, way, calls)) = callgrind::child_run() {
        each_case(&mut Run {
            case: &case,
            way: &way,
            calls,
        });
        return;
    }
    if !callgrind::measuring() {
        return;
    }
    let check = std::env::args().any(|arg| arg == "--check");
    let mut over = Vec::new();
    let mut names = Names(Vec::new());
    each_case(&mut names);
    println!("instructions per validate(), and ratio to hand_all (callgrind):\n");
    println!("| case | {} |", WAYS.join(" | "));
    println!("|---|{}", "---|".repeat(WAYS.len()));
    for case in names.0 {
        let mut per_call = HashMap::new();
        for way in WAYS {
            let Some(count) = callgrind::per_call(case, way, FEW, MANY) else {
                eprintln!("callgrind failed on {case} {way}");
                continue;
            };
            per_call.insert(way, count);
        }
        let base = per_call.get("hand_all").copied().unwrap_or(f64::NAN);
        let cells: Vec<String> = WAYS
            .iter()
            .map(|way| match per_call.get(way) {
                Some(n) => format!("{n:.0} ({:.2}x)", n / base),
                None => "—".to_owned(),
            })
            .collect();
        println!("| {case} | {} |", cells.join(" | "));
        if case.starts_with("invalid/") {
            let ratio = per_call.get("lowbit").copied().unwrap_or(f64::NAN) / base;
            // A failed count is a failure too.
            if ratio.is_nan() || ratio > INVALID_BOUND {
                over.push(format!("{case}: {ratio:.2}x hand_all"));
            }
        }
    }
    if check && !over.is_empty() {
        eprintln!(
            "\nlowbit's broken configs cost more than {INVALID_BOUND}x hand_all:\n{}",
            over.join("\n")
        );
        std::process::exit(1);
    }
}
