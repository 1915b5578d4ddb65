// The workspace loads its plan with the one list of domain modules, and gives that list and the
// folder loader to whoever imports it.
@_exported import ZhibiaoPlanLoading
