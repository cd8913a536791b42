use lowbit_core::Validate;

#[derive(Validate)]
struct Training {
    #[requires(eval_strategy = save_stratgy)]
    load_best: bool,
    eval_strategy: String,
    save_strategy: String,
}

fn main() {}
