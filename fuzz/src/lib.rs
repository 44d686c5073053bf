//! The checks behind the fuzz targets: `analyse` (the whole per-article analysis of one input
//! and its invariants; `crates/cli/tests/it/fuzz_regressions.rs` includes the same file and runs
//! it on every file of `fuzz/corpus/analyse/`) and `shard` (shard lines as `whomet merge` reads
//! them; `crates/shard/tests/it/main.rs` runs it on every file of `fuzz/corpus/shard/`).

include!("check.rs");
include!("shard_check.rs");
