//! Integration tests of whomet-syntax: parses of the constructions news uses for meetings, and
//! training and model files.

mod constructions;
mod training;
