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

/// Writes `files` (name, bytes) into `dir`: all to temporary files, then all renamed.
pub fn write_all(dir: &Path, files: &[(&str, Vec<u8>)]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let tmp = |name: &str| dir.join(format!(".{name}.{}.whomet-tmp", std::process::id()));
    let mut written = Vec::new();
    let result = (|| -> Result<()> {
        for (name, bytes) in files {
            let path = tmp(name);
            written.push(path.clone());
            let mut f = std::fs::File::create(&path)
                .with_context(|| format!("writing {}", path.display()))?;
            f.write_all(bytes)
                .and_then(|()| f.sync_all())
                .with_context(|| format!("writing {}", path.display()))?;
        }
        Ok(())
    })();
    if let Err(e) = result {
        for p in &written {
            let _ = std::fs::remove_file(p);
        }
        return Err(e);
    }
    for (name, _) in files {
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
