use std::collections::BTreeSet;

use lowbit_core::Validate;

struct Opaque;

// A string is no sequence of items; a set's items are distinct already; and
// items must be comparable.
#[derive(Validate)]
struct Cluster {
    #[unique]
    name: String,
    #[unique]
    zones: BTreeSet<String>,
    #[unique]
    handles: Vec<Opaque>,
    #[items(unique)]
    ports: Vec<u16>,
}

fn main() {}
