// The kernel is the assessment over the plan, its targets, its observations and its monitoring,
// and re-exports those four layers, so that `import ZhibiaoKernel` gives them all.
@_exported import ZhibiaoMonitoring
@_exported import ZhibiaoObservations
@_exported import ZhibiaoPlan
@_exported import ZhibiaoTargets
