// A group of one field says nothing a rule on the field could not.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_least_one(exec))]
struct Probe {
    exec: Option<String>,
}

fn main() {}
