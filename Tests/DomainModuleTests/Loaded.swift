// Loading a configuration with every domain module of the host, keeping what the registry said.

import Testing
import ZhibiaoKernel
import ZhibiaoTestSupport

/// What one `freeze()` produced.
struct Loaded {
  /// The frozen plan, nil when `freeze()` threw.
  let plan: Plan?
  /// Every diagnostic: the plan's warnings, or everything it was refused with.
  let diagnostics: [Diagnostic]

  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

  /// All diagnostics, one per line, for failure messages.
  var listing: String { diagnostics.isEmpty ? "(none)" : diagnostics.map(\.description).joined(separator: "\n") }
}

/// Loads `source` with every domain module of the host and freezes.
func loadPlan(from source: any ConfigSource) -> Loaded {
  var registry = Registry(source: source)
  for module in HangzhouPlan.modules { registry.register(module) }
  do {
    let plan = try registry.freeze()
    return Loaded(plan: plan, diagnostics: plan.warnings)
  } catch {
    return Loaded(plan: nil, diagnostics: error.diagnostics)
  }
}
