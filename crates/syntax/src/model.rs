//! The syntax model: tagger, lemmatiser and parser in one file, `data/models/syntax.bin`,
//! compiled into the binary, and what it makes of a sentence.

use crate::ModelError;
use crate::codec::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::Parser;
use crate::tagger::{Tag, Tagger};
use crate::tags::{Rel, Upos, Xpos};
use crate::words::WordKeys;
use std::sync::OnceLock;
use whomet_core::Span;

/// The first bytes of a model file, with its format version.
const MAGIC: &[u8; 12] = b"whomet-syn\x00\x02";

/// The bundled model's bytes (see `data/README.md` for how it is trained).
static BUNDLED: &[u8] = include_bytes!("../../../data/models/syntax.bin");

/// A tagger, lemmatiser and parser.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The part-of-speech tagger.
    pub tagger: Tagger,
    /// The lemmatiser.
    pub lemmatizer: Lemmatizer,
    /// The dependency parser.
    pub parser: Parser,
}

/// One word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Where it is in the text.
    pub span: Span,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// Lemma.
    pub lemma: String,
    /// Index of the head word in the sentence, or `None` for the root.
    pub head: Option<usize>,
    /// Relation to the head.
    pub rel: Rel,
}

impl Model {
    /// The model compiled into the binary, read once.
    pub fn bundled() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::from_bytes(BUNDLED).expect("the bundled syntax model reads"))
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader::new(bytes);
        if r.bytes(MAGIC.len())? != MAGIC {
            return Err(ModelError::Invalid {
                at: 0,
                what: "no whomet syntax model header",
            });
        }
        let model = Model {
            tagger: Tagger::read(&mut r)?,
            lemmatizer: Lemmatizer::read(&mut r)?,
            parser: Parser::read(&mut r)?,
        };
        if !r.finished() {
            return Err(ModelError::Invalid {
                at: r.at(),
                what: "bytes after the model",
            });
        }
        Ok(model)
    }

    /// The bytes of this model's file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(MAGIC);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        w.bytes
    }

    /// Tags, lemmatises and parses words given as text; `spans` say where each is.
    pub fn analyse(&self, forms: &[&str], spans: &[Span]) -> Vec<Word> {
        let keys: Vec<WordKeys> = forms.iter().map(|f| WordKeys::new(f)).collect();
        let tags = self.tagger.tag(&keys);
        let tree = self.parser.parse(&keys, &tags);
        forms
            .iter()
            .zip(spans)
            .zip(tags.iter().zip(tree))
            .map(|((form, &span), (&tag, (head, rel)))| Word {
                span,
                upos: tag.upos,
                xpos: tag.xpos,
                lemma: self.lemmatizer.lemma(form, tag),
                head: head.checked_sub(1),
                rel,
            })
            .collect()
    }

    /// Tokenises and parses the sentence `text[sentence]`.
    pub fn parse(&self, text: &str, sentence: Span) -> Vec<Word> {
        let spans = crate::tokens::tokenize(text, sentence);
        let forms: Vec<&str> = spans.iter().map(|s| s.of(text)).collect();
        self.analyse(&forms, &spans)
    }

    /// The tags of words given as text.
    pub fn tag(&self, forms: &[&str]) -> Vec<Tag> {
        let keys: Vec<WordKeys> = forms.iter().map(|f| WordKeys::new(f)).collect();
        self.tagger.tag(&keys)
    }
}
