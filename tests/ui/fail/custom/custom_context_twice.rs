use lowbit_core::Validate;

struct Registry;

fn registered(_name: &str, _registry: &Registry) -> Result<(), String> {
    Ok(())
}

#[derive(Validate)]
struct Head {
    #[custom(registered, context, context)]
    model: String,
}

fn main() {}
