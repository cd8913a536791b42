use std::time::Duration;

use lowbit_core::Validate;

#[derive(Validate)]
struct Timeouts {
    #[range(max = "1h")]
    request_secs: u64,
    #[range(max = 60)]
    request: Duration,
}

fn main() {}
