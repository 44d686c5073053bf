//! whomet-export
