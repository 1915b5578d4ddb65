import Foundation
import ZhibiaoKernel

/// A batch of register entries from one file or form.
public struct RegisterSubmission: Sendable {
  /// The plan.
  public var plan: PlanID
  /// Who submits.
  public var submitter: OrgID
  /// From which file or form.
  public var source: String
  /// When.
  public var time: Date
  /// The entries.
  public var entries: [RegisterEntry]

  /// Creates a batch.
  public init(plan: PlanID, submitter: OrgID, source: String, time: Date, entries: [RegisterEntry]) {
    self.plan = plan
    self.submitter = submitter
    self.source = source
    self.time = time
    self.entries = entries
  }
}
