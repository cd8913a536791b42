//! Run time of `validate()`: lowbit against hand-written checks, garde and
//! validator, on valid and broken configs.
//!
//! `cargo bench -p lowbit-bench --bench runtime` times every case with
//! criterion, then prints a table of medians and of ratios to `hand_all`
//! (hand-written code that reports every violation), all from this run.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use criterion::Criterion;
use lowbit_bench::ways::{Subject, Visit, WAYS, each_case, observe};

struct Timed<'c>(&'c mut Criterion);

impl Visit for Timed<'_> {
    fn case<S: Subject>(&mut self, name: &'static str, subject: &S) {
        let mut group = self.0.benchmark_group(name);
        for way in WAYS {
            // Each arm calls its method directly, so that it inlines into
            // the timed loop as it would into a caller; the result is
            // observed, then dropped inside the loop.
            group.bench_function(way, |b| match way {
                "lowbit" => b.iter(|| observe(&subject.lowbit())),
                "hand_all" => b.iter(|| observe(&subject.hand_all())),
                "hand_first" => b.iter(|| observe(&subject.hand_first())),
                "garde" => b.iter(|| observe(&subject.garde())),
                "validator" => b.iter(|| observe(&subject.validator())),
                _ => unreachable!("{way} is not in WAYS"),
            });
        }
        group.finish();
    }
}

/// Where criterion writes its estimates, found as criterion finds it.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"),
        PathBuf::from,
    );
    target.join("criterion")
}

/// The median of this run's estimate for `group/way`, in nanoseconds;
/// `None` when the bench was filtered out or its estimate is older than
/// `since` (a table never mixes runs).
fn median_ns(group: &str, way: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home()
        .join(group.replace('/', "_"))
        .join(way)
        .join("new/estimates.json");
    if std::fs::metadata(&path).ok()?.modified().ok()? < since {
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

struct Table {
    since: SystemTime,
    out: String,
}

impl Visit for Table {
    fn case<S: Subject>(&mut self, name: &'static str, _: &S) {
        let times: Vec<Option<f64>> = WAYS
            .iter()
            .map(|way| median_ns(name, way, self.since))
            .collect();
        let Some(base) = times[1] else { return };
        let mut row = format!("| {name} |");
        for time in &times {
            let _ = match time {
                Some(ns) => write!(row, " {ns:.1} ns ({:.2}x) |", ns / base),
                None => write!(row, " — |"),
            };
        }
        self.out.push_str(&row);
        self.out.push('\n');
    }
}

fn main() {
    // anyhow captures a backtrace with each error when RUST_BACKTRACE is set
    // (microseconds each), which would time the environment rather than
    // the seed's checks; measure its default instead.
    // SAFETY: no other thread runs yet.
    unsafe { std::env::set_var("RUST_LIB_BACKTRACE", "0") };
    let since = SystemTime::now();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    each_case(&mut Timed(&mut criterion));
    criterion.final_summary();

    let mut table = Table {
        since,
        out: String::new(),
    };
    each_case(&mut table);
    if !table.out.is_empty() {
        println!("\nmedian time per validate(), and ratio to hand_all, this run:\n");
        println!("| case | {} |", WAYS.join(" | "));
        println!("|---|{}", "---|".repeat(WAYS.len()));
        print!("{}", table.out);
    }
}
