// swift-tools-version: 6.0
// Tally: an election engine for internal party elections.
// No package dependencies: the toolchain's standard library, Foundation and Swift Testing only.
import PackageDescription

let package = Package(
    name: "Tally",
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "TallyCommands", targets: ["TallyCommands"]),
    ],
    targets: [
        // Layers, dependencies pointing one way:
        // model → arithmetic → counting → ballot files → simulation → reports → commands → tally
        .target(name: "TallyModel"),
        .target(name: "TallyArithmetic", dependencies: ["TallyModel"]),
        .target(name: "TallyCounting", dependencies: ["TallyModel", "TallyArithmetic"]),
        .target(name: "TallyBallotFiles", dependencies: ["TallyModel"]),
        .target(name: "TallySimulation", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles"]),
        .target(name: "TallyReports", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallySimulation"]),
        .target(
            name: "TallyCommands",
            dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyReports"]
        ),
        .executableTarget(name: "tally", dependencies: ["TallyCommands"]),
        .executableTarget(
            name: "tally-benchmark",
            dependencies: ["TallyModel", "TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyCommands"]
        ),

        .testTarget(name: "TallyModelTests", dependencies: ["TallyModel"]),
        .testTarget(name: "TallyArithmeticTests", dependencies: ["TallyArithmetic"]),
        .testTarget(name: "TallyCountingTests", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles"]),
        .testTarget(name: "TallyBallotFilesTests", dependencies: ["TallyModel", "TallyBallotFiles"]),
        .testTarget(name: "TallySimulationTests", dependencies: ["TallyModel", "TallyCounting", "TallyBallotFiles", "TallySimulation"]),
        .testTarget(name: "TallyCommandsTests", dependencies: ["TallyCommands"], exclude: ["Golden"]),
        .testTarget(
            name: "FixtureTests",
            dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyCommands"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
