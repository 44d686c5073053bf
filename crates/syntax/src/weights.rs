//! The weights of a trained perceptron as the model stores and uses them: for each feature key,
//! the classes it votes for and by how much, quantised to 16 bits, in an open-addressing table
//! whose slots hold short rows themselves.

use crate::ModelError;
use crate::codec::{Reader, Writer};

/// Trained, quantised perceptron weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    /// A stored weight is the averaged weight times `scale`, rounded.
    scale: f32,
    /// Feature keys in ascending order (for writing the weights out).
    keys: Vec<u64>,
    /// Open-addressing table over `keys`, with linear probing from the slot the key's high
    /// bits name (so that keys in ascending order fill it from start to end, which makes
    /// reading a model fast).
    table: Vec<Slot>,
    /// The shift that leaves those high bits.
    shift: u32,
    /// The rows of more than [`INLINE`] weights, one after another.
    long: Vec<Entry>,
    /// The number of stored weights.
    entries: usize,
}

/// A slot of the look-up table: part of a feature key, and the feature's class weights when
/// it has at most four (nine rows in ten), else where its row starts in [`Weights::long`].
/// Sixteen bytes, aligned, so that a slot is one read from memory: a feature costs one cache
/// miss, not one for the slot and one for its row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[repr(C, align(16))]
struct Slot {
    /// Bits 24 to 55 of the key with the lowest bit set; 0 for an empty slot.
    check: u32,
    /// The classes of up to four weights (unused ones have class 0 and weight 0), or
    /// [`LONG`] first for a row stored apart.
    class: [u8; 4],
    /// The weights, or for a long row its start (the first two) and length (the last two)
    /// as 16-bit halves.
    value: [i16; 4],
}

/// One class weight of a long row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Entry {
    class: u16,
    value: i16,
}

/// The first class of a slot whose row is stored apart.
const LONG: u8 = u8::MAX;

/// The most weights a slot holds.
const INLINE: usize = 4;

/// The low bits of a feature key that are dropped: a model keeps the other 40, which tell
/// features apart as well as the hashing does at this size (a feature the model lacks looks
/// like one it has about once in a million look-ups), in three bytes a key instead of seven.
const DROPPED: u32 = 24;

/// Features looked up together: their table slots are read in one loop without branches, so
/// that the memory reads overlap instead of waiting for one another.
const BATCH: usize = 32;

impl Slot {
    /// The check bits of `key` ([`Slot::check`]).
    #[inline]
    fn check_of(key: u64) -> u32 {
        (key >> DROPPED) as u32 | 1
    }

    /// The start and length of a long row.
    #[inline]
    fn run(&self) -> (usize, usize) {
        let half = |i: usize| u32::from(self.value[i] as u16);
        (
            (half(0) | half(1) << 16) as usize,
            (half(2) | half(3) << 16) as usize,
        )
    }
}

/// Fills a table with rows in ascending key order.
struct Builder {
    w: Weights,
    mask: usize,
}

impl Builder {
    fn new(classes: usize, scale: f32, rows: usize) -> Builder {
        let size = (rows * 2).next_power_of_two().max(16);
        Builder {
            w: Weights {
                classes,
                scale,
                keys: Vec::with_capacity(rows),
                table: vec![Slot::default(); size],
                shift: 64 - size.trailing_zeros(),
                long: Vec::new(),
                entries: 0,
            },
            mask: size - 1,
        }
    }

    /// Adds the row of `key` (classes ascending, weights not 0). A key whose check bits equal
    /// those of a key before it on its probe path would be found as that key: it is dropped
    /// (about one model in a thousand has one).
    fn push(&mut self, key: u64, row: &[Entry]) {
        let key = key >> DROPPED << DROPPED;
        let w = &mut self.w;
        if row.is_empty() || w.keys.last().is_some_and(|&k| k >= key) {
            return;
        }
        let check = Slot::check_of(key);
        let mut i = (key >> w.shift) as usize;
        while w.table[i].check != 0 {
            if w.table[i].check == check {
                return;
            }
            i = (i + 1) & self.mask;
        }
        let mut slot = Slot {
            check,
            ..Slot::default()
        };
        if w.classes < usize::from(LONG) && row.len() <= INLINE {
            for (j, e) in row.iter().enumerate() {
                slot.class[j] = e.class as u8;
                slot.value[j] = e.value;
            }
        } else {
            let halves = |v: usize| [v as u16 as i16, (v >> 16) as u16 as i16];
            let [a, b] = halves(w.long.len());
            let [c, d] = halves(row.len());
            slot.class[0] = LONG;
            slot.value = [a, b, c, d];
            w.long.extend_from_slice(row);
        }
        w.table[i] = slot;
        w.keys.push(key);
        w.entries += row.len();
    }
}

impl Weights {
    /// Quantises averaged rows `(key, [(class, weight)])`, keys ascending, classes ascending.
    pub(crate) fn quantise(classes: usize, rows: &[(u64, Vec<(u16, f64)>)]) -> Weights {
        let max = rows
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .fold(0.0f64, f64::max);
        let scale = if max > 0.0 {
            (32767.0 / max) as f32
        } else {
            1.0
        };
        let mut b = Builder::new(classes, scale, rows.len());
        let mut row = Vec::new();
        for (key, weights) in rows {
            row.clear();
            row.extend(weights.iter().filter_map(|&(class, v)| {
                let value = (v * f64::from(scale)).round().clamp(-32767.0, 32767.0) as i16;
                (value != 0).then_some(Entry { class, value })
            }));
            b.push(*key, &row);
        }
        b.w
    }

    /// The number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// The number of stored class weights.
    pub fn entries(&self) -> usize {
        self.entries
    }

    /// The slot of `key` (an empty one when it has no weights).
    fn slot(&self, key: u64) -> Slot {
        let check = Slot::check_of(key);
        let mut i = (key >> self.shift) as usize;
        loop {
            let slot = self.table[i];
            if slot.check == check || slot.check == 0 {
                return slot;
            }
            i = (i + 1) & (self.table.len() - 1);
        }
    }

    /// The class weights of a slot.
    fn row(&self, slot: &Slot) -> Vec<Entry> {
        if slot.class[0] == LONG {
            let (start, len) = slot.run();
            self.long[start..start + len].to_vec()
        } else {
            slot.class
                .iter()
                .zip(&slot.value)
                .filter(|&(_, &v)| v != 0)
                .map(|(&c, &value)| Entry {
                    class: u16::from(c),
                    value,
                })
                .collect()
        }
    }

    /// Adds the votes of `features` to `scores` (one per class, in stored units).
    ///
    /// The table is far larger than the caches, so each look-up waits for memory. Done one
    /// feature at a time, each wait comes after the last (the branch on whether a slot holds
    /// the key cannot be predicted); so the home slots of a batch of features are first read
    /// in a loop without branches, which lets the processor have all those reads in flight
    /// at once, and only then are the keys compared and the weights added.
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        let mask = self.table.len() - 1;
        let shift = self.shift;
        let mut slots = [Slot::default(); BATCH];
        for batch in features.chunks(BATCH) {
            for (slot, &f) in slots.iter_mut().zip(batch) {
                *slot = self.table[(f >> shift) as usize];
            }
            for (slot, &f) in slots.iter_mut().zip(batch) {
                let check = Slot::check_of(f);
                let mut i = (f >> shift) as usize;
                while slot.check != check && slot.check != 0 {
                    i = (i + 1) & mask;
                    *slot = self.table[i];
                }
            }
            for slot in &slots[..batch.len()] {
                if slot.class[0] != LONG {
                    // An empty slot adds nothing: its weights are 0.
                    for (&c, &v) in slot.class.iter().zip(&slot.value) {
                        scores[usize::from(c)] += i32::from(v);
                    }
                } else {
                    let (start, len) = slot.run();
                    for e in &self.long[start..start + len] {
                        scores[usize::from(e.class)] += i32::from(e.value);
                    }
                }
            }
        }
    }

    /// Appends the weights to a model file: keys (as differences, without their dropped low
    /// bits), row lengths, classes and weights, each as one column.
    pub(crate) fn write(&self, out: &mut Writer) {
        let rows: Vec<Vec<Entry>> = self.keys.iter().map(|&k| self.row(&self.slot(k))).collect();
        out.len(self.classes);
        out.f32(self.scale);
        out.len(self.keys.len());
        out.len(self.entries);
        let mut prev = 0u64;
        for &k in &self.keys {
            out.varint((k - prev) >> DROPPED);
            prev = k;
        }
        for row in &rows {
            out.varint(row.len() as u64);
        }
        for e in rows.iter().flatten() {
            if self.classes <= 256 {
                out.u8(e.class as u8);
            } else {
                out.u16(e.class);
            }
        }
        for e in rows.iter().flatten() {
            out.u16(e.value as u16);
        }
    }

    /// Reads weights written by [`Weights::write`].
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Weights, ModelError> {
        let classes = r.len()?;
        let scale = r.f32()?;
        let n = r.len()?;
        let entries = r.len()?;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for _ in 0..n {
            let at = r.at();
            let step = r.varint()?;
            if step >> (64 - DROPPED) != 0 {
                return Err(ModelError::Invalid {
                    at,
                    what: "a feature key out of range",
                });
            }
            prev = prev.wrapping_add(step << DROPPED);
            keys.push(prev);
        }
        let mut lens = Vec::with_capacity(n);
        for _ in 0..n {
            lens.push(r.varint()?);
        }
        let at = r.at();
        if lens.iter().sum::<u64>() != entries as u64
            || keys.windows(2).any(|w| w[0] >= w[1])
            || lens.iter().any(|&l| l == 0 || l > u64::from(u16::MAX))
        {
            return Err(ModelError::Invalid {
                at,
                what: "weight rows that do not add up",
            });
        }
        let wide = classes > 256;
        let class_bytes = r.bytes(entries * if wide { 2 } else { 1 })?;
        let value_bytes = r.bytes(entries * 2)?;
        let mut b = Builder::new(classes, scale, n);
        let mut row = Vec::new();
        let mut class_of = (0..entries).map(|e| {
            if wide {
                u16::from_le_bytes([class_bytes[2 * e], class_bytes[2 * e + 1]])
            } else {
                u16::from(class_bytes[e])
            }
        });
        let mut value_of = value_bytes
            .chunks_exact(2)
            .map(|v| i16::from_le_bytes([v[0], v[1]]));
        for (&key, &len) in keys.iter().zip(&lens) {
            row.clear();
            let mut ordered = true;
            for (class, value) in class_of.by_ref().zip(value_of.by_ref()).take(len as usize) {
                ordered &= row.last().is_none_or(|p: &Entry| p.class < class) && value != 0;
                row.push(Entry { class, value });
            }
            if !ordered || row.last().is_some_and(|e| usize::from(e.class) >= classes) {
                return Err(ModelError::Invalid {
                    at,
                    what: "a weight for a class the model does not have",
                });
            }
            b.push(key, &row);
        }
        Ok(b.w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_round_trip_through_bytes() {
        let long: Vec<(u16, f64)> = (0..6).map(|c| (c, f64::from(c) + 1.0)).collect();
        let k = |i: u64| i << 40 | 0xabc;
        let rows = vec![
            (k(3), vec![(0u16, 1.0), (2, -0.5)]),
            (k(9), vec![(1, 2.0)]),
            (u64::MAX - 4, long),
        ];
        let w = Weights::quantise(7, &rows);
        let mut scores = [0i32; 7];
        w.add_scores(&[k(9), k(3), k(4)], &mut scores);
        let unit = 32767.0 / 6.0;
        let q = |v: f64| (v * unit).round() as i32;
        assert_eq!(scores, [q(1.0), q(2.0), q(-0.5), 0, 0, 0, 0]);
        w.add_scores(&[u64::MAX - 4], &mut scores);
        assert_eq!(scores[5], q(6.0));
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.bytes)).unwrap();
        assert_eq!(back, w);
        assert_eq!((w.features(), w.entries()), (3, 9));
    }
}
