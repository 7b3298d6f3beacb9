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
        // Each target lists exactly the modules it imports (docs/architecture.md draws the graph):
        // model and arithmetic → counting and ballot files → simulation, and election (the
        // application layer) → reports → commands → tally.
        .target(name: "TallyModel"),
        .target(name: "TallyArithmetic"),
        .target(name: "TallyCounting", dependencies: ["TallyModel", "TallyArithmetic"]),
        .target(name: "TallyBallotFiles", dependencies: ["TallyModel", "TallyArithmetic"]),
        .target(name: "TallySimulation", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles"]),
        .target(name: "TallyElection", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallySimulation"]),
        .target(name: "TallyReports", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyElection"]),
        .target(
            name: "TallyCommands",
            dependencies: ["TallyModel", "TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyElection", "TallyReports"]
        ),
        .executableTarget(name: "tally", dependencies: ["TallyCommands"]),
        .executableTarget(name: "tally-benchmark", dependencies: ["TallyCommands", "TallyCounting", "TallyElection", "TallyReports"]),

        // Helpers the test targets share: where the repository and its fixtures are, ballots read
        // from text. (Golden files belong to the command tests alone.)
        .target(name: "TallyTestSupport", dependencies: ["TallyModel", "TallyBallotFiles"], path: "Tests/TallyTestSupport"),
        .testTarget(name: "TallyModelTests", dependencies: ["TallyModel", "TallyCounting"]),
        .testTarget(name: "TallyArithmeticTests", dependencies: ["TallyArithmetic"]),
        .testTarget(name: "TallyCountingTests", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyTestSupport"]),
        .testTarget(name: "TallyBallotFilesTests", dependencies: ["TallyModel", "TallyCounting", "TallyBallotFiles", "TallyTestSupport"]),
        .testTarget(name: "TallySimulationTests", dependencies: ["TallyCounting", "TallyBallotFiles", "TallySimulation", "TallyTestSupport"]),
        .testTarget(name: "TallyElectionTests", dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallyElection", "TallyTestSupport"]),
        .testTarget(name: "TallyCommandsTests", dependencies: ["TallyCommands", "TallyElection", "TallyTestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "FixtureTests",
            dependencies: ["TallyModel", "TallyArithmetic", "TallyCounting", "TallyBallotFiles", "TallyElection", "TallyReports", "TallyCommands", "TallyTestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
