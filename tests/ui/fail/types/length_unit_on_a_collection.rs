use lowbit_core::Validate;

#[derive(Validate)]
struct Labels {
    #[length(max = 8, unit = "bytes")]
    tags: Vec<String>,
    #[length(max = 8, unit = "chars")]
    count: Option<u32>,
}

fn main() {}
