// A group has no single value for `{value}`.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_most_one(exec, http_get, message = "{value} is one handler too many"))]
struct Probe {
    exec: Option<String>,
    http_get: Option<String>,
}

fn main() {}
