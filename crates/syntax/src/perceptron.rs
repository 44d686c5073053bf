//! Training of an averaged perceptron (Collins 2002) over hashed features, with lazily
//! averaged weights (Daumé's trick): each weight remembers when it last changed, so an update
//! costs only the features of the example.

use crate::hash::KeyMap;
use crate::weights::Weights;

/// One class weight of a feature while training.
#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u16,
    weight: f32,
    /// Sum of the weight over all instances before `stamp`.
    total: f64,
    /// The instance count when `weight` last changed.
    stamp: u64,
}

/// An averaged perceptron being trained.
#[derive(Debug, Clone)]
pub struct Trainer {
    classes: usize,
    rows: KeyMap<Vec<Entry>>,
    /// Instances seen so far (the clock of the averaging).
    instances: u64,
}

impl Trainer {
    /// A perceptron over `classes` classes, all weights zero.
    pub fn new(classes: usize) -> Trainer {
        assert!(classes <= usize::from(u16::MAX), "too many classes");
        Trainer {
            classes,
            rows: KeyMap::default(),
            instances: 0,
        }
    }

    /// Writes the current (not averaged) score of each class for `features` into `scores`.
    pub fn scores(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for e in row {
                    scores[usize::from(e.class)] += e.weight;
                }
            }
        }
    }

    /// Counts one training instance.
    pub fn tick(&mut self) {
        self.instances += 1;
    }

    /// Moves the weights of `features` towards `truth` and away from `guess` (nothing when they
    /// are the same class).
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &f in features {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u16;
                let e = match row.iter_mut().position(|e| e.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Entry {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                e.total += f64::from(e.weight) * (now - e.stamp) as f64;
                e.stamp = now;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights, quantised, without the class weights whose average magnitude is
    /// below `prune` (in units of one update).
    pub fn average(&self, prune: f64) -> Weights {
        let now = self.instances.max(1);
        let mut rows: Vec<(u64, Vec<(u16, f64)>)> = self
            .rows
            .iter()
            .map(|(&key, row)| {
                let mut kept: Vec<(u16, f64)> = row
                    .iter()
                    .map(|e| {
                        let total = e.total + f64::from(e.weight) * (now - e.stamp) as f64;
                        (e.class, total / now as f64)
                    })
                    .filter(|&(_, w)| w.abs() >= prune)
                    .collect();
                kept.sort_by_key(|&(c, _)| c);
                (key, kept)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        rows.sort_unstable_by_key(|&(key, _)| key);
        Weights::quantise(self.classes, &rows)
    }
}
