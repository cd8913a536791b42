use std::time::Duration;

use lowbit_core::Validate;

#[derive(Validate)]
struct Timeouts {
    #[range(min = "1.5s")]
    connect: Duration,
    #[range(max = "30m1h")]
    request: Duration,
    #[range(max = "5min")]
    idle: Option<Duration>,
    #[range(min = "1s", max = 60)]
    drain: Duration,
    #[range(min = "1h", exclusive_max = "60m")]
    session: Duration,
}

fn main() {}
