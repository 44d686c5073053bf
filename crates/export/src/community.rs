//! Communities of people by the Louvain method (Blondel, Guillaume, Lambiotte and Lefebvre,
//! 2008): nodes move to the neighbouring community that raises the modularity most, then each
//! community becomes one node, until nothing moves.
//!
//! Deterministic: nodes are visited in index order, a move needs a strictly larger gain, and
//! communities are numbered in order of their first node; the result is then ranked by size.
//! O(m) per pass.

use crate::layout::Topology;

/// The community of every node of `topology`, by node index: 0 is the largest community, 1 the
/// next (ties: the community of the smaller first node first).
pub fn communities(topology: &Topology) -> Vec<u32> {
    let n = topology.n;
    // The community of each original node, refined level by level.
    let mut of: Vec<u32> = (0..n as u32).collect();
    let mut level = Level::new(n, topology.edges.iter().copied());
    for _ in 0..32 {
        let (moved, assignment) = level.one_level();
        if !moved {
            break;
        }
        for c in of.iter_mut() {
            *c = assignment[*c as usize];
        }
        level = level.aggregate(&assignment);
    }
    rank(&of)
}

/// A weighted graph in adjacency lists, as one level of the method sees it.
struct Level {
    /// Neighbours and weights of each node (self-loops are kept apart in `self_loop`).
    adjacency: Vec<Vec<(u32, f64)>>,
    self_loop: Vec<f64>,
    /// Weighted degree (a self-loop counts twice).
    degree: Vec<f64>,
    /// Total edge weight.
    total: f64,
}

impl Level {
    fn new(n: usize, edges: impl Iterator<Item = (u32, u32, f64)>) -> Level {
        let mut adjacency = vec![Vec::new(); n];
        let mut self_loop = vec![0.0; n];
        let mut degree = vec![0.0; n];
        let mut total = 0.0;
        for (a, b, w) in edges {
            total += w;
            degree[a as usize] += w;
            degree[b as usize] += w;
            if a == b {
                self_loop[a as usize] += w;
            } else {
                adjacency[a as usize].push((b, w));
                adjacency[b as usize].push((a, w));
            }
        }
        Level {
            adjacency,
            self_loop,
            degree,
            total,
        }
    }

    /// Moves nodes between communities until no move raises the modularity; returns whether
    /// any node moved, and each node's community, numbered from 0 in order of first node.
    fn one_level(&self) -> (bool, Vec<u32>) {
        let n = self.adjacency.len();
        let mut community: Vec<u32> = (0..n as u32).collect();
        let mut tot = self.degree.clone();
        let mut weight_to = vec![0.0f64; n];
        let mut touched: Vec<u32> = Vec::new();
        let two_m = 2.0 * self.total;
        let mut moved_any = false;
        if self.total <= 0.0 {
            return (false, community);
        }
        for _pass in 0..64 {
            let mut moved = false;
            for i in 0..n {
                let ki = self.degree[i];
                let own = community[i];
                for &(j, w) in &self.adjacency[i] {
                    let c = community[j as usize];
                    if weight_to[c as usize] == 0.0 {
                        touched.push(c);
                    }
                    weight_to[c as usize] += w;
                }
                tot[own as usize] -= ki;
                let gain = |c: u32| weight_to[c as usize] - tot[c as usize] * ki / two_m;
                let (mut best, mut best_gain) = (own, gain(own));
                for &c in &touched {
                    let g = gain(c);
                    if g > best_gain + 1e-12 {
                        (best, best_gain) = (c, g);
                    }
                }
                tot[best as usize] += ki;
                if best != own {
                    community[i] = best;
                    moved = true;
                }
                for &c in &touched {
                    weight_to[c as usize] = 0.0;
                }
                touched.clear();
            }
            if !moved {
                break;
            }
            moved_any = true;
        }
        // Renumber in order of first node.
        let mut number = vec![u32::MAX; n];
        let mut next = 0;
        for c in community.iter_mut() {
            if number[*c as usize] == u32::MAX {
                number[*c as usize] = next;
                next += 1;
            }
            *c = number[*c as usize];
        }
        (moved_any, community)
    }

    /// The graph of communities: one node per community, edge weights summed.
    fn aggregate(&self, community: &[u32]) -> Level {
        let k = community.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
        let mut edges: Vec<(u32, u32, f64)> = Vec::new();
        for (i, list) in self.adjacency.iter().enumerate() {
            for &(j, w) in list {
                if (i as u32) < j {
                    let (a, b) = (community[i], community[j as usize]);
                    edges.push((a.min(b), a.max(b), w));
                }
            }
            if self.self_loop[i] > 0.0 {
                edges.push((community[i], community[i], self.self_loop[i]));
            }
        }
        edges.sort_by_key(|e| (e.0, e.1));
        let mut merged: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len());
        for e in edges {
            match merged.last_mut() {
                Some(last) if (last.0, last.1) == (e.0, e.1) => last.2 += e.2,
                _ => merged.push(e),
            }
        }
        Level::new(k, merged.into_iter())
    }
}

/// Renumbers communities by size, largest first (ties: smaller first node first).
fn rank(of: &[u32]) -> Vec<u32> {
    let k = of.iter().map(|&c| c as usize + 1).max().unwrap_or(0);
    let mut size = vec![0usize; k];
    let mut first = vec![usize::MAX; k];
    for (v, &c) in of.iter().enumerate() {
        size[c as usize] += 1;
        first[c as usize] = first[c as usize].min(v);
    }
    let mut order: Vec<u32> = (0..k as u32).filter(|&c| size[c as usize] > 0).collect();
    order.sort_by_key(|&c| (std::cmp::Reverse(size[c as usize]), first[c as usize]));
    let mut new = vec![0u32; k];
    for (r, &c) in order.iter().enumerate() {
        new[c as usize] = r as u32;
    }
    of.iter().map(|&c| new[c as usize]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `groups` cliques of `size` nodes, each joined to the next by one edge.
    fn cliques(size: u32, groups: u32) -> Topology {
        let mut edges = Vec::new();
        for g in 0..groups {
            for a in 0..size {
                for b in a + 1..size {
                    edges.push((g * size + a, g * size + b, 1.0));
                }
            }
            edges.push((g * size, ((g + 1) % groups) * size + 1, 1.0));
        }
        Topology {
            n: (size * groups) as usize,
            edges,
        }
    }

    #[test]
    fn each_clique_of_a_ring_of_cliques_is_one_community() {
        let c = communities(&cliques(6, 8));
        for g in 0..8 {
            let first = c[g * 6];
            assert!(c[g * 6..g * 6 + 6].iter().all(|&x| x == first), "{c:?}");
        }
        let mut distinct = c.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 8, "{c:?}");
    }

    #[test]
    fn lone_nodes_are_their_own_communities_ranked_after_larger_ones() {
        let mut t = cliques(4, 2);
        t.n += 2;
        let c = communities(&t);
        assert_eq!(&c[8..], &[2, 3]);
        assert_eq!(communities(&Topology::default()), Vec::<u32>::new());
    }
}
