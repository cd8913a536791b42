// A check that reports through `Issues` is declared with `issues`.
use lowbit_core::{Issues, Validate};

fn check(window: &Window, issues: &mut Issues<'_>) {
    if window.size == 0 {
        issues.field("size").error("zero");
    }
}

#[derive(Validate)]
#[validate(custom(check))]
struct Window {
    size: u32,
}

fn main() {}
