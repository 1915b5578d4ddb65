// The kernel is the umbrella of its layers — the plan, its targets, its observations, monitoring,
// the assessment scheme and its scoring, and the assessment — and re-exports them all, so that
// `import ZhibiaoKernel` gives every one.
@_exported import ZhibiaoAssessment
@_exported import ZhibiaoMonitoring
@_exported import ZhibiaoObservations
@_exported import ZhibiaoPlan
@_exported import ZhibiaoScoring
@_exported import ZhibiaoTargets
