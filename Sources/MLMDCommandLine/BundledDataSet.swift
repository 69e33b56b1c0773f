import Foundation

/// The Chicago taxi trips shipped with `mlmd`, in the resource folder SwiftPM puts beside the
/// executable. Looked up by hand rather than through `Bundle.module`, whose accessor stops the
/// process when the folder is missing (a binary copied on its own): `mlmd demo` then says so in
/// one line instead.
enum BundledDataSet {
    static var chicagoTaxiPath: String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let folder = executable.deletingLastPathComponent()
        let candidates = [
            "swift-ml-metadata_MLMDCommandLine.resources/chicago_taxi/data.csv",  // Linux
            "swift-ml-metadata_MLMDCommandLine.bundle/Contents/Resources/chicago_taxi/data.csv",  // macOS
            "swift-ml-metadata_MLMDCommandLine.bundle/chicago_taxi/data.csv",
        ]
        return candidates.map { folder.appendingPathComponent($0).path }.first { FileManager.default.fileExists(atPath: $0) }
    }
}
