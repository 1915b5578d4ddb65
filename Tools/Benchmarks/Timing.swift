// Timing in milliseconds, and one printed line per measurement: minimum, median and 90th percentile.
import Dispatch
import Foundation

/// Milliseconds of `body`.
func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// ``milliseconds(_:)`` of asynchronous work.
func milliseconds(_ body: () async throws -> Void) async rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try await body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

/// Runs `body` `runs` times and returns the durations in milliseconds, sorted.
func measure(_ runs: Int, _ body: () throws -> Void) rethrows -> [Double] {
  try (0..<runs).map { _ in try milliseconds(body) }.sorted()
}

/// The median of sorted `times`.
func median(_ times: [Double]) -> Double { times[times.count / 2] }

/// Prints `name`, then the minimum, median and 90th percentile of the sorted `times`, then `detail`.
func report(_ name: String, _ times: [Double], detail: String = "") {
  let median = median(times)
  let p90 = times[min(times.count - 1, times.count * 9 / 10)]
  print(
    name.padding(toLength: 34, withPad: " ", startingAt: 0)
      + String(format: "min %8.2f ms   median %8.2f ms   p90 %8.2f ms", times[0], median, p90)
      + (detail.isEmpty ? "" : "   \(detail)"))
}
