use lowbit_core::Validate;

#[derive(Validate)]
struct Listen {
    #[ip("v4")]
    bind: String,
    #[ipv4(v6)]
    gateway: String,
    #[ipv6(scope = "link")]
    link_local: String,
    #[items(ip(4))]
    peers: Vec<String>,
}

fn main() {}
