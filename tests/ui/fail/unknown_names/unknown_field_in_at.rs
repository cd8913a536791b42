use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    format: String,
}

#[derive(Validate)]
struct Quant {
    #[one_of("fp16", at = fromat)]
    saved: Saved,
}

fn main() {}
