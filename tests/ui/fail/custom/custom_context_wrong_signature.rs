use lowbit_core::Validate;

struct Registry;

fn registered(_name: &str) -> Result<(), String> {
    Ok(())
}

fn takes_context(_name: &str, _registry: &Registry) -> Result<(), String> {
    Ok(())
}

#[derive(Validate)]
struct Head {
    #[custom(registered, context)]
    model: String,
    #[custom(takes_context)]
    backup: String,
}

fn main() {}
