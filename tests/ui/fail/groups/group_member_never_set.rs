// A number has no notion of being set, so a group cannot count it: the
// error is on the member.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(exactly_one(exec, port))]
struct Probe {
    exec: Option<String>,
    port: u16,
}

fn main() {}
