//! Instructions per `validate()`, counted by callgrind: a supplement to the
//! timings that a loaded machine does not disturb.
//!
//! `cargo bench -p lowbit-bench --bench instructions` runs itself under
//! `valgrind --tool=callgrind` twice per case and way, with 1 000 and
//! 11 000 calls, and prints the difference divided by 10 000: the cost of
//! one call, with start-up and set-up cancelled out.

use std::collections::HashMap;
use std::process::Command;

use lowbit_bench::ways::{Subject, Visit, WAYS, each_case};

const FEW: u64 = 1_000;
const MANY: u64 = 11_000;

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

/// Instructions a child run executed, from callgrind's totals line.
fn instructions(case: &str, way: &str, calls: u64) -> Option<u64> {
    let out = std::env::temp_dir().join(format!("lowbit-callgrind-{}.out", std::process::id()));
    let status = Command::new("valgrind")
        .args(["--tool=callgrind", "--quiet"])
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(std::env::current_exe().ok()?)
        .env("LOWBIT_CALLGRIND_RUN", format!("{case} {way} {calls}"))
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

fn main() {
    if let Ok(run) = std::env::var("LOWBIT_CALLGRIND_RUN") {
        let mut parts = run.split(' ');
        let (Some(case), Some(way), Some(calls)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("LOWBIT_CALLGRIND_RUN is `case way calls`, not {run:?}");
        };
        let calls = calls.parse().expect("a number of calls");
        each_case(&mut Run { case, way, calls });
        return;
    }
    // Only `cargo bench` passes `--bench`; run any other way (by
    // `cargo test --benches`, say) this measures nothing.
    if !std::env::args().any(|arg| arg == "--bench") {
        return;
    }
    if Command::new("valgrind").arg("--version").output().is_err() {
        eprintln!("valgrind is not installed: no instruction counts");
        return;
    }
    let mut names = Names(Vec::new());
    each_case(&mut names);
    println!("instructions per validate(), and ratio to hand_all (callgrind):\n");
    println!("| case | {} |", WAYS.join(" | "));
    println!("|---|{}", "---|".repeat(WAYS.len()));
    for case in names.0 {
        let mut per_call = HashMap::new();
        for way in WAYS {
            let (Some(few), Some(many)) =
                (instructions(case, way, FEW), instructions(case, way, MANY))
            else {
                eprintln!("callgrind failed on {case} {way}");
                continue;
            };
            #[allow(clippy::cast_precision_loss)] // counts far below 2^52
            per_call.insert(way, (many - few) as f64 / (MANY - FEW) as f64);
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
    }
}
