import MLMDProtos

/// Who may call, the same for every transport: with a token, every call must carry it
/// (`authorization: Bearer TOKEN`); a read-only server refuses the methods that change the store.
/// Both are off by default, so ml-metadata's clients, which cannot send a token, work as before.
public struct CallPolicy: Sendable {
    /// Only the methods that read the store are answered.
    public var readOnly: Bool
    /// The token every call must carry; nil lets every call in.
    public var token: String?

    /// A policy; with the defaults, every call is let in.
    public init(readOnly: Bool = false, token: String? = nil) {
        self.readOnly = readOnly
        self.token = token
    }

    /// Lets the call to `method` in, or throws why not.
    ///
    /// - Throws: UNAUTHENTICATED without the token, PERMISSION_DENIED for a write to a read-only
    ///   server.
    func admit(_ method: ServiceMethodName, authorization: String?) throws {
        if let token {
            guard let authorization, authorization.hasPrefix("Bearer "),
                Self.constantTimeEqual(Array(authorization.utf8.dropFirst("Bearer ".utf8.count)), Array(token.utf8))
            else {
                throw MetadataStoreError(.unauthenticated, "this server needs a token: send the header authorization: Bearer TOKEN")
            }
        }
        if readOnly && method.changesStore {
            throw MetadataStoreError(.permissionDenied, "this server is read-only: \(method.name) changes the store")
        }
    }

    /// Compares in time that depends on the lengths only, so that a caller cannot find the token
    /// byte by byte from how long refusals take.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            difference |= (index < left.count ? left[index] : 0) ^ (index < right.count ? right[index] : 0)
        }
        return difference == 0
    }
}

/// What a policy needs to know of a method.
struct ServiceMethodName {
    let name: String
    let changesStore: Bool
}
