//! Where each person is drawn: ForceAtlas2 on each connected group of people, the groups then
//! packed into a rectangle near a square, largest first.
//!
//! The layout is a function of the graph alone: the starting positions come from a fixed seed,
//! the groups are found and packed in node order, and ForceAtlas2 sums its forces in a fixed
//! order (see [`crate::forceatlas2`]), so it is the same for any number of threads.

use crate::forceatlas2::{self, Bodies, Settings};

/// An undirected graph as the layout and the community detection see it: `n` nodes and
/// weighted edges between node indices (no self-loops).
#[derive(Debug, Clone, Default)]
pub struct Topology {
    /// Number of nodes.
    pub n: usize,
    /// Edges `(a, b, weight)`, `a != b`, both below `n`.
    pub edges: Vec<(u32, u32, f64)>,
}

/// How far the layout has come, for a progress bar: work done of the total, counted in
/// body-iterations (a group of `m` people run for `k` iterations counts `m * k`), so that the
/// bar moves with the time spent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Work done.
    pub done: u64,
    /// Work in all.
    pub total: u64,
}

/// The position of every node of `topology`, by node index. `progress` is called now and then
/// as the iterations go.
pub fn layout(topology: &Topology, progress: &mut dyn FnMut(Progress)) -> Vec<[f64; 2]> {
    let n = topology.n;
    let groups = components(topology);
    let mut degree = vec![0u32; n];
    for &(a, b, _) in &topology.edges {
        degree[a as usize] += 1;
        degree[b as usize] += 1;
    }
    // Each node's place in its group, and each group's edges in local indices.
    let mut local = vec![0u32; n];
    let mut group_of = vec![0u32; n];
    for (g, members) in groups.iter().enumerate() {
        for (k, &v) in members.iter().enumerate() {
            local[v as usize] = k as u32;
            group_of[v as usize] = g as u32;
        }
    }
    let mut group_edges: Vec<Vec<(u32, u32, f64)>> = vec![Vec::new(); groups.len()];
    for &(a, b, _) in &topology.edges {
        let g = group_of[a as usize] as usize;
        group_edges[g].push((local[a as usize], local[b as usize], 1.0));
    }

    let total: u64 = groups
        .iter()
        .filter(|m| m.len() > 1)
        .map(|m| (Settings::for_size(m.len()).iterations * m.len()) as u64)
        .sum();
    let mut done = 0u64;
    progress(Progress { done, total });
    let mut rng = Rng(0x5745_4f4d_4554);
    let mut placed: Vec<Vec<[f64; 2]>> = Vec::with_capacity(groups.len());
    for (members, edges) in groups.iter().zip(&group_edges) {
        let m = members.len();
        let spread = (m as f64).sqrt() * 10.0;
        let mut pos: Vec<[f64; 2]> = (0..m)
            .map(|_| [(rng.unit() - 0.5) * spread, (rng.unit() - 0.5) * spread])
            .collect();
        if m > 1 {
            let mass: Vec<f64> = members
                .iter()
                .map(|&v| degree[v as usize] as f64 + 1.0)
                .collect();
            let settings = Settings::for_size(m);
            let mut step = 0u64;
            forceatlas2::run(
                &mut pos,
                &Bodies { mass: &mass, edges },
                settings,
                &mut || {
                    step += 1;
                    if step.is_multiple_of(10) {
                        progress(Progress {
                            done: done + step * m as u64,
                            total,
                        });
                    }
                },
            );
            done += (settings.iterations * m) as u64;
        } else {
            pos[0] = [0.0, 0.0];
        }
        placed.push(pos);
    }
    progress(Progress { done: total, total });
    pack(&groups, &placed, n)
}

/// The connected groups of nodes, each sorted by node index, largest group first (ties: the
/// group of the smaller first node first).
fn components(topology: &Topology) -> Vec<Vec<u32>> {
    let mut parent: Vec<u32> = (0..topology.n as u32).collect();
    fn root(parent: &mut [u32], mut v: u32) -> u32 {
        while parent[v as usize] != v {
            parent[v as usize] = parent[parent[v as usize] as usize];
            v = parent[v as usize];
        }
        v
    }
    for &(a, b, _) in &topology.edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            parent[hi as usize] = lo;
        }
    }
    let mut index_of_root = vec![u32::MAX; topology.n];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for v in 0..topology.n as u32 {
        let r = root(&mut parent, v) as usize;
        if index_of_root[r] == u32::MAX {
            index_of_root[r] = groups.len() as u32;
            groups.push(Vec::new());
        }
        groups[index_of_root[r] as usize].push(v);
    }
    // Stable: equal sizes keep the order of their first nodes.
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
}

/// Puts the largest group first and the others, in rows (largest first) filling a block about
/// as wide as it is high, to its right; returns each node's position. A graph with one giant
/// group and many small ones is then the giant with a compact block beside it, never a row.
fn pack(groups: &[Vec<u32>], placed: &[Vec<[f64; 2]>], n: usize) -> Vec<[f64; 2]> {
    // Each group centred on its centroid, in a square box as wide as its farthest node is far.
    let unit = typical_spacing(placed);
    let mut boxes: Vec<f64> = Vec::with_capacity(groups.len());
    let mut centred: Vec<Vec<[f64; 2]>> = Vec::with_capacity(groups.len());
    for pos in placed {
        let len = pos.len() as f64;
        let cx = pos.iter().map(|p| p[0]).sum::<f64>() / len;
        let cy = pos.iter().map(|p| p[1]).sum::<f64>() / len;
        let moved: Vec<[f64; 2]> = pos.iter().map(|p| [p[0] - cx, p[1] - cy]).collect();
        let radius = moved
            .iter()
            .map(|p| (p[0] * p[0] + p[1] * p[1]).sqrt())
            .fold(0.0, f64::max);
        boxes.push(2.0 * radius + unit);
        centred.push(moved);
    }
    let mut out = vec![[0.0, 0.0]; n];
    let Some(&first) = boxes.first() else {
        return out;
    };
    // The largest group at the origin (its box's corner), the others in rows to its right.
    let mut corners = vec![[0.0, 0.0]; groups.len()];
    let rest = &boxes[1..];
    let area: f64 = rest.iter().map(|s| s * s).sum();
    let widest = rest.iter().copied().fold(0.0, f64::max);
    let width = widest.max(area.sqrt() * 1.1);
    let (mut x, mut y, mut row) = (0.0, 0.0, 0.0f64);
    for (k, &side) in rest.iter().enumerate() {
        if x > 0.0 && x + side > width {
            (x, y, row) = (0.0, y + row, 0.0);
        }
        corners[k + 1] = [first + unit + x, y];
        x += side;
        row = row.max(side);
    }
    // The block centred on the largest group's height.
    let block = y + row;
    let shift = (first - block) / 2.0;
    for c in corners.iter_mut().skip(1) {
        c[1] += shift;
    }
    for (((members, pos), &side), corner) in groups.iter().zip(&centred).zip(&boxes).zip(&corners) {
        let (cx, cy) = (corner[0] + side / 2.0, corner[1] + side / 2.0);
        for (&v, p) in members.iter().zip(pos) {
            out[v as usize] = [cx + p[0], cy + p[1]];
        }
    }
    out
}

/// The distance one node takes up in the drawing: the median edge length of the largest group
/// (ForceAtlas2's scale depends on its settings), or 10 when no group has edges.
fn typical_spacing(placed: &[Vec<[f64; 2]>]) -> f64 {
    let Some(pos) = placed.first().filter(|p| p.len() > 1) else {
        return 10.0;
    };
    // Nearest-neighbour distance of a sample of nodes, by brute force over at most 200 x n.
    let step = (pos.len() / 200).max(1);
    let mut nearest: Vec<f64> = (0..pos.len())
        .step_by(step)
        .map(|i| {
            pos.iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, q)| ((pos[i][0] - q[0]).powi(2) + (pos[i][1] - q[1]).powi(2)).sqrt())
                .fold(f64::MAX, f64::min)
        })
        .collect();
    nearest.sort_by(f64::total_cmp);
    let median = nearest[nearest.len() / 2];
    if median.is_finite() && median > 0.0 {
        median * 1.5
    } else {
        10.0
    }
}

/// splitmix64: a fixed, seeded stream of numbers (the layout must not depend on a global
/// random source).
#[derive(Debug, Clone)]
pub(crate) struct Rng(pub u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32, groups: u32) -> Topology {
        let mut edges = Vec::new();
        for g in 0..groups {
            for i in 0..n {
                edges.push((g * n + i, g * n + (i + 1) % n, 1.0));
            }
        }
        Topology {
            n: (n * groups) as usize + 5,
            edges,
        }
    }

    #[test]
    fn groups_are_packed_near_a_square_and_neighbours_are_near() {
        let t = ring(30, 6);
        let pos = layout(&t, &mut |_| {});
        assert_eq!(pos.len(), t.n);
        let (xs, ys): (Vec<f64>, Vec<f64>) = pos.iter().map(|p| (p[0], p[1])).unzip();
        let span = |v: &[f64]| {
            v.iter().copied().fold(f64::MIN, f64::max) - v.iter().copied().fold(f64::MAX, f64::min)
        };
        let (w, h) = (span(&xs), span(&ys));
        assert!(w / h < 3.0 && h / w < 3.0, "{w} x {h}");
        let dist = |a: usize, b: usize| {
            ((pos[a][0] - pos[b][0]).powi(2) + (pos[a][1] - pos[b][1]).powi(2)).sqrt()
        };
        // A ring's neighbours are closer than its opposite nodes.
        assert!(
            dist(0, 1) < dist(0, 15) / 2.0,
            "{} {}",
            dist(0, 1),
            dist(0, 15)
        );
        // Different rings do not overlap: the nearest node of another ring is farther away
        // than a neighbour.
        let other = (30..60).map(|j| dist(0, j)).fold(f64::MAX, f64::min);
        assert!(other > dist(0, 1), "{other}");
    }

    #[test]
    fn the_layout_is_deterministic_and_reports_progress() {
        let t = ring(50, 3);
        let mut seen = Vec::new();
        let a = layout(&t, &mut |p| seen.push(p));
        let b = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap()
            .install(|| layout(&t, &mut |_| {}));
        assert_eq!(a, b);
        let last = *seen.last().unwrap();
        assert_eq!(last.done, last.total);
        assert_eq!(seen[0].done, 0);
        assert!(seen.windows(2).all(|w| w[0].done <= w[1].done));
    }

    #[test]
    fn an_empty_graph_and_lone_people_have_places() {
        assert!(layout(&Topology::default(), &mut |_| {}).is_empty());
        let pos = layout(
            &Topology {
                n: 3,
                edges: vec![],
            },
            &mut |_| {},
        );
        assert_eq!(pos.len(), 3);
        assert!(pos[0] != pos[1] && pos[1] != pos[2]);
    }
}
