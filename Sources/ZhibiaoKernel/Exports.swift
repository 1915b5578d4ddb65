// The kernel is the assessment engine over the layers below it, and speaks for all of them:
// `import ZhibiaoKernel` gives the plan, its targets, its observations and its monitoring.
@_exported import ZhibiaoPlan
@_exported import ZhibiaoTargets
@_exported import ZhibiaoObservations
@_exported import ZhibiaoMonitoring
