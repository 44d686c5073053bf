//! Fuzz target for shard reading (issue 18): arbitrary bytes as the lines of a shard file,
//! through `whomet_shard::parse_line -> build -> render`, with the invariants of
//! `fuzz/src/shard_check.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    whomet_fuzz::shard_and_check(data);
});
