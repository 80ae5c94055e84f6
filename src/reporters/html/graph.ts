/**
 * The corpus view's graph: documents as nodes, contradictions and shared boilerplate as edges,
 * laid out deterministically (no randomness, no iteration to converge): each connected group of
 * documents on a circle of its own, groups packed in rows largest first, documents without an
 * edge in a grid below. The same report gives the same picture, and the cost is linear.
 */

export interface GraphEdge {
  kind: 'contradiction' | 'boilerplate'
  /** Document indices, a < b. */
  a: number
  b: number
  /** The finding (index in its document) on each side, if there is one. */
  fa?: number
  fb?: number
  /** The side without a finding of its own: its sentence as the other side's note quotes it. */
  quote?: string
  /** Shared lines (boilerplate) or contradicting sentence pairs between the two documents. */
  count: number
}

export interface Layout {
  width: number
  height: number
  /** x, y per document. */
  points: Array<[number, number]>
  /** Documents in a group of at most LABELLED members get a visible label: 1 to the right, -1 to the left, 0 none. */
  labelled: Array<-1 | 0 | 1>
}

const WIDTH = 960
const GAP = 28
const STEP = 22
const LABELLED = 8
const SPIRAL = 48
const SPACING = 11
const GOLDEN = Math.PI * (3 - Math.sqrt(5))

export function layout(documents: number, edges: GraphEdge[]): Layout {
  const parent = Array.from({length: documents}, (_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]]
    return i
  }
  const linked = new Array<boolean>(documents).fill(false)
  for (const edge of edges) {
    linked[edge.a] = linked[edge.b] = true
    const [x, y] = [find(edge.a), find(edge.b)]
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y)
  }
  const groups = new Map<number, number[]>()
  const alone: number[] = []
  for (let i = 0; i < documents; i++) {
    if (!linked[i]) {
      alone.push(i)
      continue
    }
    const root = find(i)
    let group = groups.get(root)
    if (!group) groups.set(root, (group = []))
    group.push(i)
  }
  // Largest first, then by first document (documents are in path order): stable and deterministic.
  const ordered = [...groups.values()].sort((x, y) => y.length - x.length || x[0] - y[0])
  const points: Array<[number, number]> = new Array(documents)
  const labelled = new Array<-1 | 0 | 1>(documents).fill(0)
  let x = GAP
  let y = GAP
  let rowHeight = 0
  for (const group of ordered) {
    const label = group.length <= LABELLED
    // Up to SPIRAL members on a circle; more, on a sunflower spiral (a disc that grows as the square root).
    const spiral = group.length > SPIRAL
    const radius = spiral ? SPACING * Math.sqrt(group.length) : Math.max(label ? 50 : 40, (group.length * STEP) / (2 * Math.PI))
    const size = 2 * radius + (label ? 320 : 20)
    if (x + size > WIDTH && x > GAP) {
      x = GAP
      y += rowHeight + GAP
      rowHeight = 0
    }
    const cx = x + size / 2
    const cy = y + radius + 20
    group.forEach((member, k) => {
      const angle = spiral ? k * GOLDEN : Math.PI + (2 * Math.PI * k) / group.length
      const r = spiral ? SPACING * Math.sqrt(k + 0.5) : radius
      points[member] = [round(cx + r * Math.cos(angle)), round(cy + r * Math.sin(angle))]
      labelled[member] = !label ? 0 : Math.cos(angle) < -1e-9 ? -1 : 1
    })
    x += size + GAP
    rowHeight = Math.max(rowHeight, 2 * radius + 40)
  }
  if (ordered.length > 0) y += rowHeight + GAP
  const perRow = Math.floor((WIDTH - 2 * GAP) / 16)
  alone.forEach((member, k) => {
    points[member] = [GAP + (k % perRow) * 16, y + Math.floor(k / perRow) * 16]
  })
  const height = alone.length > 0 ? y + Math.ceil(alone.length / perRow) * 16 + GAP : y + GAP
  // A group wider than a row widens the picture rather than being cut off.
  let width = WIDTH
  for (const point of points) if (point) width = Math.max(width, Math.ceil(point[0] + 200))
  return {width, height: Math.max(height, 80), points, labelled}
}

const round = (value: number) => Math.round(value * 10) / 10
