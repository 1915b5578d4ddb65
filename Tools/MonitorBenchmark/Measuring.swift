// Timing, the median of a series of timings, the peak memory of the process, and one printed line
// per figure.
import Dispatch
import Foundation

/// Measures the time since it was made.
struct Stopwatch {
  private let start = DispatchTime.now().uptimeNanoseconds

  /// Nanoseconds since the stopwatch was made.
  var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) }
}

/// The processor time of this process so far, every thread's, in nanoseconds: a figure that the
/// load of other processes on the machine changes far less than the time elapsed.
func processorNanoseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1_000_000_000 + Double(spec.tv_nsec)
}

/// Nanoseconds of `body`.
func time(_ body: () throws -> Void) rethrows -> Double {
  let stopwatch = Stopwatch()
  try body()
  return stopwatch.elapsed
}

/// What `body` returns, and how many nanoseconds it took.
func timed<Value>(_ body: () throws -> Value) rethrows -> (value: Value, nanoseconds: Double) {
  let stopwatch = Stopwatch()
  let value = try body()
  return (value, stopwatch.elapsed)
}

/// `count` timings of `body` in nanoseconds, and the processor time of each (all threads).
func timesWithProcessor(_ count: Int, _ body: () throws -> Void) rethrows -> (elapsed: [Double], processor: [Double]) {
  var elapsed: [Double] = []
  var processor: [Double] = []
  for _ in 0..<count {
    let start = processorNanoseconds()
    elapsed.append(try time(body))
    processor.append(processorNanoseconds() - start)
  }
  return (elapsed, processor)
}

/// `count` timings of `body` in nanoseconds.
func times(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
  try (0..<count).map { _ in try time(body) }
}

/// The median of `times` in nanoseconds, in seconds.
func medianSeconds(_ times: [Double]) -> Double {
  times.sorted()[times.count / 2] / 1_000_000_000
}

/// The median of `times` in nanoseconds, as text in a fitting unit.
func median(_ times: [Double]) -> String {
  let middle = medianSeconds(times) * 1_000_000_000
  if middle < 1_000 { return String(format: "%.0f ns", middle) }
  if middle < 1_000_000 { return String(format: "%.1f µs", middle / 1_000) }
  if middle < 1_000_000_000 { return String(format: "%.2f ms", middle / 1_000_000) }
  return String(format: "%.3f s", middle / 1_000_000_000)
}

/// The peak resident set size of this process in bytes, from VmHWM in /proc/self/status; nil
/// where there is none.
func peakMemoryBytes() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
  else { return nil }
  return kilobytes * 1024
}

/// The resident set size of this process now in bytes, from VmRSS; 0 where there is none.
func residentBytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
    let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
  else { return 0 }
  return kilobytes * 1024
}

/// Resets the peak resident set size to the present one (Linux: `5` to /proc/self/clear_refs), so
/// that VmHWM then measures one step.
func resetPeakMemory() {
  try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// The peak resident set size of this process, as text.
func peakMemory() -> String {
  guard let bytes = peakMemoryBytes() else { return "unknown (no /proc/self/status)" }
  return String(format: "%.0f MB", Double(bytes) / 1_048_576)
}

/// Prints one figure: its name, padded, then its value.
func report(_ name: String, _ value: String) {
  print(name.padding(toLength: 46, withPad: " ", startingAt: 0) + value)
}
