import ZhibiaoKernel

/// How both stores lay out a submission's decided writes: in which order they make them, and
/// which first revisions they leave to their observations.
///
/// **Order.** Every new observation comes first, by the observation table's key — org, period,
/// indicator, each compared by its bytes as both databases compare them — so that the table and
/// the audit log's index by org receive them in their own order instead of all over their pages.
/// Every other write (a revision or a promotion) follows in the submission's order. A figure is
/// added at most once and before any other write of it, so each figure's writes keep their order.
///
/// **First revisions.** A new figure's first revision is the figure as its observation holds it,
/// with no reason; the store does not write it twice. Its revision row is written only when it
/// would say more: a submission with a reason, or a figure the same submission writes again
/// (its observation will not hold the first revision at the end). Whoever changes an
/// observation that holds its first revision writes that revision out first (see
/// ``writesOutFirstRevision(_:)``), so that the history reads the same as if every revision had
/// been written.
package struct WriteOrder: Sendable {
  /// Positions in the decided writes, in the order they are made.
  package let order: [Int]
  /// Figures this submission both adds and writes again.
  private let addedAndRewritten: Set<ObservationKey>
  /// Whether the submission gives a reason, which every revision it writes carries.
  private let hasReason: Bool

  /// The order of `writes`, decided in key order, each made by the row at `positions[i]` of the
  /// submission.
  package init(_ writes: [ObservationWrite], positions: [Int], reason: String?) {
    hasReason = reason != nil
    var added: [Int] = []
    var others: [Int] = []
    added.reserveCapacity(writes.count)
    for (index, write) in writes.enumerated() {
      if write.kind == .add { added.append(index) } else { others.append(index) }
    }
    others.sort { positions[$0] < positions[$1] }
    order = added + others
    if others.isEmpty {
      addedAndRewritten = []
    } else {
      let rewritten = Set(others.map { Self.key(writes[$0]) })
      addedAndRewritten = Set(added.lazy.map { Self.key(writes[$0]) }.filter { rewritten.contains($0) })
    }
  }

  /// Whether `write`, a new figure, leaves its first revision to its observation.
  package func leavesFirstRevisionToObservation(_ write: ObservationWrite) -> Bool {
    write.kind == .add && write.state.revision == 1 && !hasReason
      && (addedAndRewritten.isEmpty || !addedAndRewritten.contains(Self.key(write)))
  }

  /// Whether the observation `write` changes may hold its first revision, which is written out
  /// before the change: one stored before this submission and still at its first revision.
  package func writesOutFirstRevision(_ write: ObservationWrite) -> Bool {
    write.kind != .add && write.old?.revision == 1
      && (addedAndRewritten.isEmpty || !addedAndRewritten.contains(Self.key(write)))
  }

  /// The figure a write is of.
  package static func key(_ write: ObservationWrite) -> ObservationKey {
    ObservationKey(
      indicator: write.row.indicator.rawValue, orgPeriod: OrgPeriod(org: write.row.org, period: write.row.period))
  }
}

/// A submission's rows in the observation table's key order — org, period, indicator, each
/// compared by its bytes — and whether any figure is given twice.
package struct RowKeyOrder: Sendable {
  /// The rows' positions in the submission, in key order; rows of the same figure keep the
  /// submission's order.
  package let positions: [Int]
  /// Whether two rows give the same figure.
  package let hasRepeats: Bool

  /// Orders `rows` grouped by org's period, the groups in order, each group by indicator. An
  /// import lists its figures in some order of its own, usually sorted by one of the key's parts;
  /// a group already in order is left as it is.
  package init(_ rows: [ObservationInput]) {
    var groups: [OrgPeriod: [Int]] = [:]
    for (position, row) in rows.enumerated() {
      groups[OrgPeriod(org: row.org, period: row.period), default: []].append(position)
    }
    let periods = groups.keys.sorted { left, right in
      if left.org != right.org { return left.org.utf8.lexicographicallyPrecedes(right.org.utf8) }
      return (left.year, left.quarter) < (right.year, right.quarter)
    }
    var positions: [Int] = []
    positions.reserveCapacity(rows.count)
    var repeats = false
    for period in periods {
      guard var members = groups[period] else { continue }
      let indicators = members.map { rows[$0].indicator.rawValue }
      if zip(indicators, indicators.dropFirst()).contains(where: { !$0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        // A stable sort: rows of one figure stay in the submission's order.
        members = members.enumerated().sorted { left, right in
          let (a, b) = (rows[left.element].indicator.rawValue, rows[right.element].indicator.rawValue)
          return a == b ? left.offset < right.offset : a.utf8.lexicographicallyPrecedes(b.utf8)
        }.map(\.element)
        repeats =
          repeats
          || zip(members, members.dropFirst()).contains { rows[$0].indicator == rows[$1].indicator }
      }
      positions += members
    }
    self.positions = positions
    hasRepeats = repeats
  }
}
