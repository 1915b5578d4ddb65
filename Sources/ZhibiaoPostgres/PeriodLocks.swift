import PostgresNIO
import ZhibiaoKernel
import ZhibiaoStore

/// The server-side locks of some orgs' periods that a write holds around its transaction:
/// shared for writes into the periods (submissions, reviews), exclusive for locking one.
///
/// A lock of a period thus waits for the writes in flight there, and they for it. The locks are
/// PostgreSQL advisory locks of the connection, taken before the transaction begins — its
/// snapshot then already sees what the writes before it committed — and let go after it ends,
/// so the audit log's order is the order in which the writes took effect. Keys are taken in
/// one sorted order, so two writes never wait for each other in a cycle.
struct PeriodLocks: Sendable {
  private let keys: RowBatch
  private let plan: String
  private let exclusive: Bool
  /// The periods, told to other processes when the write commits.
  let change: StoreChange

  init(_ periods: [OrgPeriod], plan: PlanID, exclusive: Bool) {
    var keys = RowBatch([("org", "text"), ("year", "integer"), ("quarter", "integer")])
    for period in Set(periods).sorted(by: { ($0.org, $0.year, $0.quarter) < ($1.org, $1.year, $1.quarter) }) {
      keys.add([period.org, String(period.year), String(period.quarter)])
    }
    self.keys = keys
    self.plan = plan.rawValue
    self.exclusive = exclusive
    change = StoreChange(
      isLock: exclusive,
      periods: Set(periods).compactMap { key in
        guard let period = try? Stored.period(year: key.year, quarter: key.quarter) else { return nil }
        return StoreChange.OrgPeriodKey(org: OrgID(key.org), period: period)
      })
  }

  /// The statement that takes the locks, or lets them go.
  func query(taking: Bool) -> PostgresQuery {
    var query = QueryBuilder("")
    let source = keys.unnest(as: "k", in: &query)
    let plan = query.bind(plan)
    let function = "pg_advisory_\(taking ? "lock" : "unlock")\(exclusive ? "" : "_shared")"
    query.append(
      """
      SELECT \(function)(hashtextextended(\(plan) || '|' || k.org || '|' || k.year || '|' || k.quarter, 0))
      FROM \(source) ORDER BY k.ord
      """)
    return query.query
  }
}
