//! The check behind the `analyse` fuzz target: the whole per-article analysis of one input and
//! its invariants. `crates/cli/tests/it/fuzz_regressions.rs` includes the same file and runs it
//! on every file of `fuzz/corpus/analyse/`.

include!("check.rs");
