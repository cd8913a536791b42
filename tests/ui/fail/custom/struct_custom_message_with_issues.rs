// With `issues`, each issue says its own text: a `message` would replace none.
use lowbit_core::{Issues, Validate};

fn check(_: &Window, _: &mut Issues<'_>) {}

#[derive(Validate)]
#[validate(custom(check, issues, message = "bad window"))]
struct Window {
    size: u32,
}

fn main() {}
