//! `manifest.json`: what produced an output directory. The whomet version, the command, every
//! input file with its size and SHA-256, the options, the counts, the diagnostics, the files
//! written, and when it ran. It is the one file of the output that records time: every other
//! file is the same, byte for byte, for the same input whatever the thread count.

use crate::config::Output;
use crate::input::InputRecord;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};
use whomet_core::{Diagnostic, EdgeKind};

/// The manifest's file name in the output directory.
pub const NAME: &str = "manifest.json";

/// The manifest's schema name.
const SCHEMA: &str = "whomet-manifest/1";

/// What is known before the graph is written.
#[derive(Serialize)]
pub struct Manifest {
    schema: &'static str,
    whomet: &'static str,
    command: &'static str,
    /// When the run started, UTC, RFC 3339.
    started: String,
    inputs: Vec<InputRecord>,
    options: Options,
}

#[derive(Serialize)]
struct Options {
    /// The inputs as given (empty: the bundled corpus).
    paths: Vec<String>,
    min_confidence: f64,
    /// `null`: one per CPU.
    threads: Option<usize>,
    out: String,
    formats: Vec<&'static str>,
    force: bool,
    strict: bool,
    drop_isolated: bool,
    show_credits: bool,
}

/// The counts of the graph written.
#[derive(Serialize)]
pub struct Counts {
    documents: usize,
    copies: usize,
    people: usize,
    #[serde(rename = "MET")]
    met: usize,
    #[serde(rename = "CONTACT")]
    contact: usize,
    #[serde(rename = "PLANNED")]
    planned: usize,
    evidence: usize,
}

impl Counts {
    /// The counts of `graph`, built from `documents` articles and `copies` near-duplicates.
    pub fn of(graph: &whomet_graph::Graph, documents: usize, copies: usize) -> Counts {
        let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
        Counts {
            documents,
            copies,
            people: graph.graph.node_count(),
            met: count(EdgeKind::Met),
            contact: count(EdgeKind::Contact),
            planned: count(EdgeKind::Planned),
            evidence: graph.edges().map(|(_, _, e)| e.evidence.len()).sum(),
        }
    }
}

#[derive(Serialize)]
struct Written<'a> {
    #[serde(flatten)]
    manifest: &'a Manifest,
    seconds: f64,
    counts: Counts,
    diagnostics: Vec<String>,
    files: Vec<FileRecord>,
}

#[derive(Serialize)]
struct FileRecord {
    name: String,
    bytes: u64,
}

impl Manifest {
    /// The manifest of a run of `command` that started at `when`, on the `paths` given (articles
    /// or shards) with `threads` (`None`: one per CPU), writing `output`; `inputs` are the files
    /// read.
    pub fn new(
        command: &'static str,
        when: SystemTime,
        inputs: Vec<InputRecord>,
        paths: &[PathBuf],
        threads: Option<usize>,
        output: &Output,
    ) -> Manifest {
        let since = when
            .duration_since(SystemTime::UNIX_EPOCH)
            .unwrap_or_default();
        let started = chrono::DateTime::from_timestamp(since.as_secs() as i64, 0)
            .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
            .unwrap_or_default();
        Manifest {
            schema: SCHEMA,
            whomet: env!("CARGO_PKG_VERSION"),
            command,
            started,
            inputs,
            options: Options {
                paths: paths.iter().map(|p| p.display().to_string()).collect(),
                min_confidence: output.min_confidence,
                threads,
                out: output.out.display().to_string(),
                formats: output.formats.iter().map(|f| f.name()).collect(),
                force: output.force,
                strict: output.strict,
                drop_isolated: output.diagram.drop_isolated,
                show_credits: output.diagram.show_credits,
            },
        }
    }

    /// The manifest's bytes, with the counts, the diagnostics, the run time and the files
    /// already written to `dir`.
    pub fn finish(
        self,
        counts: Counts,
        diagnostics: &[Diagnostic],
        elapsed: Duration,
        dir: &Path,
    ) -> Vec<u8> {
        let mut files: Vec<FileRecord> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| {
                let name = e.file_name().into_string().ok()?;
                let bytes = e.metadata().ok()?.len();
                (!name.starts_with('.')).then_some(FileRecord { name, bytes })
            })
            .collect();
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let written = Written {
            manifest: &self,
            seconds: (elapsed.as_secs_f64() * 1000.0).round() / 1000.0,
            counts,
            diagnostics: diagnostics.iter().map(|d| d.to_string()).collect(),
            files,
        };
        let mut bytes = serde_json::to_vec_pretty(&written).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}
