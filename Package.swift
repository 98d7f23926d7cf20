// swift-tools-version:6.0
// Saksgang: nightly pipeline from school-environment case exports to pseudonymised,
// disclosure-controlled reports. Stages are library targets; data flows one way:
// Ingest (read, map) → Pseudonymize → Store → Measure → Disclose → Publish, wired by Pipeline.
import PackageDescription

let package = Package(
    name: "Saksgang",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "saksgang", targets: ["saksgang"]),
        // The stages as a library, for Benchmarks/ (its own package) and embedding.
        .library(name: "SaksgangKit", targets: [
            "SaksgangCore", "Ingest", "Pseudonymize", "Store", "Measure", "Disclose", "Publish", "Generate", "Pipeline",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C shims: module maps over Debian's -dev packages. Nothing else imports C.
        .systemLibrary(name: "CSaksgangXML", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSaksgangZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CSaksgangSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSaksgangPQ", pkgConfig: "libpq",
                       providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CSaksgangCrypto", pkgConfig: "libcrypto",
                       providers: [.apt(["libssl-dev"])]),
        // COIN-OR CLP (EPL-2.0): the linear programs of the disclosure audit.
        .systemLibrary(name: "CSaksgangLP", pkgConfig: "clp",
                       providers: [.apt(["coinor-libclp-dev"])]),
        // glibc's malloc_trim: the run hands memory back between stages (Pipeline, MemoryRelease).
        .systemLibrary(name: "CSaksgangMalloc"),

        // The canonical model, codes, time and errors. No I/O.
        .target(name: "SaksgangCore"),
        // Byte sources, encodings, XML and CSV readers, the declarative mapping engine.
        .target(name: "Ingest", dependencies: [
            "SaksgangCore", "CSaksgangXML", "CSaksgangZlib", .product(name: "Yams", package: "Yams"),
        ]),
        // Identity validation, keys, HMAC pseudonyms.
        .target(name: "Pseudonymize", dependencies: ["SaksgangCore", "CSaksgangCrypto"]),
        // The state store: SQLite embedded by default, PostgreSQL (libpq) for pooled data.
        .target(name: "Store", dependencies: ["SaksgangCore", "CSaksgangSQLite", "CSaksgangPQ"]),
        // Calendars, durations, estimators, groupings.
        .target(name: "Measure", dependencies: ["SaksgangCore"]),
        // Disclosure control of published figures.
        // Optimised in debug builds too: the tests run the control (thousands of linear
        // programs and cells) on every pipeline run, and unoptimised it dominates `swift test`.
        .target(name: "Disclose", dependencies: ["SaksgangCore", "Measure", "CSaksgangLP"],
                swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // HTML, CSV, JSON, manifest.
        .target(name: "Publish", dependencies: ["SaksgangCore", "Measure", "Disclose", "CSaksgangCrypto"]),
        // Synthetic exports with planted effects.
        .target(name: "Generate", dependencies: ["SaksgangCore", "CSaksgangZlib"]),
        // The run: pipeline file, wiring of the stages, logging.
        .target(name: "Pipeline", dependencies: [
            "SaksgangCore", "Ingest", "Pseudonymize", "Store", "Measure", "Disclose", "Publish", "CSaksgangMalloc",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // The CLI: argument parsing and exit codes.
        .executableTarget(name: "saksgang", dependencies: [
            "Pipeline", "Generate", "Pseudonymize", "Ingest", "Disclose", "SaksgangCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["SaksgangCore", "CSaksgangPQ"], path: "Tests/TestSupport"),
        .testTarget(name: "SaksgangCoreTests", dependencies: ["SaksgangCore", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "TestSupport"]),
        .testTarget(name: "PseudonymizeTests", dependencies: ["Pseudonymize", "TestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport"]),
        .testTarget(name: "MeasureTests", dependencies: ["Measure", "TestSupport"]),
        .testTarget(name: "GenerateTests", dependencies: ["Generate", "Pseudonymize", "TestSupport"]),
        .testTarget(name: "DiscloseTests", dependencies: ["Disclose", "TestSupport"]),
        .testTarget(name: "PublishTests", dependencies: ["Publish", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Generate", "TestSupport"]),
    ]
)
