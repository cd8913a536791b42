use lowbit_core::Validate;

#[derive(Validate)]
struct Server {
    #[required]
    bind: String,
    #[items(required)]
    ports: Vec<u16>,
}

fn main() {}
