//! Fuzz target for the whole per-article analysis (issue 8): arbitrary bytes as an article,
//! through `prepare -> extract -> detect -> build -> render`, with the invariants of
//! `fuzz/src/check.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    whomet_fuzz::analyse_and_check(data);
});
