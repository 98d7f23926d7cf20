// swift-tools-version:6.0
// Stage-by-stage throughput of Saksgang over a folder of exports. Its own package, so that
// the product build and CI do not pay for it. See Benchmarks/README.md.
import PackageDescription

let package = Package(
    name: "SaksgangBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Saksgang", path: "..")],
    targets: [
        .executableTarget(name: "saksgang-bench", dependencies: [
            .product(name: "SaksgangKit", package: "Saksgang"),
        ]),
    ]
)
