//! whomet-eval
