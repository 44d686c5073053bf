//! A Barnes-Hut quadtree: the repulsion of ForceAtlas2 in O(n log n) per iteration.
//!
//! The tree is built from the positions by splitting index ranges in place (no hashing, no
//! allocation per cell beyond one vector), so two builds of the same positions are the same
//! tree, and the force on each body is summed in a fixed order: the result does not depend on
//! how many threads ask for forces.

/// A quadtree over bodies with positions and masses.
pub(crate) struct QuadTree {
    cells: Vec<Cell>,
    /// Body indices; a leaf's bodies are `order[start..end]`.
    order: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Cell {
    mass: f64,
    /// Centre of mass.
    x: f64,
    y: f64,
    /// Side of the square.
    size: f64,
    /// Index of the first of four children in `cells`, or 0 for a leaf.
    children: u32,
    start: u32,
    end: u32,
}

/// A cell with at most this many bodies is a leaf.
const LEAF: usize = 4;
/// Cells are not split below this depth (coincident bodies stay in one leaf).
const MAX_DEPTH: u32 = 40;

impl QuadTree {
    /// Builds the tree of `pos` weighted by `mass` (same length).
    pub(crate) fn new(pos: &[[f64; 2]], mass: &[f64]) -> QuadTree {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for p in pos {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-9);
        let mut tree = QuadTree {
            cells: Vec::with_capacity(pos.len() / 2 + 1),
            order: (0..pos.len() as u32).collect(),
        };
        tree.cells.push(Cell {
            mass: 0.0,
            x: 0.0,
            y: 0.0,
            size,
            children: 0,
            start: 0,
            end: pos.len() as u32,
        });
        if !pos.is_empty() {
            tree.build(0, [x0, y0], 0, pos, mass);
        }
        tree
    }

    fn build(&mut self, cell: usize, corner: [f64; 2], depth: u32, pos: &[[f64; 2]], mass: &[f64]) {
        let Cell {
            start, end, size, ..
        } = self.cells[cell];
        let (start, end) = (start as usize, end as usize);
        let (mut m, mut x, mut y) = (0.0, 0.0, 0.0);
        for &i in &self.order[start..end] {
            let (i, w) = (i as usize, mass[i as usize]);
            m += w;
            x += pos[i][0] * w;
            y += pos[i][1] * w;
        }
        let c = &mut self.cells[cell];
        c.mass = m;
        if m > 0.0 {
            c.x = x / m;
            c.y = y / m;
        }
        if end - start <= LEAF || depth >= MAX_DEPTH {
            return;
        }
        let half = size / 2.0;
        let (mx, my) = (corner[0] + half, corner[1] + half);
        let order = &mut self.order[start..end];
        let lower = partition(order, |i| pos[i as usize][1] < my);
        let left_low = partition(&mut order[..lower], |i| pos[i as usize][0] < mx);
        let left_high = partition(&mut order[lower..], |i| pos[i as usize][0] < mx);
        let bounds = [
            (0, left_low, [corner[0], corner[1]]),
            (left_low, lower, [mx, corner[1]]),
            (lower, lower + left_high, [corner[0], my]),
            (lower + left_high, end - start, [mx, my]),
        ];
        let first = self.cells.len();
        self.cells[cell].children = first as u32;
        for &(a, b, _) in &bounds {
            self.cells.push(Cell {
                mass: 0.0,
                x: 0.0,
                y: 0.0,
                size: half,
                children: 0,
                start: (start + a) as u32,
                end: (start + b) as u32,
            });
        }
        for (k, &(a, b, corner)) in bounds.iter().enumerate() {
            if b > a {
                self.build(first + k, corner, depth + 1, pos, mass);
            }
        }
    }

    /// The repulsion on body `i`: the sum over the other bodies `j` of
    /// `scale * m_i * m_j / d` along the line from `j` to `i`, where cells seen under an angle
    /// smaller than `theta` count as one body at their centre of mass.
    pub(crate) fn repulsion(
        &self,
        i: usize,
        pos: &[[f64; 2]],
        mass: &[f64],
        scale: f64,
        theta: f64,
    ) -> [f64; 2] {
        let (px, py) = (pos[i][0], pos[i][1]);
        let k = scale * mass[i];
        let (mut fx, mut fy) = (0.0, 0.0);
        let mut stack = Vec::with_capacity(64);
        stack.push(0usize);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.mass <= 0.0 {
                continue;
            }
            if cell.children == 0 {
                for &j in &self.order[cell.start as usize..cell.end as usize] {
                    let j = j as usize;
                    if j == i {
                        continue;
                    }
                    let (dx, dy) = (px - pos[j][0], py - pos[j][1]);
                    let d2 = dx * dx + dy * dy;
                    if d2 > 0.0 {
                        let f = k * mass[j] / d2;
                        fx += dx * f;
                        fy += dy * f;
                    }
                }
                continue;
            }
            let (dx, dy) = (px - cell.x, py - cell.y);
            let d2 = dx * dx + dy * dy;
            if cell.size * cell.size < theta * theta * d2 {
                let f = k * cell.mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                let first = cell.children as usize;
                stack.extend((first..first + 4).rev());
            }
        }
        [fx, fy]
    }
}

/// Moves the items for which `keep` holds to the front, in place; returns how many there are.
fn partition(items: &mut [u32], keep: impl Fn(u32) -> bool) -> usize {
    let mut front = 0;
    for k in 0..items.len() {
        if keep(items[k]) {
            items.swap(front, k);
            front += 1;
        }
    }
    front
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact sum, for comparison.
    fn direct(i: usize, pos: &[[f64; 2]], mass: &[f64]) -> [f64; 2] {
        let mut f = [0.0, 0.0];
        for j in 0..pos.len() {
            let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
            let d2 = dx * dx + dy * dy;
            if j != i && d2 > 0.0 {
                f[0] += dx * mass[i] * mass[j] / d2;
                f[1] += dy * mass[i] * mass[j] / d2;
            }
        }
        f
    }

    fn bodies(n: usize) -> (Vec<[f64; 2]>, Vec<f64>) {
        let mut rng = crate::layout::Rng(7);
        let pos = (0..n)
            .map(|_| [rng.unit() * 100.0, rng.unit() * 100.0])
            .collect();
        let mass = (0..n).map(|i| 1.0 + (i % 5) as f64).collect();
        (pos, mass)
    }

    #[test]
    fn with_theta_zero_the_tree_gives_the_exact_sum() {
        let (pos, mass) = bodies(300);
        let tree = QuadTree::new(&pos, &mass);
        for i in [0, 17, 299] {
            let (a, b) = (
                tree.repulsion(i, &pos, &mass, 1.0, 0.0),
                direct(i, &pos, &mass),
            );
            assert!(
                (a[0] - b[0]).abs() < 1e-9 && (a[1] - b[1]).abs() < 1e-9,
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn the_approximation_is_close_and_coincident_bodies_do_not_recurse_forever() {
        let (mut pos, mut mass) = bodies(2000);
        let tree = QuadTree::new(&pos, &mass);
        for i in [3, 1000] {
            let (a, b) = (
                tree.repulsion(i, &pos, &mass, 1.0, 0.5),
                direct(i, &pos, &mass),
            );
            let norm = (b[0] * b[0] + b[1] * b[1]).sqrt();
            let err = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
            assert!(err < 0.1 * norm, "{a:?} {b:?}");
        }
        pos.extend(std::iter::repeat_n([5.0, 5.0], 100));
        mass.extend(std::iter::repeat_n(1.0, 100));
        let tree = QuadTree::new(&pos, &mass);
        let f = tree.repulsion(2000, &pos, &mass, 1.0, 1.0);
        assert!(f[0].is_finite() && f[1].is_finite());
    }
}
