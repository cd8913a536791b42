// A number has no notion of being set (is 0 unset?), so `forbidden` cannot
// say anything of it: write a `range` instead.
use lowbit_core::Validate;

#[derive(Validate)]
struct Window {
    #[forbidden]
    size: u32,
}

fn main() {}
