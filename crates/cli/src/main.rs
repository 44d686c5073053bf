//! `whomet`: builds a who-met-whom graph from news articles.
//!
//! Glue over the library crates: reads inputs (the only place, with [`output`], that touches
//! files), runs the per-article stages, builds the graph and writes the exports atomically.

mod drawing;
mod input;
mod output;
mod parse;
mod shard;
mod term;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use whomet_core::{Analysis, Diagnostic, EdgeKind};

#[derive(Parser)]
#[command(
    name = "whomet",
    version,
    about = "Builds a who-met-whom graph from news articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
struct Inputs {
    /// Articles: .txt/.md files (one article each), .jsonl files (one article per line), directories
    /// (read recursively in path order), or `-` for JSON lines on stdin. Default: data/corpus.
    inputs: Vec<PathBuf>,
    /// Keep only edges with at least this confidence (0..1), e.g. `--min-confidence 0.7`.
    #[arg(long, default_value_t = 0.0)]
    min_confidence: f64,
    /// Worker threads (0: one per core). Output is the same for any number.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(clap::Args, Clone)]
struct Output {
    /// Output directory (created if missing).
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Exit with status 1 when any input was skipped or reported.
    #[arg(long)]
    strict: bool,
    /// Formats to write, comma-separated (default: all), e.g. `--format graphml,gexf,neo4j`.
    #[arg(long, value_delimiter = ',', value_parser = parse_format)]
    format: Vec<whomet_export::Format>,
    /// Write into an output directory even if it holds files whomet did not write.
    #[arg(long)]
    force: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Build the graph and write every export into the output directory.
    ///
    /// Example: `whomet build data/corpus --out out`
    Build {
        #[command(flatten)]
        inputs: Inputs,
        #[command(flatten)]
        output: Output,
    },
    /// Analyse articles one by one and write, per article, one JSON line of everything it
    /// contributes (a shard for `merge`). Keeps no state between articles.
    ///
    /// Example: `whomet extract articles/ > shard-1.jsonl`
    Extract {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Merge shards written by `extract` into the graph and write the same output directory as
    /// `build` would for the same articles.
    ///
    /// Example: `whomet merge shard-1.jsonl shard-2.jsonl --out out`
    Merge {
        /// Shard files or directories of them (`.jsonl`), or `-` for stdin.
        shards: Vec<PathBuf>,
        /// Keep only edges with at least this confidence (0..1).
        #[arg(long, default_value_t = 0.0)]
        min_confidence: f64,
        #[command(flatten)]
        output: Output,
    },
    /// Build the graph and score it against a gold file (schema whomet-gold/1).
    ///
    /// Example: `whomet eval --gold ../shared/gold/seeds.gold.json data/corpus`
    Eval {
        #[command(flatten)]
        inputs: Inputs,
        /// Gold annotation file.
        #[arg(long)]
        gold: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show who a person is (name forms, documents, merges), or the evidence for a pair.
    ///
    /// Example: `whomet explain "Ismail Haniyeh" "Ali Khamenei"`
    Explain {
        /// A person (name, alias or id).
        person: String,
        /// A second person: show every piece of evidence for the pair.
        other: Option<String>,
        /// Articles to read (default: data/corpus).
        #[arg(long = "input")]
        inputs: Vec<PathBuf>,
    },
    /// Print an article's sentences as CoNLL-U: whomet's sentences and tokens with the tags,
    /// lemmas and dependency tree of the syntax model, as the meeting rules see them (a named
    /// person, with the titles before the name, is one word). MISC's `Span=` gives each word's
    /// byte offsets in the input.
    ///
    /// Example: `whomet parse "Karimi met Oduya in Lima."`, `whomet parse article.txt`,
    /// `whomet parse - < article.txt`
    Parse {
        /// The text itself, a file to read, or `-` for standard input.
        input: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
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

fn run(cli: Cli) -> Result<ExitCode> {
    let threads = match &cli.command {
        Command::Build { inputs, .. }
        | Command::Extract { inputs }
        | Command::Eval { inputs, .. } => inputs.threads,
        _ => 0,
    };
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads > cpus * THREADS_PER_CPU {
        bail!(
            "--threads {threads} is more than {} ({THREADS_PER_CPU} per CPU, and this machine has {cpus}): give at most that, or 0 for one thread per CPU",
            cpus * THREADS_PER_CPU
        );
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .context("starting worker threads")?;
    match cli.command {
        Command::Parse { input } => {
            emit(&parse::conllu(&input)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Build { inputs, output } => {
            let started = Instant::now();
            let staging = output::Staging::new(&output.out, output.force)?;
            let spill = output::Spill::new(staging.dir());
            let failed = spill.failed();
            let (builder, diagnostics) = analyse(
                &inputs,
                whomet_graph::Builder::with_text_store(Box::new(spill)),
            )?;
            write_outputs(
                builder,
                &diagnostics,
                inputs.min_confidence,
                &output,
                staging,
                started,
                || {
                    failed
                        .lock()
                        .map_or(Ok(()), |mut e| e.take().map_or(Ok(()), Err))
                },
            )
        }
        Command::Extract { inputs } => {
            let mut out = std::io::BufWriter::new(std::io::stdout());
            let diagnostics = for_each_analysis(&inputs, |a| shard::write(&mut out, a))?;
            use std::io::Write;
            out.flush()?;
            print_diagnostics(&diagnostics);
            Ok(ExitCode::SUCCESS)
        }
        Command::Merge {
            shards,
            min_confidence,
            output,
        } => {
            let started = Instant::now();
            let staging = output::Staging::new(&output.out, output.force)?;
            let mut builder = whomet_graph::Builder::default();
            let diagnostics = shard::read(&shards, |a| builder.add(&a))?;
            write_outputs(
                builder,
                &diagnostics,
                min_confidence,
                &output,
                staging,
                started,
                || Ok(()),
            )
        }
        Command::Eval { inputs, gold, json } => {
            let gold_text = std::fs::read_to_string(&gold)
                .with_context(|| format!("reading gold file {}", gold.display()))?;
            let gold = whomet_eval::Gold::from_json(&gold_text)
                .with_context(|| format!("gold file {}", gold.display()))?;
            let (builder, diagnostics) = analyse(&inputs, whomet_graph::Builder::default())?;
            print_diagnostics(&diagnostics);
            let graph = graph(builder, inputs.min_confidence);
            let report = whomet_eval::score(&gold, &graph);
            if json {
                emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
            } else {
                emit(&report.to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain {
            person,
            other,
            inputs,
        } => {
            let inputs = Inputs {
                inputs,
                min_confidence: 0.0,
                threads: 0,
                quiet: true,
            };
            let (builder, _) = analyse(&inputs, whomet_graph::Builder::default())?;
            let graph = graph(builder, 0.0);
            emit(&explain(&graph, &person, other.as_deref())?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Threads allowed per CPU: more only adds the cost of starting them (`--threads 100000` spent
/// minutes creating threads).
const THREADS_PER_CPU: usize = 8;

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

fn parse_format(s: &str) -> Result<whomet_export::Format, String> {
    whomet_export::Format::ALL
        .into_iter()
        .find(|f| f.name() == s)
        .ok_or_else(|| {
            let names: Vec<&str> = whomet_export::Format::ALL
                .iter()
                .map(|f| f.name())
                .collect();
            format!("unknown format {s:?}; choose from {}", names.join(", "))
        })
}

/// Runs the per-article stages over every input and gathers the analyses into a graph builder.
fn analyse(
    inputs: &Inputs,
    mut builder: whomet_graph::Builder,
) -> Result<(whomet_graph::Builder, Vec<Diagnostic>)> {
    let diagnostics = for_each_analysis(inputs, |a| {
        builder.add(&a);
        Ok(())
    })?;
    Ok((builder, diagnostics))
}

/// Runs the per-article stages over every input: jobs are streamed in batches, each batch
/// analysed in parallel and handed to `sink` in input order while the next batch is analysed,
/// so memory holds what the sink keeps, not the corpus, and the result does not depend on the
/// number of threads. A repeated document id is reported and the later document skipped.
fn for_each_analysis(
    inputs: &Inputs,
    mut sink: impl FnMut(Analysis) -> Result<()> + Send,
) -> Result<Vec<Diagnostic>> {
    use rayon::prelude::*;
    let paths = if inputs.inputs.is_empty() {
        vec![PathBuf::from("data/corpus")]
    } else {
        inputs.inputs.clone()
    };
    let (files, mut diagnostics) = input::expand(&paths)?;
    let total: u64 = files
        .iter()
        .filter_map(|f| f.path().metadata().ok())
        .map(|m| m.len())
        .sum();
    let progress = progress_bar(total, inputs.quiet);
    let mut ids = std::collections::HashSet::new();
    let mut failed = None;
    type Done = (u64, Option<(String, Analysis)>, Vec<Diagnostic>);
    let mut pending: Vec<Done> = Vec::new();
    let mut consume = |results: Vec<Done>, diagnostics: &mut Vec<Diagnostic>| {
        for (size, analysis, diags) in results {
            progress.inc(size);
            diagnostics.extend(diags);
            let Some((source, a)) = analysis else {
                continue;
            };
            if !ids.insert(a.doc.clone()) {
                diagnostics.push(Diagnostic {
                    source,
                    line: None,
                    message: format!("duplicate document id {:?}: skipped", a.doc),
                });
                continue;
            }
            progress.set_message(format!("{} documents", ids.len()));
            if failed.is_none()
                && let Err(e) = sink(a)
            {
                failed = Some(e);
            }
        }
    };
    input::stream(&files, 512, &mut diagnostics, |jobs, diagnostics| {
        let previous = std::mem::take(&mut pending);
        (pending, ()) = rayon::join(
            || {
                jobs.into_par_iter()
                    .map(|job| {
                        let size = job.size();
                        let (article, note) = job.load();
                        let mut diags: Vec<Diagnostic> = note.into_iter().collect();
                        let analysis =
                            article.map(|a| (a.source.clone(), analyse_one(&a, &mut diags)));
                        (size, analysis, diags)
                    })
                    .collect()
            },
            || consume(previous, diagnostics),
        );
    })?;
    consume(pending, &mut diagnostics);
    progress.finish_and_clear();
    match failed {
        Some(e) => Err(e),
        None => Ok(diagnostics),
    }
}

/// The per-article stages: prepare, extract, detect.
fn analyse_one(a: &input::Article, diags: &mut Vec<Diagnostic>) -> Analysis {
    let input = whomet_extract::Input {
        id: &a.id,
        source: &a.source,
        date: a.date,
        title: a.title.as_deref(),
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
    min_confidence: f64,
    output: &Output,
    staging: output::Staging,
    started: Instant,
    spill_failed: impl FnOnce() -> std::io::Result<()>,
) -> Result<ExitCode> {
    let docs = builder.len();
    phase("analysed", started);
    let graph = graph(builder, min_confidence);
    spill_failed().context("keeping the evidence text in a temporary file")?;
    phase("graph built", started);
    let diagnostics = diagnostics.to_vec();
    let formats = formats(&output.format);
    let layout = drawing::lay_out(&graph, &formats);
    phase("laid out", started);
    let writing = drawing::writing(formats.len());
    output::write_formats(staging.dir(), &graph, &formats, &layout)
        .with_context(|| format!("writing the output for {}", staging.out().display()))?;
    writing.finish_and_clear();
    staging.commit()?;
    phase("written", started);
    print_diagnostics(&diagnostics);
    let count = |k: EdgeKind| graph.edges().filter(|(_, _, e)| e.kind == k).count();
    // Every file is written: a closed or full stdout does not fail the build.
    let _ = emit(&format!(
        "{docs} documents, {} people, {} MET, {} CONTACT, {} PLANNED edges, {} diagnostics, {:.2}s -> {}\n",
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

/// The formats asked for (none: all).
fn formats(asked: &[whomet_export::Format]) -> Vec<whomet_export::Format> {
    if asked.is_empty() {
        whomet_export::Format::ALL.to_vec()
    } else {
        asked.to_vec()
    }
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
            [] => bail!("no person named {name:?} in the graph"),
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
                        "  [{}] {}..{} trigger {:?} date {} place {} confidence {} ({})\n    {}",
                        ev.doc,
                        ev.sentence.start,
                        ev.sentence.end,
                        ev.trigger,
                        if date.is_empty() { "-" } else { &date },
                        ev.place.unwrap_or("-"),
                        ev.confidence,
                        ev.cues().collect::<Vec<_>>().join(", "),
                        ev.text
                    )?;
                }
            }
            if !any {
                writeln!(out, "no edge between {} and {}", pa.label, pb.label)?;
            }
        }
    }
    Ok(out)
}
