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

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: fixture DIR\nwrites every export format of the fixture graph into DIR");
        return ExitCode::from(2);
    };
    match fixture::write_fixture(&PathBuf::from(dir)) {
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
