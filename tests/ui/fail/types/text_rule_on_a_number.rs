use lowbit_core::Validate;

#[derive(Validate)]
struct Server {
    #[ascii]
    port: u16,
    #[items(prefix("/"))]
    ports: Vec<u16>,
}

fn main() {}
