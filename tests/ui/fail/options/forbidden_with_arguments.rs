use lowbit_core::Validate;

#[derive(Validate)]
struct Server {
    #[forbidden("0.0.0.0")]
    listen: String,
}

fn main() {}
