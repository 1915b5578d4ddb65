// swift-tools-version: 6.2
import PackageDescription

/// One set of compiler settings for every target.
let swiftSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "Zhibiao",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "zhibiao", targets: ["zhibiao"]),
    .library(name: "ZhibiaoKernel", targets: ["ZhibiaoKernel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
  ],
  targets: [
    // Core: the YAML layer over libyaml, and the kernel that knows the plan's concepts
    // but names no domain.
    .systemLibrary(
      name: "CYAML",
      path: "Sources/CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "ZhibiaoYAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),
    .target(name: "ZhibiaoKernel", dependencies: ["ZhibiaoYAML"], swiftSettings: swiftSettings),

    // Domains: one module per 重点领域, each depending on the kernel only.
    .target(
      name: "DigitalDomain", dependencies: ["ZhibiaoKernel"], path: "Plugins/Digital",
      swiftSettings: swiftSettings),
    .target(
      name: "TechDomain", dependencies: ["ZhibiaoKernel"], path: "Plugins/Tech",
      swiftSettings: swiftSettings),
    .target(
      name: "FinanceDomain", dependencies: ["ZhibiaoKernel"], path: "Plugins/Finance",
      swiftSettings: swiftSettings),
    .target(
      name: "LogisticsDomain", dependencies: ["ZhibiaoKernel"], path: "Plugins/Logistics",
      swiftSettings: swiftSettings),
    .target(
      name: "BusinessDomain", dependencies: ["ZhibiaoKernel"], path: "Plugins/Business",
      swiftSettings: swiftSettings),

    // Storage: the interface the commands use, and its embedded SQLite implementation.
    .target(name: "ZhibiaoStore", dependencies: ["ZhibiaoKernel"], swiftSettings: swiftSettings),
    .target(
      name: "ZhibiaoSQLite",
      dependencies: ["ZhibiaoStore", "ZhibiaoKernel", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: swiftSettings
    ),

    // Reports: a small SVG chart module that knows nothing of plans, and the report and letter
    // documents built from the kernel's monitoring and assessment.
    .target(name: "ZhibiaoCharts", swiftSettings: swiftSettings),
    .target(name: "ZhibiaoReport", dependencies: ["ZhibiaoKernel", "ZhibiaoCharts"], swiftSettings: swiftSettings),

    // Workspace: the one list of domain modules, a configuration loaded once, and the pipeline
    // from the store's figures to monitoring, assessment and report inputs.
    .target(
      name: "ZhibiaoWorkspace",
      dependencies: [
        "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoReport",
        "DigitalDomain", "TechDomain", "FinanceDomain", "LogisticsDomain", "BusinessDomain",
      ],
      swiftSettings: swiftSettings
    ),

    // Host: the commands over the workspace, and a thin executable.
    .target(
      name: "ZhibiaoHost",
      dependencies: [
        "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoSQLite", "ZhibiaoReport", "ZhibiaoWorkspace",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "zhibiao", dependencies: ["ZhibiaoHost"], swiftSettings: swiftSettings),

    // Tools
    .executableTarget(
      name: "zhibiao-benchmarks",
      dependencies: [
        "ZhibiaoHost", "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoSQLite",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tools/Benchmarks",
      swiftSettings: swiftSettings),
    .executableTarget(
      name: "monitor-benchmark",
      dependencies: ["ZhibiaoKernel", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      path: "Tools/MonitorBenchmark",
      swiftSettings: swiftSettings),

    // Tests: what the test targets share (the repository's root and Config/, temporary folders,
    // stores and configurations, the Hangzhou plan loaded once, a synthetic plan, positions in
    // fixtures), then one test target per module.
    .target(
      name: "ZhibiaoTestSupport",
      dependencies: ["ZhibiaoKernel", "ZhibiaoHost", "ZhibiaoSQLite"],
      path: "Tests/ZhibiaoTestSupport",
      swiftSettings: swiftSettings),
    .testTarget(name: "ZhibiaoYAMLTests", dependencies: ["ZhibiaoYAML"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoKernelTests",
      dependencies: [
        "ZhibiaoKernel", "ZhibiaoTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "DomainModuleTests",
      dependencies: [
        "ZhibiaoKernel", "ZhibiaoHost", "ZhibiaoTestSupport", "DigitalDomain", "TechDomain", "FinanceDomain",
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(name: "ZhibiaoChartsTests", dependencies: ["ZhibiaoCharts"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoSQLiteTests",
      dependencies: ["ZhibiaoSQLite", "ZhibiaoStore", "ZhibiaoKernel", "ZhibiaoTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoHostTests",
      dependencies: [
        "ZhibiaoHost", "ZhibiaoKernel", "ZhibiaoTestSupport",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["__Snapshots__", "Fixtures"],
      swiftSettings: swiftSettings),
  ]
)
