//! Reading inputs: files, directories and JSON lines, streamed in batches of jobs. Problems
//! become diagnostics; the rest of the input is still read.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use whomet_core::{ArticleMeta, Diagnostic};

/// Lines longer than this are reported (the article is still analysed).
const LONG_LINE: usize = 1 << 20;

/// One article as read, before decoding.
pub struct Article {
    pub id: String,
    pub source: String,
    pub bytes: Vec<u8>,
    pub date: Option<NaiveDate>,
    /// Title, address and publisher (JSON lines; an HTML file's `<title>`).
    pub meta: ArticleMeta,
}

/// A text file to read as one article, and its document id: its path relative to the input
/// directory it was found in (or its stem, for a file named on the command line), without the
/// extension, `/`-separated (`sub1/same`).
pub struct TextFile {
    pub path: PathBuf,
    pub id: String,
}

/// A unit of work: a text file to read, or one JSON line already read.
pub enum Job {
    File(TextFile),
    Line {
        source: String,
        line: usize,
        bytes: Vec<u8>,
    },
}

impl Job {
    /// Reads (a file) or parses (a JSON line) the article; `None` with a diagnostic when it
    /// cannot be had. Empty lines give neither. A file read gives its record for the manifest.
    pub fn load(self) -> (Option<Article>, Vec<Diagnostic>, Option<InputRecord>) {
        let record = match &self {
            Job::File(file) => Some(file.path.display().to_string()),
            Job::Line { .. } => None,
        };
        let (article, notes, bytes) = self.read();
        let record = record
            .zip(bytes)
            .map(|(path, (bytes, sha256))| InputRecord {
                path,
                bytes,
                sha256: Some(sha256),
            });
        (article, notes, record)
    }

    fn read(self) -> (Option<Article>, Vec<Diagnostic>, Option<(u64, String)>) {
        match self {
            Job::File(file) => {
                let source = file.path.display().to_string();
                let diag = |message: String| Diagnostic {
                    source: source.clone(),
                    line: None,
                    message,
                };
                let read = read_regular(&file.path);
                let hash = read.as_ref().ok().map(|b| (b.len() as u64, sha256(b)));
                let (article, notes) = match read {
                    Ok(bytes) if bytes.is_empty() => {
                        (None, vec![diag("empty file: skipped".into())])
                    }
                    Ok(bytes) if bytes.contains(&0) => (
                        None,
                        vec![diag(
                            "binary file (NUL bytes) given as text: skipped".into(),
                        )],
                    ),
                    Ok(mut bytes) => {
                        let mut meta = ArticleMeta::default();
                        if is_html(&file.path) {
                            meta.title = strip_html(&mut bytes);
                        }
                        let longest = bytes.split(|&b| b == b'\n').map(<[u8]>::len).max();
                        let note = longest.filter(|&l| l > LONG_LINE).map(|l| {
                            diag(format!(
                                "a line of {l} bytes with no line break: analysed, sentence by sentence"
                            ))
                        });
                        let article = Article {
                            id: file.id,
                            source: source.clone(),
                            bytes,
                            date: None,
                            meta,
                        };
                        (Some(article), note.into_iter().collect())
                    }
                    Err(e) => (None, vec![diag(format!("unreadable: {e}: skipped"))]),
                };
                (article, notes, hash)
            }
            Job::Line {
                source,
                line,
                bytes,
            } => {
                let (article, notes) = json_article(&source, line, &bytes);
                (article, notes, None)
            }
        }
    }

    /// Bytes this job stands for, for progress.
    pub fn size(&self) -> u64 {
        match self {
            Job::File(f) => f.path.metadata().map(|m| m.len()).unwrap_or(0),
            Job::Line { bytes, .. } => bytes.len() as u64 + 1,
        }
    }
}

#[derive(Deserialize)]
struct JsonArticle {
    id: serde_json::Value,
    text: serde_json::Value,
    date: Option<serde_json::Value>,
    title: Option<serde_json::Value>,
    url: Option<serde_json::Value>,
    source: Option<serde_json::Value>,
}

/// An input to read: a text file (with its document id), a JSON-lines file, or `-` for stdin.
pub enum InputFile {
    Text(TextFile),
    Lines(PathBuf),
    Stdin,
}

impl InputFile {
    /// The path, for sizes and messages.
    pub fn path(&self) -> &Path {
        match self {
            InputFile::Text(t) => &t.path,
            InputFile::Lines(p) => p,
            InputFile::Stdin => Path::new("-"),
        }
    }
}

/// Opens `path` for reading only if it is a regular file (a named pipe, a device or a socket
/// would block or never end): opened without blocking, then checked on the open handle.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other(NOT_REGULAR));
    }
    Ok(file)
}

const NOT_REGULAR: &str = "not a regular file (a named pipe, device or socket)";

fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The document id of a text file found under `root` (or named itself, with no root): its
/// path relative to `root` without the extension, components joined by `/`, each byte that is
/// not UTF-8 written `%XX` (so that names differing only in such bytes stay apart).
fn doc_id(root: Option<&Path>, path: &Path) -> String {
    let rel = root
        .and_then(|r| path.strip_prefix(r).ok())
        .filter(|r| r.file_name().is_some())
        .unwrap_or_else(|| path.file_name().map_or(path, Path::new));
    let mut rel = rel.to_path_buf();
    rel.set_extension("");
    let mut id = String::new();
    for c in rel.components() {
        if !id.is_empty() {
            id.push('/');
        }
        for chunk in c.as_os_str().as_encoded_bytes().utf8_chunks() {
            id.push_str(chunk.valid());
            for b in chunk.invalid() {
                id.push_str(&format!("%{b:02X}"));
            }
        }
    }
    id
}

/// The files named by `paths`, directories walked in sorted path order, and `-` for stdin.
/// Only regular files are read: anything else is reported and skipped.
pub fn expand(paths: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<Diagnostic>)> {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let mut ignored = Ignored::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(InputFile::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(
                p,
                p,
                &mut files,
                &mut diags,
                &mut BTreeSet::new(),
                &mut ignored,
            ),
            Ok(m) if m.is_file() => files.push(input_file(None, p.clone())),
            Ok(_) => diags.push(Diagnostic {
                source: p.display().to_string(),
                line: None,
                message: format!("{NOT_REGULAR}: skipped"),
            }),
            Err(_) if std::fs::symlink_metadata(p).is_ok() => diags.push(Diagnostic {
                source: p.display().to_string(),
                line: None,
                message: "unreadable: a symbolic link to nothing: skipped".into(),
            }),
            Err(_) => anyhow::bail!("input {} does not exist", p.display()),
        }
    }
    if !ignored.is_empty() {
        let total: usize = ignored.values().sum();
        let kinds: Vec<String> = ignored.iter().map(|(k, n)| format!("{k} {n}")).collect();
        diags.push(Diagnostic {
            source: "whomet".into(),
            line: None,
            message: format!(
                "{total} file(s) of other kinds in the input directories ignored ({}); whomet reads {}",
                kinds.join(", "),
                EXTENSIONS.map(|e| format!(".{e}")).join(", ")
            ),
        });
    }
    Ok((files, diags))
}

fn input_file(root: Option<&Path>, path: PathBuf) -> InputFile {
    if extension(&path).is_some_and(|e| e == "jsonl") {
        InputFile::Lines(path)
    } else {
        let id = doc_id(root, &path);
        InputFile::Text(TextFile { path, id })
    }
}

/// An input file as the manifest records it: path, size and SHA-256 of its bytes.
#[derive(Debug, Clone, serde::Serialize)]
pub struct InputRecord {
    pub path: String,
    pub bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// The SHA-256 of `bytes`, in hex.
pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Streams the jobs of `files` in order, `batch` at a time, to `f`. JSON-lines files (and
/// standard input) are hashed as they are read, into `records`.
pub fn stream(
    files: &[InputFile],
    batch: usize,
    diags: &mut Vec<Diagnostic>,
    records: &mut Vec<InputRecord>,
    mut f: impl FnMut(Vec<Job>, &mut Vec<Diagnostic>),
) -> Result<()> {
    let mut jobs = Vec::with_capacity(batch);
    let mut flush = |jobs: &mut Vec<Job>, diags: &mut Vec<Diagnostic>, force: bool| {
        if jobs.len() >= batch || (force && !jobs.is_empty()) {
            f(std::mem::take(jobs), diags);
        }
    };
    for input in files {
        let path = match input {
            InputFile::Text(t) => {
                jobs.push(Job::File(TextFile {
                    path: t.path.clone(),
                    id: t.id.clone(),
                }));
                flush(&mut jobs, diags, false);
                continue;
            }
            InputFile::Lines(p) => Some(p),
            InputFile::Stdin => None,
        };
        let (source, reader): (String, Box<dyn Read>) = match path {
            None => ("<stdin>".into(), Box::new(std::io::stdin())),
            Some(path) => match open_regular(path) {
                Ok(f) => (path.display().to_string(), Box::new(f)),
                Err(e) => {
                    diags.push(Diagnostic {
                        source: path.display().to_string(),
                        line: None,
                        message: format!("unreadable: {e}: skipped"),
                    });
                    continue;
                }
            },
        };
        let mut reader = BufReader::with_capacity(1 << 20, reader);
        let mut line = 0;
        let mut hasher = <sha2::Sha256 as sha2::Digest>::new();
        let mut size = 0u64;
        loop {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    diags.push(Diagnostic {
                        source: source.clone(),
                        line: Some(line + 1),
                        message: format!("read error: {e}: rest of the file skipped"),
                    });
                    break;
                }
            }
            line += 1;
            sha2::Digest::update(&mut hasher, &bytes);
            size += bytes.len() as u64;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
            }
            if line == 1 && bytes.starts_with(BOM) {
                bytes.drain(..BOM.len());
            }
            jobs.push(Job::Line {
                source: source.clone(),
                line,
                bytes,
            });
            flush(&mut jobs, diags, false);
        }
        records.push(InputRecord {
            path: source.clone(),
            bytes: size,
            sha256: Some(hex(&sha2::Digest::finalize(hasher))),
        });
    }
    flush(&mut jobs, diags, true);
    Ok(())
}

/// The UTF-8 byte-order mark, dropped from the start of a JSON-lines file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The extensions of the files read in a directory, matched ignoring case: text (`.txt`,
/// `.text`, `.md`), HTML (`.html`, `.htm`: tags made spaces) and JSON lines (`.jsonl`).
pub const EXTENSIONS: [&str; 6] = ["txt", "text", "md", "html", "htm", "jsonl"];

fn is_article(p: &Path) -> bool {
    extension(p).is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// Files of other kinds skipped while walking directories, by extension.
type Ignored = std::collections::BTreeMap<String, usize>;

fn walk(
    root: &Path,
    dir: &Path,
    out: &mut Vec<InputFile>,
    diags: &mut Vec<Diagnostic>,
    seen: &mut BTreeSet<PathBuf>,
    ignored: &mut Ignored,
) {
    let Ok(real) = dir.canonicalize() else { return };
    if !seen.insert(real) {
        diags.push(Diagnostic {
            source: dir.display().to_string(),
            line: None,
            message: "directory loop through a symbolic link: skipped".into(),
        });
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic {
                source: dir.display().to_string(),
                line: None,
                message: format!("unreadable: {e}: skipped"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let report = |diags: &mut Vec<Diagnostic>, message: String| {
            diags.push(Diagnostic {
                source: p.display().to_string(),
                line: None,
                message,
            })
        };
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(root, &p, out, diags, seen, ignored),
            _ if !is_article(&p) => {
                let kind = extension(&p).map_or_else(|| "no extension".into(), |e| format!(".{e}"));
                *ignored.entry(kind).or_insert(0) += 1;
            }
            Ok(m) if m.is_file() => out.push(input_file(Some(root), p)),
            Ok(_) => report(diags, format!("{NOT_REGULAR}: skipped")),
            Err(e) => report(diags, format!("unreadable: {e}: skipped")),
        }
    }
}

/// `bytes` as UTF-8: invalid bytes replaced by U+FFFD, and how many there were.
pub fn repair_utf8(bytes: &[u8]) -> (std::borrow::Cow<'_, [u8]>, usize) {
    if std::str::from_utf8(bytes).is_ok() {
        return (std::borrow::Cow::Borrowed(bytes), 0);
    }
    let invalid = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    let text = String::from_utf8_lossy(bytes).into_owned();
    (std::borrow::Cow::Owned(text.into_bytes()), invalid)
}

fn json_article(source: &str, line: usize, bytes: &[u8]) -> (Option<Article>, Vec<Diagnostic>) {
    let diag = |message: String| Diagnostic {
        source: source.to_string(),
        line: Some(line),
        message,
    };
    let bad = |message: String| (None, vec![diag(message)]);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return (None, Vec::new());
    }
    // Invalid UTF-8 inside a string is replaced, as in text files, and the article kept.
    let (bytes, invalid) = repair_utf8(bytes);
    let mut notes = Vec::new();
    if invalid > 0 {
        notes.push(diag(format!(
            "{invalid} invalid UTF-8 byte(s) replaced by U+FFFD"
        )));
    }
    let parsed: JsonArticle = match serde_json::from_slice(&bytes) {
        Ok(a) => a,
        Err(e) => return bad(format!("not a JSON article ({e}): skipped")),
    };
    let Some(text) = parsed.text.as_str() else {
        return bad("`text` is not a string: skipped".into());
    };
    if text.trim().is_empty() {
        return bad("`text` is empty: skipped".into());
    }
    let id = match &parsed.id {
        serde_json::Value::String(s) if !s.is_empty() => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return bad("`id` is not a non-empty string or a number: skipped".into()),
    };
    let date = match parsed.date {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(d)) => {
            let parsed = NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok();
            if parsed.is_none() {
                notes.push(diag(format!("`date` {d:?} is not YYYY-MM-DD: ignored")));
            }
            parsed
        }
        Some(other) => {
            notes.push(diag(format!("`date` {other} is not a string: ignored")));
            None
        }
    };
    let article = Article {
        id,
        source: format!("{source}:{line}"),
        bytes: text.as_bytes().to_vec(),
        date,
        meta: ArticleMeta {
            title: text_field(parsed.title),
            url: text_field(parsed.url),
            source: text_field(parsed.source),
        },
    };
    (Some(article), notes)
}

/// A JSON line's optional text field: a string with something besides white space.
fn text_field(v: Option<serde_json::Value>) -> Option<String> {
    match v {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

/// Whether `path` names an HTML file (`.html`, `.htm`, any case).
fn is_html(path: &Path) -> bool {
    extension(path).is_some_and(|e| e == "html" || e == "htm")
}

/// A path's extension, lower case.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Makes an HTML page plain text in place, byte for byte, so that every offset still indexes
/// the original file: each tag and comment, and the whole of `<script>`, `<style>` and `<title>`
/// elements, become spaces (line breaks kept), and the tag of a block (`<p>`, `<br>`, `<div>`,
/// `<h1>`, `<li>`, ...) starts with a line break, so paragraphs stay apart. Character
/// references are decoded later, as in any text. Returns the `<title>`, if any.
pub fn strip_html(bytes: &mut [u8]) -> Option<String> {
    const BLOCK: [&str; 16] = [
        "p",
        "br",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "tr",
        "td",
        "article",
        "section",
        "blockquote",
        "hr",
    ];
    let blank = |b: &mut [u8]| {
        b.iter_mut()
            .filter(|c| **c != b'\n')
            .for_each(|c| *c = b' ')
    };
    let lower = bytes.to_ascii_lowercase();
    let mut title = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &lower[i..];
        let end = if rest.starts_with(b"<!--") {
            find(rest, b"-->").map_or(bytes.len(), |e| i + e + 3)
        } else {
            let close = find(rest, b">").map_or(bytes.len(), |e| i + e + 1);
            let name: Vec<u8> = rest[1..]
                .iter()
                .skip_while(|&&c| c == b'/')
                .take_while(|c| c.is_ascii_alphanumeric())
                .copied()
                .collect();
            let name = String::from_utf8_lossy(&name).into_owned();
            let opening = rest.get(1) != Some(&b'/');
            if opening && matches!(name.as_str(), "script" | "style" | "title") {
                let closing = format!("</{name}");
                let inner_end = find(&lower[close.min(bytes.len())..], closing.as_bytes())
                    .map_or(bytes.len(), |e| close + e);
                if name == "title" && title.is_none() {
                    let text = String::from_utf8_lossy(&bytes[close.min(inner_end)..inner_end]);
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    title = (!text.is_empty()).then_some(text);
                }
                find(&lower[inner_end..], b">").map_or(bytes.len(), |e| inner_end + e + 1)
            } else {
                close
            }
        };
        let end = end.min(bytes.len());
        let block = BLOCK.iter().any(|b| {
            let tag = rest[1..].strip_prefix(b"/").unwrap_or(&rest[1..]);
            tag.starts_with(b.as_bytes())
                && !tag.get(b.len()).is_some_and(|c| c.is_ascii_alphanumeric())
        });
        blank(&mut bytes[i..end]);
        if block {
            bytes[i] = b'\n';
        }
        i = end.max(i + 1);
    }
    title
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::strip_html;

    /// Tags become spaces byte for byte (offsets still index the file), a block tag starts a
    /// line, the title is read, and broken markup neither panics nor eats the text before it.
    #[test]
    fn html_is_made_text_in_place() {
        let page = "<html><head><title>A &amp; B\n talk</title><script>x<y</script></head><body><p>Karimi met Oduya.<br>Then <b>they</b> left.<!-- c --></p></body></html>";
        let mut bytes = page.as_bytes().to_vec();
        let title = strip_html(&mut bytes);
        assert_eq!(title.as_deref(), Some("A &amp; B talk"));
        assert_eq!(bytes.len(), page.len());
        let text = String::from_utf8(bytes).unwrap();
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["Karimi", "met", "Oduya.", "Then", "they", "left."]);
        assert_eq!(&text[page.find("Karimi").unwrap()..][..6], "Karimi");
        assert!(text.contains("Oduya.\n"), "{text:?}");
        for broken in [
            "<",
            "a <",
            "<script>never closed",
            "<!-- open",
            "x <p",
            "é<b>é",
            "<<<>>>",
        ] {
            let mut b = broken.as_bytes().to_vec();
            strip_html(&mut b);
            assert_eq!(b.len(), broken.len(), "{broken:?}");
        }
        let mut b = b"kept text <unclosed".to_vec();
        strip_html(&mut b);
        assert!(b.starts_with(b"kept text "));
    }
}
