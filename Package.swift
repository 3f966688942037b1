// swift-tools-version: 6.0
// Byline is a Linux package: it builds and is tested on Linux only (libedit from apt, inotify in
// the corpus watcher, /proc/self/exe, Glibc). No Apple platform is declared or supported.
import PackageDescription

let package = Package(
  name: "Byline",
  products: [
    .executable(name: "byline", targets: ["byline"]),
    .library(name: "BylineCore", targets: ["BylineCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CEditLine",
      path: "Sources/CEditLine",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "BylineCore",
      dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
      path: "Sources/BylineCore"
    ),
    .target(
      name: "BylineModels",
      dependencies: [
        "BylineCore",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      path: "Sources/BylineModels"
    ),
    .target(
      name: "BylinePostgres",
      dependencies: [
        "BylineCore",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      path: "Sources/BylinePostgres"
    ),
    .target(
      name: "LineEditor",
      dependencies: ["CEditLine"],
      path: "Sources/LineEditor"
    ),
    .executableTarget(
      name: "byline",
      dependencies: [
        "BylineCore",
        "BylineModels",
        "BylinePostgres",
        "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "TOMLKit", package: "TOMLKit"),
      ],
      path: "Sources/byline"
    ),
    .executableTarget(
      name: "byline-bench",
      dependencies: ["BylineCore", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Sources/byline-bench"
    ),
    .executableTarget(
      name: "byline-fuzz",
      dependencies: ["BylineCore"],
      path: "Sources/byline-fuzz"
    ),
    .target(
      name: "BylineTestSupport",
      dependencies: ["BylineCore"],
      path: "Tests/BylineTestSupport"
    ),
    .testTarget(
      name: "BylineCoreTests",
      dependencies: ["BylineCore", "BylineTestSupport"],
      path: "Tests/BylineCoreTests"
    ),
    .target(
      name: "ScriptedModelServer",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      path: "Tests/ScriptedModelServer"
    ),
    .testTarget(
      name: "BylineModelsTests",
      dependencies: ["BylineModels", "BylineCore", "ScriptedModelServer"],
      path: "Tests/BylineModelsTests"
    ),
    .testTarget(
      name: "BylineCLITests",
      dependencies: ["BylineCore", "ScriptedModelServer", .product(name: "GRDB", package: "GRDB.swift")],
      path: "Tests/BylineCLITests"
    ),
  ]
)
