// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Byline",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "byline", targets: ["byline"]),
    .library(name: "BylineCore", targets: ["BylineCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
      dependencies: ["BylineCore", .product(name: "Mustache", package: "swift-mustache")],
      path: "Sources/BylineModels"
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
        "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
