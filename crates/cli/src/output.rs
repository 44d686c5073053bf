//! Writing the output directory. Every file goes to a temporary name inside the directory
//! first; only when all are written and synced are they renamed into place, so an error or an
//! interruption leaves the previous output as it was. whomet writes nowhere else, and refuses a
//! directory holding files it did not write unless told `--force`.

use anyhow::{Context, Result, bail};
use std::io::Write;
use std::path::Path;

/// Is `name` a file whomet writes (an export, or one of its temporary files)?
fn ours(name: &str) -> bool {
    let export = whomet_export::Format::ALL
        .iter()
        .flat_map(|f| f.files())
        .any(|f| f == name);
    export || (name.starts_with('.') && name.ends_with(".whomet-tmp"))
}

/// Checks that `dir` is missing, empty or holds only whomet's own files.
pub fn check_dir(dir: &Path, force: bool) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let foreign: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !ours(n))
        .collect();
    if !foreign.is_empty() && !force {
        let mut shown = foreign.clone();
        shown.sort();
        shown.truncate(5);
        bail!(
            "output directory {} holds files whomet did not write ({}): choose another --out, or pass --force",
            dir.display(),
            shown.join(", ")
        );
    }
    Ok(())
}

/// Writes `formats` of `graph` into `dir`, the formats in parallel, each file streamed to a
/// temporary file. A finished file is synced to disk by a thread of its own while the other
/// formats are still being written; when all are written and synced, they are renamed into place.
pub fn write_formats(
    dir: &Path,
    graph: &whomet_graph::Graph,
    formats: &[whomet_export::Format],
) -> Result<()> {
    use rayon::prelude::*;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = |name: &str| dir.join(format!(".{name}.{}.whomet-tmp", std::process::id()));
    type Sync = std::thread::JoinHandle<std::io::Result<()>>;
    let write = |format: whomet_export::Format| -> (Vec<&'static str>, Result<Vec<Sync>>) {
        let mut names = Vec::new();
        let result = whomet_export::write_files(format, graph, &mut |name| {
            names.push(name);
            let file = std::fs::File::create(tmp(name))?;
            Ok(Box::new(std::io::BufWriter::with_capacity(1 << 20, file)) as Box<dyn Write>)
        })
        .with_context(|| format!("writing {} into {}", format.name(), dir.display()));
        let syncs = result.map(|()| {
            let paths = names.iter().map(|name| tmp(name));
            paths
                .map(|path| std::thread::spawn(move || std::fs::File::open(path)?.sync_all()))
                .collect()
        });
        (names, syncs)
    };
    let results: Vec<_> = formats.par_iter().map(|&f| write(f)).collect();
    let written: Vec<&'static str> = results.iter().flat_map(|(n, _)| n.clone()).collect();
    let mut result = Ok(());
    for (_, syncs) in results {
        let synced = syncs.and_then(|syncs| {
            syncs.into_iter().try_for_each(|s| {
                s.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("sync thread panicked")))
                    .with_context(|| format!("syncing the output files in {}", dir.display()))
            })
        });
        result = result.and(synced);
    }
    if let Err(e) = result {
        for name in &written {
            let _ = std::fs::remove_file(tmp(name));
        }
        return Err(e);
    }
    for name in &written {
        std::fs::rename(tmp(name), dir.join(name))
            .with_context(|| format!("renaming into {}", dir.join(name).display()))?;
    }
    // Leftovers of interrupted runs.
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.filter_map(|e| e.ok()) {
            if e.file_name().to_string_lossy().ends_with(".whomet-tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

/// The evidence text of a build, kept in a temporary file of the output directory while the
/// graph is built (so that it takes no memory while people are resolved), and read back for the
/// exports. The file is made at the first text. A write or read error is kept for the caller
/// ([`Spill::failed`]); the graph then has no evidence text, and the build fails.
pub struct Spill {
    file: Option<std::io::BufWriter<std::fs::File>>,
    dir: std::path::PathBuf,
    path: std::path::PathBuf,
    broken: bool,
    failed: std::sync::Arc<std::sync::Mutex<Option<std::io::Error>>>,
}

impl Spill {
    /// A spill file in `dir`, made (with `dir`) when the first text comes.
    pub fn new(dir: &Path) -> Spill {
        Spill {
            file: None,
            dir: dir.to_path_buf(),
            path: dir.join(format!(".evidence-text.{}.whomet-tmp", std::process::id())),
            broken: false,
            failed: Default::default(),
        }
    }

    /// Where the first error goes.
    pub fn failed(&self) -> std::sync::Arc<std::sync::Mutex<Option<std::io::Error>>> {
        self.failed.clone()
    }

    fn fail(&mut self, e: std::io::Error) {
        self.broken = true;
        self.file = None;
        if let Ok(mut slot) = self.failed.lock() {
            slot.get_or_insert(e);
        }
    }

    fn write(&mut self, text: &str) -> std::io::Result<()> {
        if self.file.is_none() {
            std::fs::create_dir_all(&self.dir)?;
            let file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(true)
                .open(&self.path)?;
            self.file = Some(std::io::BufWriter::with_capacity(1 << 20, file));
        }
        match &mut self.file {
            Some(f) => f.write_all(text.as_bytes()),
            None => Ok(()),
        }
    }
}

impl whomet_graph::TextStore for Spill {
    fn push(&mut self, text: &str) {
        if !self.broken
            && let Err(e) = self.write(text)
        {
            self.fail(e);
        }
    }

    fn take(&mut self, sizes: &[usize]) -> Vec<String> {
        let read = |file: Option<std::io::BufWriter<std::fs::File>>| -> std::io::Result<_> {
            let Some(file) = file else {
                return Ok(Vec::new());
            };
            let mut file = file.into_inner().map_err(|e| e.into_error())?;
            file.flush()?;
            use std::io::{Read, Seek};
            file.seek(std::io::SeekFrom::Start(0))?;
            let mut file = std::io::BufReader::with_capacity(1 << 20, file);
            let mut blocks = Vec::with_capacity(sizes.len());
            for &n in sizes {
                let mut block = vec![0; n];
                file.read_exact(&mut block)?;
                blocks.push(String::from_utf8(block).map_err(std::io::Error::other)?);
            }
            Ok(blocks)
        };
        let blocks = read(self.file.take());
        let _ = std::fs::remove_file(&self.path);
        blocks.unwrap_or_else(|e| {
            self.fail(e);
            Vec::new()
        })
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
