use lowbit_core::Validate;

#[derive(Validate)]
struct Saved {
    count: u32,
}

#[derive(Validate)]
struct Quant {
    // `count` is a number: no name can equal it.
    #[requires(saved.count = "many")]
    enable: bool,
    saved: Saved,
}

fn main() {}
