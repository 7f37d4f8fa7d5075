/** Pure graph algorithms over node ids: no playbook knowledge, no recursion. */
export { type Adjacency, buildAdjacency, type GraphEdge } from './adjacency.ts'
export { findCycles, stronglyConnected } from './cycles.ts'
export { type AncestryQuery, ancestorsOf, areAncestors, reachableFrom } from './reachability.ts'
export { type TopoResult, topologicalIds, topologicalOrder } from './topo-sort.ts'
