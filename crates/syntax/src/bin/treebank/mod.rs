//! Reading treebank files for the `train` and `evaluate` tools.

use std::path::Path;
use whomet_syntax::conllu::{self, TreeSentence};

/// The sentences of a CoNLL-U file; bad lines are reported and their sentences left out.
pub fn load(path: &Path) -> Result<Vec<TreeSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (sentences, errors) = conllu::read(&text);
    for e in &errors {
        eprintln!(
            "{}:{}: {} (sentence left out)",
            path.display(),
            e.line,
            e.message
        );
    }
    Ok(sentences)
}
