//! Fuzz regressions (issue 8): every input that the `analyse` fuzz target found interesting,
//! kept in `fuzz/corpus/analyse/`, goes through the whole per-article analysis again
//! (`prepare -> extract -> detect -> build -> render`, every format but svg and html) with the
//! fuzz target's own invariants: spans inside the input, no self-loop edges, every export
//! written. The check is `fuzz/src/check.rs`, included here so that both run the same code; this
//! test needs no nightly toolchain and no cargo-fuzz.

use std::path::Path;

include!("../../../../fuzz/src/check.rs");

#[test]
fn fuzz_corpus_is_analysed_soundly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/analyse");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut failed = Vec::new();
    for path in &files {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let run = std::panic::catch_unwind(|| analyse_and_check(&data));
        if run.is_err() {
            failed.push(
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} fuzz corpus inputs broke an invariant (reproduce with `cargo fuzz run \
         analyse fuzz/corpus/analyse/NAME`): {failed:?}",
        failed.len(),
        files.len()
    );
    assert!(
        files.len() >= 20,
        "only {} files in {}",
        files.len(),
        dir.display()
    );
}
