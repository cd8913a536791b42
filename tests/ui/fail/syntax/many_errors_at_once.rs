use lowbit_core::Validate;

#[derive(Validate)]
struct Quant {
    enable: bool,
    #[requires(enable, mesage = "x")]
    strict: bool,
    #[one_of()]
    mode: String,
    #[one_of("a", "a")]
    format: String,
    #[required_if(strict, message = "{path} is {vaule}")]
    modules: Vec<String>,
    #[requires(dir)]
    dir: String,
}

fn main() {}
