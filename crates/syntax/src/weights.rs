//! The weights of a trained perceptron as the model stores and uses them: for each feature key,
//! the classes it votes for and by how much, quantised to 16 bits, in an open-addressing table.

use crate::ModelError;
use crate::codec::{Reader, Writer};

/// One occupied slot of the table: a feature key and its run of class weights.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// Trained, quantised perceptron weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    /// A stored weight is the averaged weight times `scale`, rounded.
    scale: f32,
    /// Feature keys in ascending order, and the number of class weights of each.
    keys: Vec<u64>,
    lens: Vec<u16>,
    /// The class and quantised weight of every entry, row after row.
    class: Vec<u16>,
    value: Vec<i16>,
    /// Open-addressing table over `keys` (empty slots have `len` 0).
    table: Vec<Slot>,
}

impl Weights {
    /// Quantises averaged rows `(key, [(class, weight)])`, keys ascending.
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
        let mut w = Weights {
            classes,
            scale,
            keys: Vec::with_capacity(rows.len()),
            lens: Vec::with_capacity(rows.len()),
            class: Vec::new(),
            value: Vec::new(),
            table: Vec::new(),
        };
        for (key, row) in rows {
            w.keys.push(*key);
            w.lens
                .push(u16::try_from(row.len()).expect("a row has at most 65535 classes"));
            for &(c, v) in row {
                w.class.push(c);
                w.value
                    .push((v * f64::from(scale)).round().clamp(-32767.0, 32767.0) as i16);
            }
        }
        w.index();
        w
    }

    /// Builds the lookup table from `keys` and `lens`.
    fn index(&mut self) {
        let size = (self.keys.len() * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut table = vec![Slot::default(); size];
        let mut start = 0u32;
        for (&key, &len) in self.keys.iter().zip(&self.lens) {
            let mut i = key as usize & mask;
            while table[i].len != 0 {
                i = (i + 1) & mask;
            }
            table[i] = Slot {
                key,
                start,
                len: u32::from(len),
            };
            start += u32::from(len);
        }
        self.table = table;
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
        self.value.len()
    }

    /// The run of class weights of `key`.
    #[inline]
    fn row(&self, key: u64) -> Option<(&[u16], &[i16])> {
        let mask = self.table.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let slot = &self.table[i];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                let r = slot.start as usize..(slot.start + slot.len) as usize;
                return Some((&self.class[r.clone()], &self.value[r]));
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the votes of `features` to `scores` (one per class, in stored units).
    #[inline]
    pub fn add_scores(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            if let Some((classes, values)) = self.row(f) {
                for (&c, &v) in classes.iter().zip(values) {
                    scores[usize::from(c)] += i32::from(v);
                }
            }
        }
    }

    /// Appends the weights to a model file.
    pub(crate) fn write(&self, out: &mut Writer) {
        out.len(self.classes);
        out.f32(self.scale);
        out.len(self.keys.len());
        out.len(self.value.len());
        let mut prev = 0u64;
        for &k in &self.keys {
            out.varint(k - prev);
            prev = k;
        }
        for &l in &self.lens {
            out.varint(u64::from(l));
        }
        for &c in &self.class {
            if self.classes <= 256 {
                out.u8(c as u8);
            } else {
                out.u16(c);
            }
        }
        for &v in &self.value {
            out.u16(v as u16);
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
            prev = prev.wrapping_add(r.varint()?);
            keys.push(prev);
        }
        let lens: Vec<u16> = (0..n)
            .map(|_| r.varint().map(|l| l.min(u64::from(u16::MAX)) as u16))
            .collect::<Result<_, _>>()?;
        let at = r.at();
        if lens.iter().map(|&l| usize::from(l)).sum::<usize>() != entries
            || keys.windows(2).any(|w| w[0] >= w[1])
        {
            return Err(ModelError::Invalid {
                at,
                what: "weight rows that do not add up",
            });
        }
        let class: Vec<u16> = (0..entries)
            .map(|_| {
                if classes <= 256 {
                    r.u8().map(u16::from)
                } else {
                    r.u16()
                }
            })
            .collect::<Result<_, _>>()?;
        if class.iter().any(|&c| usize::from(c) >= classes) {
            return Err(ModelError::Invalid {
                at,
                what: "a weight for a class the model does not have",
            });
        }
        let value: Vec<i16> = (0..entries)
            .map(|_| r.u16().map(|v| v as i16))
            .collect::<Result<_, _>>()?;
        let mut w = Weights {
            classes,
            scale,
            keys,
            lens,
            class,
            value,
            table: Vec::new(),
        };
        w.index();
        Ok(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_round_trip_through_bytes() {
        let rows = vec![(3u64, vec![(0u16, 1.0), (2, -0.5)]), (9, vec![(1, 2.0)])];
        let w = Weights::quantise(3, &rows);
        let mut scores = [0i32; 3];
        w.add_scores(&[9, 3, 4], &mut scores);
        assert_eq!(scores, [16384, 32767, -8192]);
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.bytes)).unwrap();
        assert_eq!(back, w);
    }
}
