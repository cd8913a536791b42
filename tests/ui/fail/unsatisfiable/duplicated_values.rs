use lowbit_core::Validate;

#[derive(Validate)]
struct Rho {
    #[none_of("none", "fp8", "none")]
    protocol: String,
    #[only_if(protocol in ("tcp", "udp", "tcp"))]
    port: Option<u16>,
    #[one_of(1, 2, 1)]
    level: u8,
}

fn main() {}
