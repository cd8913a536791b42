use lowbit_core::Validate;

#[derive(Validate)]
struct Pair(bool, bool);

#[derive(Validate)]
struct Marker;

fn main() {}
