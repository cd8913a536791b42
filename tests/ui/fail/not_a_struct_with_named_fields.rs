use lowbit_core::Validate;

#[derive(Validate)]
struct Pair(bool, bool);

#[derive(Validate)]
union Bits {
    word: u32,
    bytes: [u8; 4],
}

fn main() {}
