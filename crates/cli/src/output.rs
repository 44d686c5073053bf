//! Writing the output directory, as one set. A build takes an advisory lock beside `--out`
//! (`.NAME.whomet-lock`), so that a second build into the same directory refuses at once, then
//! makes a fresh directory of its own beside it (`.NAME.whomet-new-XXXXXX`: random name, created
//! exclusively), keeps the evidence-text spill there as an unnamed temporary file, writes every
//! export into it with exclusive creation, syncs it, and swaps it for the previous directory with
//! one `rename` (`RENAME_EXCHANGE`). An error or a kill at any point leaves either the previous
//! directory or the new one at `--out`, never a mix; leftovers of a killed run are cleared by the
//! next one.
//!
//! No link is followed in the output directory: a symbolic link there, or an entry with an
//! export's name that is not a regular file, is refused. whomet writes nowhere else, and refuses
//! a directory holding files it did not write unless told `--force`; with `--force` those files
//! are carried over into the new directory (hard links before the swap, directories moved after
//! it).

use anyhow::{Context, Result, bail};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Is `name` a file whomet writes (an export, or a temporary file of an earlier version)?
fn ours(name: &OsStr) -> bool {
    let Some(name) = name.to_str() else {
        return false;
    };
    let export = whomet_export::Format::ALL
        .iter()
        .flat_map(|f| f.files())
        .any(|f| f == name);
    export
        || name == crate::manifest::NAME
        || (name.starts_with('.') && name.ends_with(".whomet-tmp"))
}

/// An output directory being written: the lock, and the fresh directory the exports go into
/// until [`Staging::commit`] swaps it in. Dropped without a commit, it removes the fresh
/// directory and leaves `--out` as it was.
pub struct Staging {
    /// The output directory, with its parent made absolute.
    out: PathBuf,
    /// The fresh directory beside it.
    dir: Option<tempfile::TempDir>,
    /// Entries of the previous directory that whomet did not write (kept with `--force`).
    foreign: Vec<OsString>,
    _lock: File,
}

/// `out` with its parent made absolute (and created), and its last component. A `--out` that
/// is itself a symbolic link names its target: the user chose it.
fn resolve(out: &Path) -> Result<(PathBuf, PathBuf, OsString)> {
    let out = match std::fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(out)
            .with_context(|| format!("output directory {}: following its link", out.display()))?,
        _ => out.to_path_buf(),
    };
    let absolute =
        std::path::absolute(&out).with_context(|| format!("output directory {}", out.display()))?;
    // `a/b/..` and `.`: the real directory they name.
    let absolute = if absolute.file_name().is_none() || out.ends_with("..") || out.ends_with(".") {
        std::fs::canonicalize(&absolute)
            .with_context(|| format!("output directory {}", out.display()))?
    } else {
        absolute
    };
    let (Some(parent), Some(name)) = (absolute.parent(), absolute.file_name()) else {
        bail!(
            "output directory {} cannot be replaced (it has no parent): choose another --out",
            out.display()
        );
    };
    std::fs::create_dir_all(parent).with_context(|| {
        format!(
            "output directory {}: creating its parent {}",
            out.display(),
            parent.display()
        )
    })?;
    Ok((absolute.clone(), parent.to_path_buf(), name.to_os_string()))
}

/// `.NAME.whomet-SUFFIX` beside the output directory `NAME`.
fn beside(name: &OsStr, suffix: &str) -> OsString {
    let mut s = OsString::from(".");
    s.push(name);
    s.push(".whomet-");
    s.push(suffix);
    s
}

impl Staging {
    /// Locks `out`, checks it (missing, or a directory holding only whomet's files, or any files
    /// with `force`; no links), clears leftovers of killed runs and makes the fresh directory.
    /// Every problem with `--out` shows here, before any input is read.
    pub fn new(out: &Path, force: bool) -> Result<Staging> {
        let (out, parent, name) = resolve(out)?;
        let lock_path = parent.join(beside(&name, "lock"));
        let lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .open(&lock_path)
            .with_context(|| {
                format!(
                    "output directory {}: cannot create its lock file {}",
                    out.display(),
                    lock_path.display()
                )
            })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => bail!(
                "another whomet is writing into {}: wait for it to finish, or choose another --out (lock {})",
                out.display(),
                lock_path.display()
            ),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| format!("locking {}", lock_path.display()));
            }
        }
        clear_leftovers(&parent, &name, &out);
        let (foreign, mode) = check_dir(&out, force)?;
        let dir = tempfile::Builder::new()
            .prefix(&beside(&name, "new-"))
            .rand_bytes(10)
            .permissions(std::fs::Permissions::from_mode(mode.unwrap_or(0o777)))
            .tempdir_in(&parent)
            .with_context(|| {
                format!(
                    "output directory {}: cannot create a directory in {}",
                    out.display(),
                    parent.display()
                )
            })?;
        if let Some(mode) = mode {
            // The previous directory's permissions exactly (the umask applied at creation).
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(mode))
                .with_context(|| format!("setting permissions of {}", dir.path().display()))?;
        }
        Ok(Staging {
            out,
            dir: Some(dir),
            foreign,
            _lock: lock,
        })
    }

    /// The fresh directory the exports are written into.
    pub fn dir(&self) -> &Path {
        self.dir.as_ref().expect("not committed").path()
    }

    /// The output directory.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Swaps the fresh directory in: one rename, then the previous directory is removed (its
    /// foreign files, with `--force`, are carried over).
    pub fn commit(mut self) -> Result<()> {
        let dir = self.dir.take().expect("committed once");
        let out = &self.out;
        let exists = std::fs::symlink_metadata(out).is_ok();
        if exists {
            // Regular files the user keeps there: hard links into the new directory, so that
            // they are in both until the swap. Directories move after it.
            for name in &self.foreign {
                let from = out.join(name);
                if std::fs::symlink_metadata(&from).is_ok_and(|m| !m.is_dir()) {
                    std::fs::hard_link(&from, dir.path().join(name))
                        .with_context(|| format!("keeping {} in the new output", from.display()))?;
                }
            }
        }
        sync_dir(dir.path())?;
        let staged = dir.keep();
        let parent = out.parent().expect("resolved with a parent");
        let swapped = if exists {
            rustix::fs::renameat_with(
                rustix::fs::CWD,
                &staged,
                rustix::fs::CWD,
                out,
                rustix::fs::RenameFlags::EXCHANGE,
            )
            .map(|()| staged.clone())
            .or_else(|_| {
                // No RENAME_EXCHANGE on this file system: the previous directory steps aside
                // first; `--out` is then missing for a moment, never mixed.
                let name = out.file_name().expect("resolved with a name");
                let aside = parent.join(beside(name, &format!("old-{}", std::process::id())));
                std::fs::rename(out, &aside)?;
                std::fs::rename(&staged, out).map(|()| aside)
            })
        } else {
            std::fs::rename(&staged, out).map(|()| PathBuf::new())
        };
        let old = match swapped {
            Ok(old) => old,
            Err(e) => {
                let _ = remove_ours(&staged, None);
                return Err(e)
                    .with_context(|| format!("moving the new output into {}", out.display()));
            }
        };
        let _ = sync_dir(parent);
        if exists {
            remove_ours(&old, Some(out))
                .with_context(|| format!("removing the previous output {}", old.display()))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.dir.take() {
            let path = dir.keep();
            let _ = remove_ours(&path, None);
        }
    }
}

/// Checks that `dir` is missing, or a directory holding only whomet's own files (any files with
/// `force`), and no symbolic link nor an export name that is not a regular file. Returns the
/// foreign entries and the directory's permissions.
fn check_dir(dir: &Path, force: bool) -> Result<(Vec<OsString>, Option<u32>)> {
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), None)),
        Err(e) => return Err(e).with_context(|| format!("output directory {}", dir.display())),
    };
    if !meta.is_dir() {
        bail!(
            "output directory {} is not a directory: choose another --out",
            dir.display()
        );
    }
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("reading output directory {}", dir.display()))?;
    let mut foreign = Vec::new();
    for e in entries {
        let e = e.with_context(|| format!("reading output directory {}", dir.display()))?;
        let name = e.file_name();
        let kind = e
            .file_type()
            .with_context(|| format!("reading {}", e.path().display()))?;
        if kind.is_symlink() {
            bail!(
                "output directory {} holds a symbolic link, {}: whomet follows no link in its output directory; remove it or choose another --out",
                dir.display(),
                name.to_string_lossy()
            );
        }
        if ours(&name) {
            if !kind.is_file() {
                bail!(
                    "output directory {} holds {}, which is not a regular file: remove it or choose another --out",
                    dir.display(),
                    name.to_string_lossy()
                );
            }
        } else {
            foreign.push(name);
        }
    }
    if !foreign.is_empty() && !force {
        let mut shown: Vec<String> = foreign
            .iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        shown.sort();
        shown.truncate(5);
        bail!(
            "output directory {} holds files whomet did not write ({}): choose another --out, or pass --force",
            dir.display(),
            shown.join(", ")
        );
    }
    Ok((foreign, Some(meta.permissions().mode() & 0o7777)))
}

/// Directories left beside `out` by a killed run (`.NAME.whomet-new-*`, `.NAME.whomet-old-*`):
/// their own files are removed, the user's files they hold are returned to `out`.
fn clear_leftovers(parent: &Path, name: &OsStr, out: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let (new, old) = (beside(name, "new-"), beside(name, "old-"));
    for e in entries.filter_map(|e| e.ok()) {
        let n = e.file_name();
        let bytes = n.as_encoded_bytes();
        let leftover = [&new, &old]
            .iter()
            .any(|p| bytes.starts_with(p.as_encoded_bytes()));
        if leftover && e.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = remove_ours(&e.path(), Some(out));
        }
    }
}

/// Removes whomet's files from `dir`, then `dir` if it is empty. With `keep_in`, the user's
/// entries go there: dropped if `keep_in` already holds the same file (a hard link made before a
/// swap), moved into it otherwise. Follows no link.
fn remove_ours(dir: &Path, keep_in: Option<&Path>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        let (name, path) = (e.file_name(), e.path());
        let meta = std::fs::symlink_metadata(&path)?;
        if ours(&name) && !meta.is_dir() {
            std::fs::remove_file(&path)?;
            continue;
        }
        let Some(keep) = keep_in else { continue };
        let there = keep.join(&name);
        match std::fs::symlink_metadata(&there) {
            Ok(m) if m.dev() == meta.dev() && m.ino() == meta.ino() && !meta.is_dir() => {
                std::fs::remove_file(&path)?
            }
            Ok(_) => {}
            Err(_) => std::fs::rename(&path, &there)?,
        }
    }
    match std::fs::remove_dir(dir) {
        Err(e) if keep_in.is_none() && e.kind() == std::io::ErrorKind::DirectoryNotEmpty => {
            // A staging directory that was never swapped in holds only hard links of the
            // user's files, which are still in place.
            std::fs::remove_dir_all(dir)
        }
        other => other,
    }
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .with_context(|| format!("syncing {}", dir.display()))
}

/// Writes `formats` of `graph` into `dir`, the formats in parallel, each file streamed to a file
/// created exclusively (no link followed, nothing overwritten). A finished file is synced to disk
/// by a thread of its own while the other formats are still being written. `layout` is shared,
/// so that `graph.svg` and `report.html` lay the graph out once.
pub fn write_formats(
    dir: &Path,
    graph: &whomet_graph::Graph,
    formats: &[whomet_export::Format],
    layout: &whomet_export::Layout,
) -> Result<()> {
    use rayon::prelude::*;
    type Sync = std::thread::JoinHandle<std::io::Result<()>>;
    let write = |format: whomet_export::Format| -> Result<Vec<Sync>> {
        let mut names = Vec::new();
        whomet_export::write_files_with(format, graph, layout, &mut |name| {
            names.push(name);
            let file = File::create_new(dir.join(name))?;
            Ok(Box::new(std::io::BufWriter::with_capacity(1 << 20, file)) as Box<dyn Write>)
        })
        .with_context(|| format!("writing {}", format.name()))?;
        let paths = names.iter().map(|name| dir.join(name));
        Ok(paths
            .map(|path| std::thread::spawn(move || File::open(path)?.sync_all()))
            .collect())
    };
    let results: Vec<_> = formats.par_iter().map(|&f| write(f)).collect();
    let mut result = Ok(());
    for syncs in results {
        let synced = syncs.and_then(|syncs| {
            syncs.into_iter().try_for_each(|s| {
                s.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("sync thread panicked")))
                    .context("syncing the output files")
            })
        });
        result = result.and(synced);
    }
    result
}

/// Writes one file into the fresh output directory, created exclusively and synced.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let mut file = File::create_new(dir.join(name))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

/// The evidence text of a build, kept in an unnamed temporary file of the fresh output directory
/// while the graph is built (so that it takes no memory while people are resolved), and read
/// back for the exports. The file is made at the first text. A write or read error is kept for
/// the caller ([`Spill::failed`]); the graph then has no evidence text, and the build fails.
pub struct Spill {
    file: Option<std::io::BufWriter<File>>,
    dir: PathBuf,
    broken: bool,
    failed: std::sync::Arc<std::sync::Mutex<Option<std::io::Error>>>,
}

impl Spill {
    /// A spill file in `dir`, made when the first text comes.
    pub fn new(dir: &Path) -> Spill {
        Spill {
            file: None,
            dir: dir.to_path_buf(),
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
            let file = tempfile::tempfile_in(&self.dir)?;
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
        let read = |file: Option<std::io::BufWriter<File>>| -> std::io::Result<_> {
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
        // The file has no name: closing it frees its space.
        let blocks = read(self.file.take());
        blocks.unwrap_or_else(|e| {
            self.fail(e);
            Vec::new()
        })
    }
}
