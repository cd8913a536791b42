// A member written by its serde name is pointed at its Rust name.
use lowbit_core::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
#[validate(exactly_one(exec, httpGet))]
struct Probe {
    exec: Option<String>,
    http_get: Option<String>,
}

fn main() {}
