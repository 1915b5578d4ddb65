// The peak resident set size of this process, from VmHWM in /proc/self/status, and its reset
// (writing 5 to /proc/self/clear_refs), so that each stage's peak is its own.
import Foundation

enum PeakMemory {
  /// Starts a new peak at the current resident set size, where the system allows it.
  static func reset() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
  }

  /// The peak in bytes since the last reset, or since the start; nil where there is no /proc.
  static func bytes() -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
    else { return nil }
    return kilobytes * 1024
  }

  /// `bytes` as text to append to a line of figures.
  static func text(_ bytes: Int?) -> String {
    bytes.map { "   peak \($0 / 1_048_576) MB" } ?? ""
  }
}

/// The processor time this process has used so far, user and system, in seconds: beside the wall
/// time, what a measurement cost when other work shares the machine.
func processorSeconds() -> Double {
  var usage = rusage()
  #if canImport(Glibc)
    guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
  #else
    guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
  #endif
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
