use lowbit_core::Validate;

#[derive(Validate)]
struct Training {
    #[requires(eval_strategy = eval_strategy)]
    load_best: bool,
    eval_strategy: String,
}

fn main() {}
