use lowbit_core::Validate;

#[derive(Validate)]
struct Paths {
    #[prefix(1)]
    root: String,
    #[suffix(".sock", ".socket")]
    socket: String,
    #[contains(id)]
    template: String,
    #[ascii("x")]
    banner: String,
    #[alphanumeric]
    #[suffix]
    token: String,
}

fn main() {}
