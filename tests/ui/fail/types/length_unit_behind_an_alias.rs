use lowbit_core::Validate;

type Tags = Vec<String>;

#[derive(Validate)]
struct Labels {
    #[length(max = 8, unit = "bytes")]
    tags: Tags,
}

fn main() {}
