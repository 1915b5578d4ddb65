import ZhibiaoTestSupport

/// The shared store values, by the name the tests use.
typealias Fixture = StoreFixture
