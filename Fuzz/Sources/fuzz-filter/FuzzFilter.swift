@_spi(Fuzzing) import MLMetadata

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set FUZZ_VERBOSE=1 to print each input's outcomes (when replaying a file).
let verbose = getenv("FUZZ_VERBOSE") != nil

/// libFuzzer's entry point: the input, as UTF-8 (invalid bytes replaced), is a `filter_query`;
/// it is parsed and planned as SQL for artifacts, executions and contexts. Every outcome must be
/// a plan or an INVALID_ARGUMENT error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let query = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let outcomes = MetadataStore.planFilterQuery(query)
    for outcome in outcomes {
        if case .failure(let error) = outcome, error.code != .invalidArgument {
            fatalError("filter_query \(query.debugDescription): \(error)")
        }
    }
    if verbose {
        // Straight to stderr: libFuzzer exits without flushing stdout.
        var lines =
            outcomes.map { outcome in
                switch outcome {
                case .success: "planned"
                case .failure(let error): String(describing: error).prefix(300) + ""
                }
            }.joined(separator: "\n") + "\n"
        lines.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
    return 0
}
