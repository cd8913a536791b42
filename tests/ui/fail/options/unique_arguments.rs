use lowbit_core::Validate;

#[derive(Validate)]
struct Cluster {
    #[unique("host")]
    hosts: Vec<String>,
    #[unique(by = host)]
    peers: Vec<String>,
}

fn main() {}
