use lowbit_core::Validate;

#[derive(Validate)]
struct Endpoints {
    #[url]
    port: u16,
    #[items(url)]
    ports: Vec<u16>,
}

fn main() {}
