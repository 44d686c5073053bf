//! `whomet`: builds a who-met-whom graph from news articles.
//!
//! Glue over the library crates, and the only crate that touches files: resolves the command
//! line into a [`Config`] ([`config`]), reads articles ([`input`]), shards ([`shard`]), a text
//! to parse ([`parse`]) and a saved graph (`explain`), runs the per-article stages, builds the
//! graph and writes the output directory as one set ([`output`], [`manifest`]).

mod config;
mod drawing;
mod explain;
mod input;
mod manifest;
mod output;
mod parse;
mod shard;
mod term;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, Result, bail};
use clap::Parser;
use config::{Cli, Config, GraphSource, Output, Read, Task};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use whomet_core::{Analysis, Diagnostic, EdgeKind};

fn main() -> ExitCode {
    let config = Config::new(Cli::parse());
    match run(config) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("whomet: error: {}", term::safe(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn run(config: Config) -> Result<ExitCode> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads.unwrap_or(0))
        .build_global()
        .context("starting worker threads")?;
    match config.task {
        Task::Parse { input } => {
            emit(&parse::conllu(&input)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Task::Build { read, output } => build(&read, &output, config.threads),
        Task::Extract { read } => {
            let mut out = std::io::BufWriter::new(std::io::stdout());
            let run = for_each_analysis(&read, false, |a| shard::write(&mut out, a))?;
            use std::io::Write;
            out.flush()?;
            print_diagnostics(&run.diagnostics);
            Ok(ExitCode::SUCCESS)
        }
        Task::Merge { shards, output } => merge(&shards, &output),
        Task::Eval {
            read,
            min_confidence,
            gold,
            json,
        } => eval(&read, min_confidence, &gold, json),
        Task::Explain {
            person,
            other,
            from,
        } => {
            let text = match from {
                GraphSource::Saved(dir) => {
                    let path = dir.join("graph.json");
                    let json = std::fs::read_to_string(&path).with_context(|| {
                        format!(
                            "reading {} (write it with `whomet build --out {}`)",
                            path.display(),
                            dir.display()
                        )
                    })?;
                    let saved = explain::Saved::parse(&json)
                        .with_context(|| format!("reading {}", path.display()))?;
                    saved.explain(&person, other.as_deref())?
                }
                GraphSource::Articles(read) => {
                    let (builder, _) = analyse(&read, whomet_graph::Builder::default())?;
                    let graph = graph(builder, 0.0);
                    explain(&graph, &person, other.as_deref())?
                }
            };
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `whomet build`: analyses the articles, the evidence text spilt to a temporary file of the
/// new output directory, and writes the output directory.
fn build(read: &Read, output: &Output, threads: Option<usize>) -> Result<ExitCode> {
    let started = Instant::now();
    let when = std::time::SystemTime::now();
    let staging = output::Staging::new(&output.out, output.force)?;
    let spill = output::Spill::new(staging.dir());
    let failed = spill.failed();
    let (builder, run) = analyse(
        read,
        whomet_graph::Builder::with_text_store(Box::new(spill)),
    )?;
    let manifest = manifest::Manifest::new("build", when, run.inputs, &read.paths, threads, output);
    write_outputs(
        builder,
        &run.diagnostics,
        output,
        staging,
        (started, manifest),
        || {
            failed
                .lock()
                .map_or(Ok(()), |mut e| e.take().map_or(Ok(()), Err))
        },
    )
}

/// `whomet merge`: reads the shards into the graph builder and writes the output directory.
fn merge(shards: &[PathBuf], output: &Output) -> Result<ExitCode> {
    let started = Instant::now();
    let when = std::time::SystemTime::now();
    let staging = output::Staging::new(&output.out, output.force)?;
    let mut builder = whomet_graph::Builder::default();
    let (diagnostics, files) = shard::read(shards, |a| builder.add(&a))?;
    let manifest = manifest::Manifest::new("merge", when, files, shards, None, output);
    write_outputs(
        builder,
        &diagnostics,
        output,
        staging,
        (started, manifest),
        || Ok(()),
    )
}

/// `whomet eval`: builds the graph and prints its score against the gold file.
fn eval(read: &Read, min_confidence: f64, gold_path: &Path, json: bool) -> Result<ExitCode> {
    let gold_text = std::fs::read_to_string(gold_path)
        .with_context(|| format!("reading gold file {}", gold_path.display()))?;
    let gold = whomet_eval::Gold::from_json(&gold_text)
        .with_context(|| format!("gold file {}", gold_path.display()))?;
    let (builder, run) = analyse(read, whomet_graph::Builder::default())?;
    print_diagnostics(&run.diagnostics);
    let graph = graph(builder, min_confidence);
    let wanted = gold.documents();
    let mut read = std::collections::BTreeSet::new();
    for (id, a) in graph.articles() {
        read.insert(id);
        read.extend(a.copy_ids.iter().map(|c| &**c));
    }
    let found = gold.documents_in(read.iter().copied());
    if found == 0 {
        let example: Vec<&str> = wanted.iter().take(3).map(String::as_str).collect();
        bail!(
            "none of the {} documents of the gold file {} is in the input ({} documents read, ids such as {}): give the articles the gold file annotates",
            wanted.len(),
            gold_path.display(),
            read.len(),
            if example.is_empty() {
                "none".to_string()
            } else {
                example.join(", ")
            }
        );
    }
    let report = whomet_eval::score(&gold, &graph);
    if json {
        let mut value = serde_json::to_value(&report)?;
        value["documents"] = serde_json::json!({
            "gold": wanted.len(), "in_input": found, "input": read.len()
        });
        emit(&format!("{}\n", serde_json::to_string_pretty(&value)?))?;
    } else {
        emit(&format!(
            "gold documents in the input: {found} of {} ({} documents read)\n{report}",
            wanted.len(),
            read.len()
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints diagnostics to stderr, control characters and bidirectional overrides escaped.
fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{}", term::safe(&d.to_string()));
    }
}

/// Writes to stdout; a closed pipe (`whomet eval | head`) surfaces as an I/O error that `main`
/// treats as success.
fn emit(s: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// What reading the inputs gave besides the analyses: diagnostics, and the files read, for the
/// manifest.
struct Run {
    diagnostics: Vec<Diagnostic>,
    inputs: Vec<input::InputRecord>,
}

/// Runs the per-article stages over every input and gathers the analyses into a graph builder.
/// A near-duplicate copy of an article read before is not analysed: the builder only records
/// it on the first copy.
fn analyse(
    read: &Read,
    mut builder: whomet_graph::Builder,
) -> Result<(whomet_graph::Builder, Run)> {
    let run = for_each_analysis(read, true, |a| {
        builder.add(&a);
        Ok(())
    })?;
    Ok((builder, run))
}

/// One input article on its way: bytes of input it stands for, the article (none when it could
/// not be had), its diagnostics, whether it is a copy of one read before, its fingerprint.
type Loaded = (
    u64,
    Option<input::Article>,
    Vec<Diagnostic>,
    bool,
    Option<whomet_core::Fingerprint>,
);

/// Runs the per-article stages over every input: jobs are streamed in batches; each batch is
/// read and fingerprinted in parallel, checked in input order (a repeated document id is
/// reported and the later document skipped; with `skip_copies`, a near-duplicate of an article
/// kept before is marked a copy and not analysed), analysed in parallel and handed to `sink` in
/// input order while the next batch is analysed. Memory holds what the sink keeps, not the
/// corpus, and the result does not depend on the number of threads.
fn for_each_analysis(
    read: &Read,
    skip_copies: bool,
    mut sink: impl FnMut(Analysis) -> Result<()> + Send,
) -> Result<Run> {
    use rayon::prelude::*;
    let paths = if read.paths.is_empty() {
        let corpus = PathBuf::from("data/corpus");
        if !corpus.is_dir() {
            bail!(
                "no input given, and no bundled corpus (data/corpus) in this directory: name the articles to read, e.g. `whomet build articles/` (files, directories, or - for JSON lines on standard input)"
            );
        }
        vec![corpus]
    } else {
        read.paths.clone()
    };
    let (files, mut diagnostics) = input::expand(&paths)?;
    let total: u64 = files
        .iter()
        .filter_map(|f| f.path().metadata().ok())
        .map(|m| m.len())
        .sum();
    let progress = progress_bar(total, read.quiet);
    let mut seen = Seen::default();
    let mut records = Vec::new();
    let mut file_records = Vec::new();
    let mut failed = None;
    let mut count = 0usize;
    let mut pending: Vec<Done> = Vec::new();
    let mut consume = |results: Vec<Done>, diagnostics: &mut Vec<Diagnostic>| {
        for (size, analysis, diags) in results {
            progress.inc(size);
            diagnostics.extend(diags);
            let Some(a) = analysis else {
                continue;
            };
            count += 1;
            progress.set_message(format!("{count} documents"));
            if failed.is_none()
                && let Err(e) = sink(a)
            {
                failed = Some(e);
            }
        }
    };
    input::stream(
        &files,
        512,
        &mut diagnostics,
        &mut records,
        |jobs, diagnostics| {
            let previous = std::mem::take(&mut pending);
            (pending, ()) = rayon::join(
                || {
                    let loaded: Vec<_> = jobs.into_par_iter().map(load).collect();
                    let work = seen.check(loaded, skip_copies, &mut file_records);
                    work.into_par_iter().map(analyse_loaded).collect()
                },
                || consume(previous, diagnostics),
            );
        },
    )?;
    consume(pending, &mut diagnostics);
    progress.finish_and_clear();
    records.extend(file_records);
    records.sort_by(|a, b| a.path.cmp(&b.path));
    match failed {
        Some(e) => Err(e),
        None => Ok(Run {
            diagnostics,
            inputs: records,
        }),
    }
}

/// One input article read: bytes of input it stands for, the article (none when it could not be
/// had), its diagnostics, its file's record for the manifest, its fingerprint.
type Fetched = (
    u64,
    Option<input::Article>,
    Vec<Diagnostic>,
    Option<input::InputRecord>,
    Option<whomet_core::Fingerprint>,
);

/// One input article analysed: bytes of input it stands for, its analysis (none when it could
/// not be had), its diagnostics.
type Done = (u64, Option<Analysis>, Vec<Diagnostic>);

/// Reads one job and fingerprints its article.
fn load(job: input::Job) -> Fetched {
    let size = job.size();
    let (article, notes, record) = job.load();
    let fp = article
        .as_ref()
        .map(|a| whomet_graph::dedup::fingerprint(&String::from_utf8_lossy(&a.bytes)));
    (size, article, notes, record, fp)
}

/// What the articles read so far tell about the next: their ids, and the fingerprints of those
/// kept (not copies).
#[derive(Default)]
struct Seen {
    ids: std::collections::HashSet<String>,
    index: whomet_graph::dedup::Index,
    kept: u32,
}

impl Seen {
    /// Checks a batch in input order: a repeated document id is reported and the later document
    /// skipped; with `skip_copies`, a near-duplicate of an article kept before is marked a copy.
    /// The files' records go to `file_records`.
    fn check(
        &mut self,
        loaded: Vec<Fetched>,
        skip_copies: bool,
        file_records: &mut Vec<input::InputRecord>,
    ) -> Vec<Loaded> {
        let mut work: Vec<Loaded> = Vec::with_capacity(loaded.len());
        for (size, article, mut notes, record, fp) in loaded {
            file_records.extend(record);
            let article = article.filter(|a| {
                let new = self.ids.insert(a.id.clone());
                if !new {
                    notes.push(Diagnostic {
                        source: a.source.clone(),
                        line: None,
                        message: format!("duplicate document id {:?}: skipped", a.id),
                    });
                }
                new
            });
            let copy = article.is_some()
                && skip_copies
                && fp.is_some_and(|fp| {
                    let copy = self.index.insert(fp, self.kept).is_some();
                    self.kept += u32::from(!copy);
                    copy
                });
            work.push((size, article, notes, copy, fp));
        }
        work
    }
}

/// Analyses one checked article; a copy gets an empty analysis of its id, date, metadata and
/// fingerprint.
fn analyse_loaded((size, article, mut diags, copy, fp): Loaded) -> Done {
    let analysis = article.map(|a| {
        let mut analysis = if copy {
            Analysis {
                doc: a.id.clone(),
                date: a.date,
                ..Analysis::default()
            }
        } else {
            analyse_one(&a, &mut diags)
        };
        analysis.article = a.meta;
        analysis.fingerprint = fp;
        analysis
    });
    (size, analysis, diags)
}

/// The per-article stages: prepare, extract, detect.
fn analyse_one(a: &input::Article, diags: &mut Vec<Diagnostic>) -> Analysis {
    let input = whomet_extract::Input {
        id: &a.id,
        source: &a.source,
        date: a.date,
        title: a.meta.title.as_deref(),
    };
    let (analysis, d) = whomet_relate::analyse(&input, &a.bytes);
    diags.extend(d);
    analysis
}

/// A progress bar on a terminal (documents, MB, rate, ETA); hidden otherwise or with --quiet.
fn progress_bar(total: u64, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:30} {msg} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
        )
        .expect("valid template"),
    );
    bar
}

/// Builds the graph, writes every chosen format atomically and prints the summary.
fn write_outputs(
    builder: whomet_graph::Builder,
    diagnostics: &[Diagnostic],
    output: &Output,
    staging: output::Staging,
    (started, manifest): (Instant, manifest::Manifest),
    spill_failed: impl FnOnce() -> std::io::Result<()>,
) -> Result<ExitCode> {
    let docs = builder.len();
    let copies = builder.copies();
    phase("analysed", started);
    let graph = graph(builder, output.min_confidence);
    spill_failed().context("keeping the evidence text in a temporary file")?;
    phase("graph built", started);
    let diagnostics = diagnostics.to_vec();
    let formats = &output.formats;
    let layout = drawing::lay_out(&graph, formats, output.diagram);
    phase("laid out", started);
    let writing = drawing::writing(formats.len());
    output::write_formats(staging.dir(), &graph, formats, &layout)
        .with_context(|| format!("writing the output for {}", staging.out().display()))?;
    writing.finish_and_clear();
    let counts = manifest::Counts::of(&graph, docs, copies);
    let manifest = manifest.finish(counts, &diagnostics, started.elapsed(), staging.dir());
    output::write_file(staging.dir(), manifest::NAME, &manifest)
        .with_context(|| format!("writing {} for {}", manifest::NAME, staging.out().display()))?;
    staging.commit()?;
    phase("written", started);
    print_diagnostics(&diagnostics);
    let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
    // Every file is written: a closed or full stdout does not fail the build.
    let copies = match copies {
        0 => String::new(),
        n => format!(" ({n} near-duplicate copies counted once)"),
    };
    let _ = emit(&format!(
        "{docs} documents{copies}, {} people, {} MET, {} CONTACT, {} PLANNED edges, {} diagnostics, {:.2}s -> {}\n",
        graph.graph.node_count(),
        count(EdgeKind::Met),
        count(EdgeKind::Contact),
        count(EdgeKind::Planned),
        diagnostics.len(),
        started.elapsed().as_secs_f64(),
        term::safe(&output.out.display().to_string())
    ));
    // The process ends here: freeing millions of small allocations one by one would only add
    // to the run time.
    std::mem::forget(graph);
    Ok(if output.strict && !diagnostics.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// With `WHOMET_TIMINGS` set, prints to stderr the time since `started` and the peak resident
/// memory so far (Linux), for `scripts/bench.sh` and docs/PERFORMANCE.md.
fn phase(name: &str, started: Instant) {
    if std::env::var_os("WHOMET_TIMINGS").is_none() {
        return;
    }
    let peak = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            Some(line.trim_start_matches("VmHWM:").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    eprintln!(
        "whomet: {name} at {:.2}s, peak memory {peak}",
        started.elapsed().as_secs_f64()
    );
}

fn graph(builder: whomet_graph::Builder, min_confidence: f64) -> whomet_graph::Graph {
    let mut g = builder.finish();
    if min_confidence > 0.0 {
        g.filter_confidence(min_confidence);
    }
    g
}

fn explain(graph: &whomet_graph::Graph, a: &str, b: Option<&str>) -> Result<String> {
    use std::fmt::Write;
    let find = |name: &str| -> Result<&whomet_graph::PersonNode> {
        match graph.find(name).as_slice() {
            [one] => Ok(one),
            [] => Err(explain::not_found(
                name,
                graph.nodes().map(|n| {
                    let aliases = graph.strs(&n.aliases).collect();
                    (n.id.as_str(), n.label.as_str(), aliases)
                }),
            )),
            many => bail!(
                "{name:?} is ambiguous: {}",
                many.iter()
                    .map(|n| n.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    let pa = find(a)?;
    let mut out = String::new();
    match b {
        None => {
            writeln!(out, "{} ({})", pa.label, pa.id)?;
            let joined = |syms| graph.strs(syms).collect::<Vec<_>>().join("; ");
            writeln!(out, "  aliases: {}", joined(&pa.aliases))?;
            writeln!(out, "  roles: {}", joined(&pa.roles))?;
            let docs: Vec<&str> = graph.docs(&pa.documents).collect();
            writeln!(out, "  documents: {}", docs.join("; "))?;
            writeln!(
                out,
                "  mentions: {}{}",
                pa.mentions,
                if pa.credit { " (credit only)" } else { "" }
            )?;
            writeln!(out, "  merged from:")?;
            for m in pa.merges.iter() {
                let (name, doc, rule) = (graph.str(m.name), graph.doc(m.doc), graph.str(m.rule));
                writeln!(out, "    {name:?} in {doc} by rule: {rule}")?;
            }
        }
        Some(b) => {
            let pb = find(b)?;
            let mut any = false;
            for (x, y, e) in graph.edges() {
                if !((x.id == pa.id && y.id == pb.id) || (x.id == pb.id && y.id == pa.id)) {
                    continue;
                }
                any = true;
                writeln!(
                    out,
                    "{} -- {}: {} confidence {}",
                    pa.label, pb.label, e.kind, e.confidence
                )?;
                for ev in graph.evidence(e) {
                    let date = ev.date.map(|d| d.to_string()).unwrap_or_default();
                    writeln!(
                        out,
                        "  [{}] {}..{} trigger {:?} date {} place {} confidence {} ({})",
                        ev.doc,
                        ev.sentence.start,
                        ev.sentence.end,
                        ev.trigger,
                        if date.is_empty() { "-" } else { &date },
                        ev.place.unwrap_or("-"),
                        ev.confidence,
                        ev.cues().collect::<Vec<_>>().join(", "),
                    )?;
                    let art = ev.article;
                    if let Some(from) =
                        explain::cited(art.title.as_deref(), art.url.as_deref(), art.copies())
                    {
                        writeln!(out, "    from: {from}")?;
                    }
                    writeln!(out, "    {}", ev.text)?;
                }
            }
            if !any {
                writeln!(out, "no edge between {} and {}", pa.label, pb.label)?;
            }
        }
    }
    Ok(out)
}
