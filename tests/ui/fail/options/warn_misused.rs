use lowbit_core::Validate;

#[derive(Validate)]
struct Train {
    enable: bool,
    #[range(min = 1, warn, warn)]
    batch: u32,
    #[forbidden(warn = true)]
    legacy: Option<String>,
    #[range(max = 10, wran)]
    epochs: u32,
    #[requires(enable, wran)]
    dir: String,
}

fn main() {}
