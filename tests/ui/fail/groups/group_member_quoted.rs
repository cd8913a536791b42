// Members are fields, written bare, not values.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_most_one("exec", http_get))]
struct Probe {
    exec: Option<String>,
    http_get: Option<String>,
}

fn main() {}
