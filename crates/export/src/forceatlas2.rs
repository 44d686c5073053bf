//! ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian, PLoS ONE 2014), the force-directed
//! layout of Gephi, with Barnes-Hut repulsion and Gephi's adaptive speed.
//!
//! Bodies repel each other in proportion to their masses (degree + 1) over their distance,
//! edges attract linearly, and a gravity of the body's mass pulls towards the origin. Each
//! iteration costs O(n log n + m). The forces on the bodies are computed in parallel, each
//! from the same read-only tree and in a fixed order, and every other sum is sequential, so the
//! positions are the same for any number of threads. The threads are scoped threads of their
//! own, not rayon tasks: the layout is often computed inside a rayon task that other tasks wait
//! for, and a rayon join there could steal one of those waiting tasks onto this very thread.

use crate::barnes_hut::QuadTree;

/// The parameters of a run (Gephi's names).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// Repulsion strength ("scaling ratio").
    pub scaling: f64,
    /// Pull towards the origin.
    pub gravity: f64,
    /// Barnes-Hut accuracy: larger is faster and rougher.
    pub theta: f64,
    /// How much a body may swing before the speed drops.
    pub tolerance: f64,
    /// Number of iterations.
    pub iterations: usize,
}

impl Settings {
    /// Gephi's settings for a graph of `n` bodies, with a number of iterations that keeps a
    /// 20,000-person graph within a few seconds.
    pub(crate) fn for_size(n: usize) -> Settings {
        Settings {
            scaling: if n > 100 { 10.0 } else { 2.0 },
            gravity: 1.0,
            theta: 1.2,
            tolerance: 1.0,
            iterations: match n {
                0..=1_000 => 400,
                1_001..=5_000 => 250,
                _ => 150,
            },
        }
    }
}

/// A graph to lay out: body masses and weighted edges between body indices.
pub(crate) struct Bodies<'a> {
    pub mass: &'a [f64],
    pub edges: &'a [(u32, u32, f64)],
}

/// Runs ForceAtlas2 from the positions in `pos`, calling `tick` after each iteration.
pub(crate) fn run(
    pos: &mut [[f64; 2]],
    bodies: &Bodies,
    settings: Settings,
    tick: &mut dyn FnMut(),
) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    let mut state = State {
        old: vec![[0.0; 2]; n],
        force: vec![[0.0; 2]; n],
        speed: 1.0,
        efficiency: 1.0,
    };
    for _ in 0..settings.iterations {
        state.step(pos, bodies, settings);
        tick();
    }
}

/// Below this many bodies the forces are computed on one thread.
const PARALLEL_FROM: usize = 2_000;

/// The threads to use: as many as rayon's pool has (the CLI's `--threads`).
fn threads() -> usize {
    rayon::current_num_threads().max(1)
}

struct State {
    old: Vec<[f64; 2]>,
    force: Vec<[f64; 2]>,
    speed: f64,
    efficiency: f64,
}

impl State {
    fn step(&mut self, pos: &mut [[f64; 2]], bodies: &Bodies, s: Settings) {
        let n = pos.len();
        let mass = bodies.mass;
        std::mem::swap(&mut self.old, &mut self.force);

        // Repulsion (Barnes-Hut) and gravity, each body on its own.
        let tree = QuadTree::new(pos, mass);
        let read: &[[f64; 2]] = pos;
        let body = |i: usize, f: &mut [f64; 2]| {
            let r = tree.repulsion(i, read, mass, s.scaling, s.theta);
            let [x, y] = read[i];
            let d = (x * x + y * y).sqrt();
            let g = if d > 0.0 {
                s.gravity * mass[i] / d
            } else {
                0.0
            };
            *f = [r[0] - x * g, r[1] - y * g];
        };
        let threads = if n < PARALLEL_FROM { 1 } else { threads() };
        let chunk = n.div_ceil(threads);
        std::thread::scope(|scope| {
            for (k, part) in self.force.chunks_mut(chunk).enumerate() {
                let body = &body;
                let mut work = move || {
                    for (j, f) in part.iter_mut().enumerate() {
                        body(k * chunk + j, f);
                    }
                };
                if k + 1 == threads.min(n.div_ceil(chunk)) {
                    work();
                } else {
                    scope.spawn(work);
                }
            }
        });
        // Attraction along the edges, in edge order.
        for &(a, b, w) in bodies.edges {
            let (a, b) = (a as usize, b as usize);
            let (dx, dy) = (pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]);
            self.force[a][0] -= dx * w;
            self.force[a][1] -= dy * w;
            self.force[b][0] += dx * w;
            self.force[b][1] += dy * w;
        }

        // Adaptive speed (Gephi's ForceAtlas2.java).
        let (mut swinging, mut traction) = (0.0, 0.0);
        for ((f, o), m) in self.force.iter().zip(&self.old).zip(mass) {
            swinging += m * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt();
            traction += m * ((f[0] + o[0]).powi(2) + (f[1] + o[1]).powi(2)).sqrt() / 2.0;
        }
        let estimated = 0.05 * (n as f64).sqrt();
        let min_jt = estimated.sqrt();
        let max_jt = 10.0;
        let mut jt = s.tolerance
            * min_jt.max(f64::min(
                max_jt,
                estimated * traction / (n as f64 * n as f64),
            ));
        let min_efficiency = 0.05;
        if traction > 0.0 && swinging / traction > 2.0 {
            if self.efficiency > min_efficiency {
                self.efficiency *= 0.5;
            }
            jt = jt.max(s.tolerance);
        }
        let target = if swinging > 0.0 {
            jt * self.efficiency * traction / swinging
        } else {
            self.speed
        };
        if swinging > jt * traction {
            if self.efficiency > min_efficiency {
                self.efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.efficiency *= 1.3;
        }
        self.speed += (target - self.speed).min(0.5 * self.speed);

        for (((p, f), o), m) in pos.iter_mut().zip(&self.force).zip(&self.old).zip(mass) {
            let swing = m * ((f[0] - o[0]).powi(2) + (f[1] - o[1]).powi(2)).sqrt();
            let factor = self.speed / (1.0 + (self.speed * swing).sqrt());
            p[0] += f[0] * factor;
            p[1] += f[1] * factor;
        }
    }
}
