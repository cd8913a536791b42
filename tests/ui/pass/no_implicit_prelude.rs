//! Generated code names nothing through the prelude.
#![no_implicit_prelude]
#![deny(warnings)]

extern crate lowbit_core;
extern crate serde;
extern crate std;

use lowbit_core::Validate;
use serde::Deserialize;
use std::default::Default;
use std::string::String;
use std::vec::Vec;

#[derive(Deserialize, Validate, Default)]
#[serde(rename_all = "snake_case")]
enum Mode {
    #[default]
    Off,
    Cached,
}

#[derive(Deserialize, Validate, Default)]
struct Inner {
    mode: Mode,
    #[range(min = 1, max = 8)]
    bits: u8,
}

fn check(name: &str) -> ::std::result::Result<(), &'static str> {
    if name.is_empty() {
        ::std::result::Result::Err("empty")
    } else {
        ::std::result::Result::Ok(())
    }
}

#[derive(Deserialize, Validate, Default)]
#[validate(gate = enable)]
struct Outer {
    enable: bool,
    #[nested]
    #[requires(enable, at = mode, ungated)]
    inner: Inner,
    #[one_of("a", "b")]
    #[custom(check)]
    name: String,
    #[only_if(all(enable, inner.mode = "cached", every(list != "x")), when = "b")]
    #[length(max = 2)]
    tag: String,
    #[required_if(some(list = "y"))]
    #[non_empty]
    list: Vec<String>,
    #[nested]
    many: Vec<Inner>,
    #[one_of(1, 2)]
    level: ::std::option::Option<u32>,
}

fn main() {
    let outer = Outer::default();
    let _ = outer.validate();
    let _ = outer.is_valid();
}
