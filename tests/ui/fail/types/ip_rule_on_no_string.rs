use std::net::IpAddr;

use lowbit_core::Validate;

// An address already parsed needs no rule: serde refused anything else.
#[derive(Validate)]
struct Listen {
    #[ip]
    bind: IpAddr,
    #[items(ipv4)]
    octets: Vec<u8>,
}

fn main() {}
