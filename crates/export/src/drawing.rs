//! The drawing of a graph, computed once per build and shared by every format that draws:
//! positions (ForceAtlas2, [`crate::layout`]), communities (Louvain, [`crate::community`]) and
//! their colours, degrees, and the people the diagrams (`graph.svg`, `graph.dot`) show.

use crate::community::communities;
use crate::layout::{Progress, Topology, layout};
use std::sync::OnceLock;
use whomet_graph::Graph;

/// Diagrams (`graph.svg`, `graph.dot`) of larger graphs show only this many people: the most
/// connected by weighted degree (the sum of their edges' confidences). Every other format holds
/// the whole graph.
pub const MAX_DRAWN_PEOPLE: usize = 150;

/// Diagrams show at most this many edges between the people they show: the most certain
/// (largest confidence; ties: the earlier edge).
pub const MAX_DRAWN_EDGES: usize = 600;

/// Whether the diagrams show all of `graph` (at most [`MAX_DRAWN_PEOPLE`] people and
/// [`MAX_DRAWN_EDGES`] edges), as drawn by default ([`Diagram::default`]).
pub fn drawable(graph: &Graph) -> bool {
    drawable_with(graph, Diagram::default())
}

/// [`drawable`], counting only the people `diagram` draws.
pub fn drawable_with(graph: &Graph, diagram: Diagram) -> bool {
    let degree = crate::degrees(graph);
    let people = graph
        .nodes()
        .zip(&degree)
        .filter(|(n, d)| diagram.shows(n, **d))
        .count();
    people <= MAX_DRAWN_PEOPLE && graph.graph.edge_count() <= MAX_DRAWN_EDGES
}

/// Who may be drawn in the diagram outputs (`graph.dot`, `graph.svg`, the report's graph view
/// and people table); of them, larger graphs show the most connected. The data files always
/// hold everyone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Diagram {
    /// Leave out people without edges.
    pub drop_isolated: bool,
    /// Draw people seen only as photo credits or bylines (left out by default).
    pub show_credits: bool,
}

impl Diagram {
    /// Whether `node`, with `degree` edges, may be drawn. A credit with an edge is drawn (it is
    /// in a meeting), so every edge has both its people drawable.
    pub fn shows(&self, node: &whomet_graph::PersonNode, degree: usize) -> bool {
        (self.show_credits || !node.credit || degree > 0) && (!self.drop_isolated || degree > 0)
    }
}

/// Positions, communities and sizes of every person of one graph, by node index (the order of
/// [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    /// Layout coordinates (ForceAtlas2 units; y grows downwards in the SVG).
    pub position: Vec<[f64; 2]>,
    /// Community rank: 0 is the largest community.
    pub community: Vec<u32>,
    /// Number of edges.
    pub degree: Vec<u32>,
    /// Weighted degree: the sum of the confidences of the person's edges.
    pub strength: Vec<f64>,
    /// Whether each person may be drawn ([`Diagram::shows`]), by node index.
    pub shown: Vec<bool>,
    /// The people the diagrams show, by node index in increasing order: everyone [`shown`],
    /// or the [`MAX_DRAWN_PEOPLE`] of them of largest weighted degree (ties: smaller index).
    ///
    /// [`shown`]: Drawing::shown
    pub drawn: Vec<u32>,
    /// The edges the diagrams show, by edge index in increasing order: those between the drawn
    /// people, or the [`MAX_DRAWN_EDGES`] most certain of them.
    pub drawn_edges: Vec<u32>,
    /// How many edges there are between the drawn people.
    pub edges_between: usize,
    /// The positions of the drawn people in the diagrams, in the order of `drawn`: their
    /// layout positions when everyone is drawn; otherwise ForceAtlas2 run again on the drawn
    /// people and the edges between them, from their layout positions, so that people who sit
    /// together in the middle of a large graph get room for their names.
    pub diagram: Vec<[f64; 2]>,
}

impl Drawing {
    /// Lays out `graph` (everyone: the layout positions are also written to `graph.gexf`), the
    /// diagrams showing the people `diagram` says, calling `progress` as the layout goes.
    pub fn new(graph: &Graph, diagram: Diagram, progress: &mut dyn FnMut(Progress)) -> Drawing {
        let n = graph.graph.node_count();
        let mut degree = vec![0u32; n];
        let mut strength = vec![0.0f64; n];
        let mut edges = Vec::with_capacity(graph.graph.edge_count());
        for e in graph.graph.raw_edges() {
            let (a, b) = (e.source().index(), e.target().index());
            if a == b {
                continue;
            }
            degree[a] += 1;
            degree[b] += 1;
            strength[a] += e.weight.confidence;
            strength[b] += e.weight.confidence;
            edges.push((a as u32, b as u32, e.weight.confidence.max(1e-6)));
        }
        let topology = Topology { n, edges };
        let position = layout(&topology, progress);
        let community = communities(&topology);
        // Edges counted as `drawable_with` counts them (a self-loop too), so that both people
        // of every edge may be drawn.
        let shown: Vec<bool> = graph
            .nodes()
            .zip(crate::degrees(graph))
            .map(|(p, d)| diagram.shows(p, d))
            .collect();
        let mut drawn: Vec<u32> = (0..n as u32).filter(|&v| shown[v as usize]).collect();
        let drawable = drawn.len();
        if drawn.len() > MAX_DRAWN_PEOPLE {
            drawn.sort_by(|&a, &b| {
                strength[b as usize]
                    .total_cmp(&strength[a as usize])
                    .then(a.cmp(&b))
            });
            drawn.truncate(MAX_DRAWN_PEOPLE);
            drawn.sort_unstable();
        }
        let mut kept = vec![false; n];
        for &v in &drawn {
            kept[v as usize] = true;
        }
        let raw = graph.graph.raw_edges();
        let mut between: Vec<u32> = (0..raw.len() as u32)
            .filter(|&e| {
                let e = &raw[e as usize];
                kept[e.source().index()] && kept[e.target().index()]
            })
            .collect();
        let edges_between = between.len();
        if between.len() > MAX_DRAWN_EDGES {
            between.sort_by(|&a, &b| {
                let (x, y) = (
                    raw[a as usize].weight.confidence,
                    raw[b as usize].weight.confidence,
                );
                y.total_cmp(&x).then(a.cmp(&b))
            });
            between.truncate(MAX_DRAWN_EDGES);
            between.sort_unstable();
        }
        let diagram = if drawn.len() == drawable && between.len() == edges_between {
            drawn.iter().map(|&v| position[v as usize]).collect()
        } else {
            let kept = between.iter().map(|&e| {
                let e = &raw[e as usize];
                (e.source().index() as u32, e.target().index() as u32)
            });
            spread(&drawn, &position, kept)
        };
        Drawing {
            position,
            community,
            degree,
            strength,
            shown,
            drawn,
            drawn_edges: between,
            edges_between,
            diagram,
        }
    }

    /// The colour of person `i`: their community's, or grey for someone without edges.
    pub fn color(&self, i: usize) -> [u8; 3] {
        if self.degree[i] == 0 {
            LONE
        } else {
            community_color(self.community[i])
        }
    }

    /// How many people may be drawn ([`Drawing::shown`]).
    pub fn drawable(&self) -> usize {
        self.shown.iter().filter(|&&s| s).count()
    }

    /// Whether the diagrams show every person that may be drawn and every edge.
    pub fn complete(&self) -> bool {
        self.drawn.len() == self.drawable() && self.drawn_edges.len() == self.edges_between
    }

    /// The title of a diagram: what it shows of the graph.
    pub fn title(&self) -> String {
        let people = self.drawable();
        let edges = if self.drawn_edges.len() < self.edges_between {
            format!(
                " and the {} most certain of the {} edges between them",
                self.drawn_edges.len(),
                self.edges_between
            )
        } else {
            String::new()
        };
        if self.drawn.len() == people {
            if edges.is_empty() {
                format!("whomet: {people} people")
            } else {
                format!(
                    "whomet: {people} people{edges}; the full graph is in graph.gexf, graph.graphml and report.html"
                )
            }
        } else {
            format!(
                "whomet: the {} most connected of {people} people (by weighted degree){edges}; the full graph is in graph.gexf, graph.graphml and report.html",
                self.drawn.len()
            )
        }
    }
}

/// ForceAtlas2 on the people of `drawn` alone (stronger repulsion: they carry names), starting
/// from where the whole layout put them.
fn spread(
    drawn: &[u32],
    position: &[[f64; 2]],
    kept: impl Iterator<Item = (u32, u32)>,
) -> Vec<[f64; 2]> {
    let mut local = vec![u32::MAX; position.len()];
    for (k, &v) in drawn.iter().enumerate() {
        local[v as usize] = k as u32;
    }
    let edges: Vec<(u32, u32, f64)> = kept
        .filter(|&(a, b)| a != b)
        .map(|(a, b)| (local[a as usize], local[b as usize], 1.0))
        .collect();
    let mut mass = vec![1.0; drawn.len()];
    for &(a, b, _) in &edges {
        mass[a as usize] += 1.0;
        mass[b as usize] += 1.0;
    }
    // From the layout positions, scaled to the spread ForceAtlas2 would give these people.
    let mut pos: Vec<[f64; 2]> = drawn.iter().map(|&v| position[v as usize]).collect();
    let (cx, cy) = pos
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
    let (cx, cy) = (cx / pos.len() as f64, cy / pos.len() as f64);
    let radius = pos
        .iter()
        .map(|p| ((p[0] - cx).powi(2) + (p[1] - cy).powi(2)).sqrt())
        .fold(0.0, f64::max)
        .max(1e-9);
    let target = 10.0 * (pos.len() as f64).sqrt();
    for p in &mut pos {
        *p = [(p[0] - cx) / radius * target, (p[1] - cy) / radius * target];
    }
    let settings = crate::forceatlas2::Settings {
        scaling: 60.0,
        iterations: 300,
        ..crate::forceatlas2::Settings::for_size(pos.len())
    };
    let bodies = crate::forceatlas2::Bodies {
        mass: &mass,
        edges: &edges,
    };
    crate::forceatlas2::run(&mut pos, &bodies, settings, &mut || {});
    pos
}

/// The colour of people without edges.
pub const LONE: [u8; 3] = [0x9e, 0x9e, 0x9e];

/// The colour of community `rank`: ten distinct colours for the largest communities, then
/// hues a golden angle apart.
pub fn community_color(rank: u32) -> [u8; 3] {
    const PALETTE: [[u8; 3]; 10] = [
        [0x1f, 0x77, 0xb4],
        [0xd6, 0x27, 0x28],
        [0x2c, 0xa0, 0x2c],
        [0xff, 0x7f, 0x0e],
        [0x94, 0x67, 0xbd],
        [0x8c, 0x56, 0x4b],
        [0xe3, 0x77, 0xc2],
        [0x17, 0xbe, 0xcf],
        [0xbc, 0xbd, 0x22],
        [0x39, 0x3b, 0x79],
    ];
    if let Some(c) = PALETTE.get(rank as usize) {
        return *c;
    }
    let hue = (rank as f64 * 137.507_764) % 360.0;
    hsl(hue, 0.55, 0.45)
}

/// `#rrggbb`.
pub(crate) fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn hsl(h: f64, s: f64, l: f64) -> [u8; 3] {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((h / 60.0) % 2.0 - 1.0).abs());
    let (r, g, b) = match (h / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [byte(r), byte(g), byte(b)]
}

/// The drawing of one graph, made at most once: every format written with the same `Layout`
/// (from any threads) shares one [`Drawing`].
#[derive(Default)]
pub struct Layout {
    drawing: OnceLock<Drawing>,
    progress: Option<Box<dyn Fn(Progress) + Send + Sync>>,
    /// Who the diagrams may draw.
    pub diagram: Diagram,
}

impl std::fmt::Debug for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Layout")
            .field("done", &self.drawing.get().is_some())
            .field("diagram", &self.diagram)
            .finish()
    }
}

impl Layout {
    /// A layout whose diagrams draw the people `diagram` says.
    pub fn new(diagram: Diagram) -> Layout {
        Layout {
            drawing: OnceLock::new(),
            progress: None,
            diagram,
        }
    }

    /// A layout whose diagrams draw the people `diagram` says, and that reports its progress to
    /// `progress` while it is computed (for a progress bar).
    pub fn with_progress(
        diagram: Diagram,
        progress: impl Fn(Progress) + Send + Sync + 'static,
    ) -> Layout {
        Layout {
            drawing: OnceLock::new(),
            progress: Some(Box::new(progress)),
            diagram,
        }
    }

    /// The drawing of `graph` (the graph must be the same at every call).
    pub fn drawing(&self, graph: &Graph) -> &Drawing {
        self.drawing.get_or_init(|| {
            Drawing::new(graph, self.diagram, &mut |p| {
                if let Some(f) = &self.progress {
                    f(p)
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn community_colours_are_distinct_for_the_first_fifty() {
        let colours: Vec<[u8; 3]> = (0..50).map(community_color).collect();
        let mut sorted = colours.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 50);
        assert_eq!(hex(colours[0]), "#1f77b4");
    }
}
