//! Topics that travel together, found by Louvain modularity optimisation: move each node to the
//! neighbouring community that gains the most modularity until nothing moves, merge communities
//! into nodes, repeat. Nodes are visited in a fixed order, so the result is the same every run.

/// Community of each node, numbered in order of each community's first node.
pub fn communities(n: usize, edges: &[(usize, usize, f64)]) -> Vec<u32> {
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level_edges: Vec<(usize, usize, f64)> = edges.to_vec();
    let mut level_n = n;
    for _ in 0..8 {
        let (moved, local) = one_level(level_n, &level_edges);
        if !moved {
            break;
        }
        let (renumbered, count) = renumber(&local);
        for m in membership.iter_mut() {
            *m = renumbered[*m];
        }
        let mut merged: std::collections::BTreeMap<(usize, usize), f64> = std::collections::BTreeMap::new();
        for &(a, b, w) in &level_edges {
            let (ca, cb) = (renumbered[a], renumbered[b]);
            *merged.entry((ca.min(cb), ca.max(cb))).or_default() += w;
        }
        level_edges = merged.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        level_n = count;
    }
    renumber(&membership).0.into_iter().map(|c| c as u32).collect()
}

fn renumber(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut seen: Vec<usize> = Vec::new();
    let out = labels
        .iter()
        .map(|l| match seen.iter().position(|s| s == l) {
            Some(i) => i,
            None => {
                seen.push(*l);
                seen.len() - 1
            }
        })
        .collect();
    (out, seen.len())
}

/// Local moving on one level. Self-loops (merged communities) count toward degree.
fn one_level(n: usize, edges: &[(usize, usize, f64)]) -> (bool, Vec<usize>) {
    let mut adjacency: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut degree = vec![0.0; n];
    for &(a, b, w) in edges {
        if a == b {
            degree[a] += 2.0 * w;
            continue;
        }
        adjacency[a].push((b, w));
        adjacency[b].push((a, w));
        degree[a] += w;
        degree[b] += w;
    }
    let two_m: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    if two_m == 0.0 {
        return (false, community);
    }
    let mut total: Vec<f64> = degree.clone();
    let mut moved_any = false;
    for _ in 0..50 {
        let mut moved = false;
        for i in 0..n {
            let current = community[i];
            total[current] -= degree[i];
            let mut links: Vec<(usize, f64)> = Vec::new();
            for &(j, w) in &adjacency[i] {
                match links.iter_mut().find(|(c, _)| *c == community[j]) {
                    Some(l) => l.1 += w,
                    None => links.push((community[j], w)),
                }
            }
            let gain = |c: usize, w_in: f64| w_in - total[c] * degree[i] / two_m;
            let stay = links.iter().find(|(c, _)| *c == current).map_or(0.0, |l| l.1);
            let mut best = (current, gain(current, stay));
            for &(c, w_in) in &links {
                let g = gain(c, w_in);
                if g > best.1 + 1e-12 {
                    best = (c, g);
                }
            }
            total[best.0] += degree[i];
            if best.0 != current {
                community[i] = best.0;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    (moved_any, community)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let edges = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 0.1)];
        let c = communities(6, &edges);
        assert_eq!(c, [0, 0, 0, 1, 1, 1]);
        assert_eq!(communities(3, &[]), [0, 1, 2], "isolated nodes stand alone");
    }
}
