import Foundation

/// The folder `mlmd demo` works in, recreated at each run: the data set copied in, the store, and
/// the schema. Paths are kept as given (relative to the current folder by default) so that the
/// URIs recorded in the store are the ones a person would type.
struct DemoFolder {
    let path: String
    var dataPath: String { "\(path)/data/train/data.csv" }
    var storePath: String { "\(path)/mlmd.sqlite" }
    var schemaPath: String { "\(path)/schema.pbtxt" }

    /// Removes what an earlier run left in `path`, then copies the data set in.
    init(path: String, dataSource: String) throws {
        self.path = path
        let files = FileManager.default
        do {
            for leftover in ["data", "mlmd.sqlite", "mlmd.sqlite-wal", "mlmd.sqlite-shm", "schema.pbtxt"] {
                let old = "\(path)/\(leftover)"
                if files.fileExists(atPath: old) { try files.removeItem(atPath: old) }
            }
            try files.createDirectory(atPath: "\(path)/data/train", withIntermediateDirectories: true)
        } catch {
            throw StandardStreams.failure("\(path): cannot prepare the folder: \((error as NSError).localizedDescription)")
        }
        do {
            try files.copyItem(atPath: dataSource, toPath: dataPath)
        } catch {
            throw StandardStreams.failure("\(dataSource): cannot copy the data set: \((error as NSError).localizedDescription)")
        }
    }
}
