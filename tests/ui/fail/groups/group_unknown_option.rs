use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_most_one(exec, http_get, mesage = "one handler"))]
struct Probe {
    exec: Option<String>,
    http_get: Option<String>,
}

fn main() {}
