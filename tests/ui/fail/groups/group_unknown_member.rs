// Members are Rust field names; a misspelled one gets a did-you-mean.
use lowbit_core::Validate;

#[derive(Validate)]
#[validate(at_most_one(exec, http_gte, tcp_socket))]
struct Probe {
    exec: Option<String>,
    http_get: Option<String>,
    tcp_socket: Option<u16>,
}

fn main() {}
