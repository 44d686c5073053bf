//! The command line in two layers, as ripgrep has them: clap's raw arguments ([`Cli`]), as the
//! user typed them, and the [`Config`] they resolve to, once, which is what the commands read
//! (defaults filled in, formats listed, the graph `explain` reads chosen).

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use whomet_export::{Diagram, Format};

/// What to do, resolved from the command line.
pub struct Config {
    /// Worker threads (`None`: one per CPU).
    pub threads: Option<usize>,
    pub task: Task,
}

/// A command and what it reads and writes.
pub enum Task {
    /// Analyse articles and write the output directory.
    Build { read: Read, output: Output },
    /// Analyse articles and write one shard line per article to stdout.
    Extract { read: Read },
    /// Read shards and write the output directory.
    Merge {
        shards: Vec<PathBuf>,
        output: Output,
    },
    /// Analyse articles and score the graph against a gold file.
    Eval {
        read: Read,
        min_confidence: f64,
        gold: PathBuf,
        json: bool,
    },
    /// Show a person, or the evidence of a pair.
    Explain {
        person: String,
        other: Option<String>,
        from: GraphSource,
    },
    /// Print an article's sentences as CoNLL-U.
    Parse { input: String },
}

/// The articles to read.
pub struct Read {
    /// As given (empty: the bundled corpus, `data/corpus`).
    pub paths: Vec<PathBuf>,
    /// No progress bar.
    pub quiet: bool,
}

/// The output directory and what goes into it.
pub struct Output {
    pub out: PathBuf,
    pub force: bool,
    /// Exit with status 1 when there are diagnostics.
    pub strict: bool,
    /// The formats to write (every one when none was asked for).
    pub formats: Vec<Format>,
    /// Who the drawings show.
    pub diagram: Diagram,
    /// Edges below this confidence are left out.
    pub min_confidence: f64,
}

/// Where `explain` finds its graph.
pub enum GraphSource {
    /// The `graph.json` of an output directory.
    Saved(PathBuf),
    /// Built again from articles (which also gives the merge records).
    Articles(Read),
}

impl Config {
    /// The configuration of a parsed command line. `explain` without `--graph` or articles reads
    /// `out/` when it holds a graph.
    pub fn new(cli: Cli) -> Config {
        match cli.command {
            Command::Build { inputs, output } => Config {
                threads: inputs.threads,
                task: Task::Build {
                    output: output.resolve(inputs.min_confidence),
                    read: inputs.read(),
                },
            },
            Command::Extract { inputs } => Config {
                threads: inputs.threads,
                task: Task::Extract {
                    read: inputs.read(),
                },
            },
            Command::Merge {
                shards,
                min_confidence,
                output,
            } => Config::all_cpus(Task::Merge {
                shards,
                output: output.resolve(min_confidence),
            }),
            Command::Eval { inputs, gold, json } => Config {
                threads: inputs.threads,
                task: Task::Eval {
                    min_confidence: inputs.min_confidence,
                    read: inputs.read(),
                    gold,
                    json,
                },
            },
            Command::Explain {
                person,
                other,
                graph,
                inputs,
            } => {
                let default_out = PathBuf::from("out");
                let saved = graph.or_else(|| {
                    (inputs.is_empty() && default_out.join("graph.json").is_file())
                        .then_some(default_out)
                });
                let from = match saved {
                    Some(dir) => GraphSource::Saved(dir),
                    None => GraphSource::Articles(Read {
                        paths: inputs,
                        quiet: true,
                    }),
                };
                Config::all_cpus(Task::Explain {
                    person,
                    other,
                    from,
                })
            }
            Command::Parse { input } => Config::all_cpus(Task::Parse { input }),
        }
    }

    /// A command without `--threads`.
    fn all_cpus(task: Task) -> Config {
        Config {
            threads: None,
            task,
        }
    }
}

impl InputArgs {
    fn read(self) -> Read {
        Read {
            paths: self.inputs,
            quiet: self.quiet,
        }
    }
}

impl OutputArgs {
    fn resolve(self, min_confidence: f64) -> Output {
        Output {
            out: self.out,
            force: self.force,
            strict: self.strict,
            formats: if self.format.is_empty() {
                Format::ALL.to_vec()
            } else {
                self.format
            },
            diagram: Diagram {
                drop_isolated: self.drop_isolated,
                show_credits: self.show_credits,
            },
            min_confidence,
        }
    }
}

#[derive(Parser)]
#[command(
    name = "whomet",
    version,
    about = "Builds a who-met-whom graph from news articles"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// Articles: .txt/.text/.md/.html files (one article each; any case), .jsonl files (one
    /// article per line), directories (read recursively in path order), or `-` for JSON lines on
    /// stdin. Default: data/corpus.
    inputs: Vec<PathBuf>,
    /// Keep only edges with at least this confidence, a number in 0..=1, e.g. `--min-confidence 0.7`.
    #[arg(long, default_value_t = 0.0, value_parser = parse_confidence)]
    min_confidence: f64,
    /// Worker threads, at least 1 and at most 8 per CPU (default: one per CPU), e.g.
    /// `--threads 4`. Output is the same for any number.
    #[arg(long, value_parser = parse_threads)]
    threads: Option<usize>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(clap::Args, Clone)]
pub struct OutputArgs {
    /// Output directory (created if missing; not a file), e.g. `--out graph/`.
    #[arg(long, default_value = "out", value_parser = parse_out)]
    out: PathBuf,
    /// Exit with status 1 when any input was skipped or reported.
    #[arg(long)]
    strict: bool,
    /// Formats to write, comma-separated (default: all), e.g. `--format graphml,gexf,neo4j`.
    #[arg(long, value_delimiter = ',', value_parser = parse_format)]
    format: Vec<Format>,
    /// Write into an output directory even if it holds files whomet did not write.
    #[arg(long)]
    force: bool,
    /// Leave people without edges out of the drawings (graph.dot, graph.svg, the report's
    /// graph view and people table); the data files keep them.
    #[arg(long)]
    drop_isolated: bool,
    /// Draw people seen only as photo credits or bylines too (left out of the drawings by
    /// default; the data files keep them, marked `credit`).
    #[arg(long)]
    show_credits: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the graph and write every export into the output directory.
    ///
    /// Example: `whomet build data/corpus --out out`
    Build {
        #[command(flatten)]
        inputs: InputArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Analyse articles one by one and write, per article, one JSON line of everything it
    /// contributes (a shard for `merge`). Keeps no state between articles.
    ///
    /// Example: `whomet extract articles/ > shard-1.jsonl`
    Extract {
        #[command(flatten)]
        inputs: InputArgs,
    },
    /// Merge shards written by `extract` into the graph and write the same output directory as
    /// `build` would for the same articles.
    ///
    /// Example: `whomet merge shard-1.jsonl shard-2.jsonl --out out`
    Merge {
        /// Shard files or directories of them (`.jsonl`), or `-` for stdin.
        shards: Vec<PathBuf>,
        /// Keep only edges with at least this confidence, a number in 0..=1.
        #[arg(long, default_value_t = 0.0, value_parser = parse_confidence)]
        min_confidence: f64,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Build the graph and score it against a gold file (schema whomet-gold/1).
    ///
    /// Example: `whomet eval --gold ../shared/gold/seeds.gold.json data/corpus`
    Eval {
        #[command(flatten)]
        inputs: InputArgs,
        /// Gold annotation file.
        #[arg(long)]
        gold: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show who a person is (name forms, documents, merges), or the evidence for a pair, from
    /// the graph `build` wrote (`--graph`, default `out/` when it holds one), or from articles
    /// given after `--` (the graph is then built again, and also shows how people were merged).
    ///
    /// Examples: `whomet explain "Ismail Haniyeh" "Ali Khamenei"`,
    /// `whomet explain --graph out/ Haniyeh`, `whomet explain Haniyeh -- articles/`
    Explain {
        /// A person (name, alias or id).
        person: String,
        /// A second person: show every piece of evidence for the pair.
        other: Option<String>,
        /// An output directory of `whomet build`: its graph.json is read.
        #[arg(long, conflicts_with = "inputs")]
        graph: Option<PathBuf>,
        /// Articles to build the graph from, as `build` takes them, after `--`.
        #[arg(last = true)]
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

/// Threads allowed per CPU: more only adds the cost of starting them (`--threads 100000` spent
/// minutes creating threads).
const THREADS_PER_CPU: usize = 8;

fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `--min-confidence`: a number in 0..=1.
fn parse_confidence(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err("--min-confidence takes a number from 0 to 1 (0..=1), e.g. 0.7".into()),
    }
}

/// `--threads`: 1 up to [`THREADS_PER_CPU`] per CPU (more only adds the cost of starting them).
fn parse_threads(s: &str) -> Result<usize, String> {
    let max = cpus() * THREADS_PER_CPU;
    match s.trim().parse::<usize>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(format!(
            "--threads takes a whole number from 1 to {max} ({THREADS_PER_CPU} per CPU, and this machine has {}); leave it out for one thread per CPU",
            cpus()
        )),
    }
}

/// `--out`: a directory, or a path that does not exist yet; not a file.
fn parse_out(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match std::fs::metadata(&path) {
        Ok(m) if !m.is_dir() => Err(format!(
            "--out {s} is {}not a directory: --out takes a directory (made if missing); choose another path",
            if m.is_file() { "a file, " } else { "" }
        )),
        _ if s.is_empty() => Err("--out takes a directory, not an empty path".into()),
        _ => Ok(path),
    }
}

/// `--format`: one of [`Format::ALL`] by its name.
fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {s:?}; choose from {}", names.join(", "))
    })
}
