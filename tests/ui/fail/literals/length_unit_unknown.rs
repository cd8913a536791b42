use lowbit_core::Validate;

#[derive(Validate)]
struct Labels {
    #[length(max = 8, unit = "byte")]
    key: String,
    #[length(max = 8, unit = "codepoints")]
    code: String,
    #[length(max = 8, unit = bytes)]
    name: String,
}

fn main() {}
