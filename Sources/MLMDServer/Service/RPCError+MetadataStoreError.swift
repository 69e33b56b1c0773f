import GRPCCore
import MLMDProtos

extension RPCError {
    /// The gRPC status for a store error: the same code, and its message, as ml-metadata's server
    /// sends them.
    init(_ error: MetadataStoreError) {
        let code = Status.Code(rawValue: error.code.rawValue).flatMap(RPCError.Code.init) ?? .unknown
        self.init(code: code, message: error.message)
    }
}
