use lowbit_core::Validate;

#[derive(serde::Deserialize, Validate)]
struct Cache {
    #[serde(skip)]
    #[non_empty]
    entries: Vec<String>,
    #[serde(skip_deserializing)]
    #[range(max = 10)]
    hits: u32,
}

fn main() {}
