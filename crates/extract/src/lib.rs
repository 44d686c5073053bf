//! whomet-extract
