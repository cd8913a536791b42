use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    enable: bool,
    #[requires(enable, dir)]
    dir: String,
    #[only_if(mode)]
    mode: Option<String>,
    #[conflicts_with(r#type)]
    r#type: bool,
}

fn main() {}
