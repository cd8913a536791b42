use lowbit_core::Validate;

#[derive(Validate)]
union Bits {
    word: u32,
    bytes: [u8; 4],
}

fn main() {}
