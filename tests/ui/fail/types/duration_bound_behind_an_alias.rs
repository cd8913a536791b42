use lowbit_core::Validate;

type Seconds = u64;
type Timeout = std::time::Duration;

#[derive(Validate)]
struct Timeouts {
    #[range(max = "1h")]
    request: Seconds,
    #[range(max = 60)]
    idle: Timeout,
    #[items(range(max = 60))]
    backoff: Vec<Timeout>,
}

fn main() {}
