// Positions and diagnostics are part of the plan's vocabulary: every concept remembers
// where it was written, and domain modules report their checks as diagnostics.
@_exported import ZhibiaoYAML
