//! Examples and integration tests of lowbit live in `examples/` and `tests/`.
