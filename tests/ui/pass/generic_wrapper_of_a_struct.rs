//! A generic struct whose rule reports a field of its parameter's type,
//! instantiated with a struct that derives `Validate`: the struct must
//! describe itself (as no value) for the bound the derive adds.
use lowbit_core::Validate;

#[derive(Validate)]
struct Plain {
    #[range(max = 3)]
    n: u32,
}

#[derive(Validate)]
struct Wrapper<T> {
    enable: bool,
    #[requires(enable)]
    inner: Option<T>,
}

fn main() {
    let off = Wrapper {
        enable: false,
        inner: Some(Plain { n: 1 }),
    };
    let report = off.validate().unwrap_err();
    assert_eq!(report.to_string(), "inner requires enable");
    let on = Wrapper {
        enable: true,
        inner: Some(Plain { n: 1 }),
    };
    assert!(on.validate().is_ok());
}
