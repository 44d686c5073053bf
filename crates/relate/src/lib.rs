//! whomet-relate
