//! Writes every format of the nasty-names fixture graph (quotes, backslashes, markup, line
//! breaks, tabs, control characters, emoji, Arabic and Persian script, values starting with `=`,
//! `+`, `-` and `@`) into a directory, for the client checks in `ci/clients/`:
//!
//! ```text
//! cargo run -p whomet-export --example fixture -- DIR
//! ```
//!
//! It also writes `fixture.json`, the graph itself (people and edges with every field), so that
//! the checks can compare what each client reads with the values that went in.

#[path = "../tests/it/fixture.rs"]
mod fixture;

use std::path::PathBuf;
use std::process::ExitCode;
use whomet_export::{Format, render};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: fixture DIR\nwrites every export format of the fixture graph into DIR");
        return ExitCode::from(2);
    };
    match write(PathBuf::from(dir)) {
        Ok(n) => {
            eprintln!("wrote {n} files");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("fixture: {e}");
            ExitCode::from(2)
        }
    }
}

fn write(dir: PathBuf) -> Result<usize, Box<dyn std::error::Error>> {
    std::fs::create_dir_all(&dir)?;
    let graph = fixture::fixture();
    let mut n = 0;
    for format in Format::ALL {
        for (name, bytes) in render(format, &graph)? {
            std::fs::write(dir.join(name), bytes)?;
            n += 1;
        }
    }
    let people: Vec<_> = graph
        .nodes()
        .map(|n| {
            let documents: Vec<&str> = graph.docs(&n.documents).collect();
            let aliases: Vec<&str> = graph.strs(&n.aliases).collect();
            let roles: Vec<&str> = graph.strs(&n.roles).collect();
            serde_json::json!({"id": n.id, "label": n.label, "aliases": aliases,
                "roles": roles, "mentions": n.mentions, "documents": documents})
        })
        .collect();
    let edges: Vec<_> = graph
        .edges()
        .map(|(a, b, e)| {
            let evidence: Vec<_> = graph
                .evidence(e)
                .map(|x| {
                    let cues: Vec<&str> = x.cues().collect();
                    serde_json::json!({"date": x.date, "place": x.place, "evidence": {
                        "doc": x.doc, "sentence": x.sentence, "text": x.text,
                        "trigger": x.trigger, "confidence": x.confidence, "cues": cues}})
                })
                .collect();
            let data = serde_json::json!({"kind": e.kind, "confidence": e.confidence,
                "weight": e.weight, "documents": graph.documents(e),
                "first_date": e.first_date, "last_date": e.last_date,
                "places": graph.places(e), "evidence": evidence});
            serde_json::json!({"source": a.id, "target": b.id, "data": data})
        })
        .collect();
    let truth = serde_json::json!({"people": people, "edges": edges});
    std::fs::write(
        dir.join("fixture.json"),
        serde_json::to_string_pretty(&truth)? + "\n",
    )?;
    Ok(n + 1)
}
