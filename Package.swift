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
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
  ],
  targets: [
    // YAML: libyaml, and YAML as a node tree with positions, typed reading and diagnostics.
    .systemLibrary(
      name: "CYAML",
      path: "Sources/CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    .target(name: "ZhibiaoYAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),

    // The kernel, in layers that name no domain; each depends only on those above it.
    // The plan: its concepts as values (and the rules and settings its YAML states), loading,
    // the registry that checks every cross-reference and freezes a `Plan`, the domain-module protocol.
    .target(name: "ZhibiaoPlan", dependencies: ["ZhibiaoYAML"], swiftSettings: swiftSettings),
    // Targets: time paths, apportionment, and the target book decomposed from the plan and its baselines.
    .target(name: "ZhibiaoTargets", dependencies: ["ZhibiaoPlan"], swiftSettings: swiftSettings),
    // Observations: reported figures and register entries checked against the plan, their units,
    // periods and encodings. They need the plan only, not its targets.
    .target(name: "ZhibiaoObservations", dependencies: ["ZhibiaoPlan"], swiftSettings: swiftSettings),
    // Monitoring: the target book and the observed figures on one grid; pace, lights, flags, projections.
    .target(
      name: "ZhibiaoMonitoring", dependencies: ["ZhibiaoPlan", "ZhibiaoTargets", "ZhibiaoObservations"],
      swiftSettings: swiftSettings),
    // Scoring: the assessment scheme as declared and decoded (sections, items, grades, policies), the
    // scoring rules with their exact arithmetic, and the assessment events. They need the plan only.
    .target(name: "ZhibiaoScoring", dependencies: ["ZhibiaoPlan"], swiftSettings: swiftSettings),
    // Assessment: the scheme compiled over monitoring's figures, every org scored, ranked and
    // graded; scorecards, standings and the consolidated view. Weights are shared out by the targets'
    // largest remainder.
    .target(
      name: "ZhibiaoAssessment",
      dependencies: ["ZhibiaoPlan", "ZhibiaoTargets", "ZhibiaoMonitoring", "ZhibiaoScoring"],
      swiftSettings: swiftSettings),
    // The kernel: `import ZhibiaoKernel` re-exports every layer above it, so the modules below import
    // the kernel alone.
    .target(
      name: "ZhibiaoKernel",
      dependencies: [
        "ZhibiaoPlan", "ZhibiaoTargets", "ZhibiaoObservations", "ZhibiaoMonitoring", "ZhibiaoScoring",
        "ZhibiaoAssessment",
      ],
      swiftSettings: swiftSettings),

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
    .target(
      name: "ZhibiaoStore", dependencies: ["ZhibiaoKernel", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: swiftSettings),
    .target(
      name: "ZhibiaoSQLite",
      dependencies: [
        "ZhibiaoStore", "ZhibiaoKernel", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: swiftSettings
    ),
    // The shared store: the same interface on a PostgreSQL server, for several app instances.
    .target(
      name: "ZhibiaoPostgres",
      dependencies: [
        "ZhibiaoStore", "ZhibiaoKernel", .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),

    // Reports: a small SVG chart module that knows nothing of plans, and the report and letter
    // documents built from the kernel's monitoring and assessment.
    .target(name: "ZhibiaoCharts", swiftSettings: swiftSettings),
    .target(name: "ZhibiaoReport", dependencies: ["ZhibiaoKernel", "ZhibiaoCharts"], swiftSettings: swiftSettings),

    // Documents: the files officials exchange (XLSX workbooks) read into the kernel's import table
    // from a ZIP reader of our own over zlib, and written with libxlsxwriter.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .systemLibrary(
      name: "CXLSXWriter",
      path: "Sources/CXLSXWriter",
      pkgConfig: "xlsxwriter",
      providers: [.apt(["libxlsxwriter-dev"])]
    ),
    .target(
      name: "ZhibiaoDocuments",
      dependencies: ["ZhibiaoKernel", "CXLSXWriter", "CZlib"],
      swiftSettings: swiftSettings),

    // Plan loading: the one list of domain modules, and a plan loaded from a configuration folder.
    .target(
      name: "ZhibiaoPlanLoading",
      dependencies: [
        "ZhibiaoKernel", "DigitalDomain", "TechDomain", "FinanceDomain", "LogisticsDomain", "BusinessDomain",
      ],
      swiftSettings: swiftSettings),

    // Workspace: a configuration loaded once, and the pipeline from the store's figures to
    // monitoring, assessment and report inputs.
    .target(
      name: "ZhibiaoWorkspace",
      dependencies: ["ZhibiaoKernel", "ZhibiaoPlanLoading", "ZhibiaoStore", "ZhibiaoReport", "ZhibiaoDocuments"],
      swiftSettings: swiftSettings
    ),

    // Accounts: password rules and hashing, and the bearer tokens of scripts, over the store.
    .target(
      name: "ZhibiaoAccounts",
      dependencies: [
        "ZhibiaoStore", .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: swiftSettings
    ),

    // Web: `zhibiao serve` on Hummingbird, over the same workspace and store as the commands.
    .target(
      name: "ZhibiaoWeb",
      dependencies: [
        "ZhibiaoStore", "ZhibiaoWorkspace", "ZhibiaoAccounts", "ZhibiaoDocuments",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      resources: [.copy("Templates"), .copy("OpenAPI"), .copy("Static")],
      swiftSettings: swiftSettings
    ),

    // Host: the commands over the workspace, and a thin executable.
    .target(
      name: "ZhibiaoHost",
      dependencies: [
        "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoSQLite", "ZhibiaoPostgres", "ZhibiaoReport", "ZhibiaoWorkspace",
        "ZhibiaoWeb", "ZhibiaoAccounts", "ZhibiaoDocuments",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(name: "zhibiao", dependencies: ["ZhibiaoHost"], swiftSettings: swiftSettings),

    // Tools
    .executableTarget(
      name: "zhibiao-benchmarks",
      dependencies: [
        "ZhibiaoHost", "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoSQLite", "ZhibiaoPostgres", "ZhibiaoWorkspace",
        "ZhibiaoDocuments", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Tools/Benchmarks",
      swiftSettings: swiftSettings),
    // Fuzzing: the readers of files people send, fed arbitrary bytes (see Tools/fuzz.sh).
    .target(
      name: "ZhibiaoFuzzing",
      dependencies: ["ZhibiaoKernel", "ZhibiaoDocuments", "ZhibiaoPlanLoading"],
      path: "Tools/Fuzz/Harness", swiftSettings: swiftSettings),
    .target(name: "CFuzzer", path: "Tools/Fuzz/CFuzzer"),
    .executableTarget(
      name: "zhibiao-fuzz", dependencies: ["ZhibiaoFuzzing", "CFuzzer"], path: "Tools/Fuzz/Main",
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
      dependencies: ["ZhibiaoKernel", "ZhibiaoHost", "ZhibiaoStore", "ZhibiaoSQLite", "ZhibiaoPostgres"],
      path: "Tests/ZhibiaoTestSupport",
      swiftSettings: swiftSettings),
    .testTarget(name: "ZhibiaoYAMLTests", dependencies: ["ZhibiaoYAML"], swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoFuzzingTests", dependencies: ["ZhibiaoFuzzing", "ZhibiaoTestSupport"],
      exclude: ["Regressions"], swiftSettings: swiftSettings),
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
      name: "ZhibiaoDocumentsTests",
      dependencies: [
        "ZhibiaoDocuments", "ZhibiaoKernel", "ZhibiaoWorkspace", "ZhibiaoTestSupport",
      ],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoSQLiteTests",
      dependencies: ["ZhibiaoSQLite", "ZhibiaoStore", "ZhibiaoKernel", "ZhibiaoTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoStoreTests",
      dependencies: [
        "ZhibiaoStore", "ZhibiaoSQLite", "ZhibiaoPostgres", "ZhibiaoKernel", "ZhibiaoTestSupport",
        .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoAccountsTests",
      dependencies: ["ZhibiaoAccounts", "ZhibiaoKernel", "ZhibiaoStore", "ZhibiaoTestSupport"],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoWebTests",
      dependencies: [
        "ZhibiaoWeb", "ZhibiaoTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings),
    .testTarget(
      name: "ZhibiaoHostTests",
      dependencies: [
        "ZhibiaoHost", "ZhibiaoKernel", "ZhibiaoTestSupport", "ZhibiaoDocuments",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ],
      exclude: ["__Snapshots__", "Fixtures"],
      swiftSettings: swiftSettings),
  ]
)
