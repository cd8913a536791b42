//! Examples and integration tests of lowbit live in `examples/` and `tests/`.

/// The README's examples, compiled and run as doctests so that they cannot
/// drift from the code. They run here, not in lowbit-core, because they load
/// TOML (a feature of lowbit-core) and use the port (`bitnet_config`), which
/// depends on lowbit-core.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
