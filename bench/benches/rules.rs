//! Each rule of issue 14 on the valid path, against the check a user would
//! write by hand instead, counted by callgrind.
//!
//! `cargo bench -p lowbit-bench --bench rules` prints instructions per
//! call of the hand-written check and of lowbit's `validate()` on the same
//! value, with the loop's own instructions (a `loop` run) taken off each.
//! The configs and the hand checks live in the library
//! (`lowbit_bench::rules`); the calls are here, in another crate, as a
//! user's caller has them.

use std::hint::black_box;

use lowbit_bench::callgrind;
use lowbit_bench::rules::{Rule, Visit, each};

const FEW: u64 = 1_000;
const MANY: u64 = 11_000;
/// `loop` runs the loop alone: its count is taken off the others.
const WAYS: [&str; 3] = ["loop", "hand", "lowbit"];

/// Calls `check` `calls` times, telling the optimizer each verdict is
/// read. Each way gets its own copy of the loop, with its check inlined.
#[inline(never)]
fn repeat(calls: u64, check: impl Fn() -> bool) {
    for _ in 0..calls {
        black_box(check());
    }
}

/// In a child: runs `way` on the rule at `index`, `calls` times.
struct Run<'a> {
    index: usize,
    way: &'a str,
    calls: u64,
    seen: usize,
}

impl Visit for Run<'_> {
    fn rule<R: Rule>(&mut self) {
        self.seen += 1;
        if self.seen - 1 != self.index {
            return;
        }
        let config = R::valid();
        match self.way {
            "loop" => repeat(self.calls, || true),
            "hand" => repeat(self.calls, || black_box(&config).by_hand()),
            "lowbit" => repeat(self.calls, || black_box(&config).validate().is_ok()),
            way => panic!("no way named {way}"),
        }
    }
}

/// The rules' names and hand checks, in table order.
struct Names(Vec<(&'static str, &'static str)>);

impl Visit for Names {
    fn rule<R: Rule>(&mut self) {
        self.0.push((R::NAME, R::HAND));
    }
}

fn main() {
    if let Some((case, way, calls)) = callgrind::child_run() {
        let index = case.parse().expect("a rule's index");
        each(&mut Run {
            index,
            way: &way,
            calls,
            seen: 0,
        });
        return;
    }
    if !callgrind::measuring() {
        return;
    }
    let mut names = Names(Vec::new());
    each(&mut names);
    println!("instructions per call on the valid path, the loop's taken off (callgrind):\n");
    println!("| rule | the hand-written check | hand-written | lowbit `validate()` | ratio |");
    println!("|---|---|---:|---:|---:|");
    for (index, (rule, hand)) in names.0.into_iter().enumerate() {
        let case = index.to_string();
        let counts: Vec<f64> = WAYS
            .iter()
            .map(|way| callgrind::per_call(&case, way, FEW, MANY).unwrap_or(f64::NAN))
            .collect();
        let [empty, by_hand, lowbit] = counts[..] else {
            unreachable!("one count per way")
        };
        let (by_hand, lowbit) = (by_hand - empty, lowbit - empty);
        println!(
            "| `{rule}` | `{hand}` | {by_hand:.0} | {lowbit:.0} | {:.2}x |",
            lowbit / by_hand
        );
    }
}
