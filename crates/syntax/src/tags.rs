//! The closed label sets of Universal Dependencies English: universal parts of speech
//! ([`Upos`]), Penn Treebank tags ([`Xpos`]) and dependency relations ([`Rel`]).

/// Declares a fieldless enum whose variants each have one CoNLL-U spelling, with `ALL`,
/// `as_str` and `parse`.
macro_rules! label_set {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order (the order of their numbers).
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The CoNLL-U spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value spelt `text` in CoNLL-U, if any.
            pub fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

label_set! {
    /// A universal part of speech.
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition.
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary.
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction.
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

label_set! {
    /// A Penn Treebank part-of-speech tag, as English UD treebanks use them.
    Xpos {
        /// `$`
        Dollar = "$",
        /// Closing quotation mark.
        CloseQuote = "''",
        /// Comma.
        Comma = ",",
        /// Opening bracket.
        Lrb = "-LRB-",
        /// Closing bracket.
        Rrb = "-RRB-",
        /// Sentence-final punctuation.
        Period = ".",
        /// Colon, dash, semicolon.
        Colon = ":",
        /// E-mail or web address.
        Add = "ADD",
        /// Affix.
        Afx = "AFX",
        /// Coordinating conjunction.
        Cc = "CC",
        /// Cardinal number.
        Cd = "CD",
        /// Determiner.
        Dt = "DT",
        /// Existential "there".
        Ex = "EX",
        /// Foreign word.
        Fw = "FW",
        /// "Goes with" part of a split word.
        Gw = "GW",
        /// Hyphen.
        Hyph = "HYPH",
        /// Preposition or subordinating conjunction.
        In = "IN",
        /// Adjective.
        Jj = "JJ",
        /// Comparative adjective.
        Jjr = "JJR",
        /// Superlative adjective.
        Jjs = "JJS",
        /// List item marker.
        Ls = "LS",
        /// Modal.
        Md = "MD",
        /// Superfluous punctuation.
        Nfp = "NFP",
        /// Singular or mass noun.
        Nn = "NN",
        /// Singular proper noun.
        Nnp = "NNP",
        /// Plural proper noun.
        Nnps = "NNPS",
        /// Plural noun.
        Nns = "NNS",
        /// Predeterminer.
        Pdt = "PDT",
        /// Possessive ending.
        Pos = "POS",
        /// Personal pronoun.
        Prp = "PRP",
        /// Possessive pronoun.
        PrpDollar = "PRP$",
        /// Adverb.
        Rb = "RB",
        /// Comparative adverb.
        Rbr = "RBR",
        /// Superlative adverb.
        Rbs = "RBS",
        /// Particle.
        Rp = "RP",
        /// Symbol.
        Sym = "SYM",
        /// "to".
        To = "TO",
        /// Interjection.
        Uh = "UH",
        /// Verb, base form.
        Vb = "VB",
        /// Verb, past tense.
        Vbd = "VBD",
        /// Verb, gerund or present participle.
        Vbg = "VBG",
        /// Verb, past participle.
        Vbn = "VBN",
        /// Verb, non-third-person singular present.
        Vbp = "VBP",
        /// Verb, third-person singular present.
        Vbz = "VBZ",
        /// Wh-determiner.
        Wdt = "WDT",
        /// Wh-pronoun.
        Wp = "WP",
        /// Possessive wh-pronoun.
        WpDollar = "WP$",
        /// Wh-adverb.
        Wrb = "WRB",
        /// Opening quotation mark.
        OpenQuote = "``",
        /// Unknown.
        Xx = "XX",
    }
}

label_set! {
    /// A Universal Dependencies relation, with the English subtypes.
    Rel {
        /// Clausal modifier of a noun.
        Acl = "acl",
        /// Relative clause.
        AclRelcl = "acl:relcl",
        /// Adverbial clause modifier.
        Advcl = "advcl",
        /// Sentential relative clause.
        AdvclRelcl = "advcl:relcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Appositional modifier.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Passive auxiliary.
        AuxPass = "aux:pass",
        /// Case marking (prepositions).
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Preconjunct ("both", "either").
        CcPreconj = "cc:preconj",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Compound.
        Compound = "compound",
        /// Phrasal verb particle.
        CompoundPrt = "compound:prt",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Outer clausal subject.
        CsubjOuter = "csubj:outer",
        /// Clausal passive subject.
        CsubjPass = "csubj:pass",
        /// Unspecified dependency.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Predeterminer.
        DetPredet = "det:predet",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive.
        Expl = "expl",
        /// Fixed multi-word expression.
        Fixed = "fixed",
        /// Flat multi-word expression (names).
        Flat = "flat",
        /// Goes with.
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Subordinating marker.
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Descriptive nominal modifier.
        NmodDesc = "nmod:desc",
        /// Possessive nominal modifier.
        NmodPoss = "nmod:poss",
        /// Nominal modifier without a case marker.
        NmodUnmarked = "nmod:unmarked",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Outer nominal subject.
        NsubjOuter = "nsubj:outer",
        /// Passive nominal subject.
        NsubjPass = "nsubj:pass",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Agent of a passive ("by X").
        OblAgent = "obl:agent",
        /// Oblique without a case marker ("on Monday" without "on").
        OblUnmarked = "obl:unmarked",
        /// Orphan of an ellipsis.
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Disfluency.
        Reparandum = "reparandum",
        /// Root of the sentence.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

impl Rel {
    /// The universal relation without its subtype (`nsubj` for `nsubj:pass`).
    pub fn base(self) -> Rel {
        let text = self.as_str();
        match text.split_once(':') {
            Some((base, _)) => Rel::parse(base).unwrap_or(self),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for &u in Upos::ALL {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        for &x in Xpos::ALL {
            assert_eq!(Xpos::parse(x.as_str()), Some(x));
        }
        for &r in Rel::ALL {
            assert_eq!(Rel::parse(r.as_str()), Some(r));
        }
        assert_eq!(Rel::NsubjPass.base(), Rel::Nsubj);
        assert_eq!(Rel::Obj.base(), Rel::Obj);
    }
}
