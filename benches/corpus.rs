//! The committed corpus for the Criterion benchmarks of every crate (included with `#[path]`):
//! benchmarks run on committed data only.

/// The committed corpus, `data/corpus/*.txt` in path order: (document id, bytes).
pub fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/corpus is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let id = p
                .file_stem()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (id, std::fs::read(p).expect("article is readable"))
        })
        .collect()
}
