import GRPCNIOTransportHTTP2
import MLMDProtos
import NIOSSL

extension HTTP2ServerTransport.Posix.TransportSecurity {
    /// TLS as ml-metadata's server sets it up from `ssl_config`: the server's PEM key and
    /// certificate chain; with `client_verify`, clients must present a certificate that `custom_ca`
    /// (or the system's roots when it is empty) vouches for.
    ///
    /// The PEM text is checked here, so that a bad key or certificate stops the server at start
    /// with a message naming the field, instead of failing each connection later.
    ///
    /// - Throws: `ServerConfigurationError` naming the field that does not parse.
    static func mlmd(_ ssl: MetadataStoreServerConfig.SSLConfig) throws -> Self {
        let key = Array(ssl.serverKey.utf8)
        let chain = Array(ssl.serverCert.utf8)
        let authority = Array(ssl.customCa.utf8)
        try check("ssl_config.server_key") { _ = try NIOSSLPrivateKey(bytes: key, format: .pem) }
        try check("ssl_config.server_cert") {
            if try NIOSSLCertificate.fromPEMBytes(chain).isEmpty { throw ServerConfigurationError("no certificate in it") }
        }
        if !authority.isEmpty {
            try check("ssl_config.custom_ca") {
                if try NIOSSLCertificate.fromPEMBytes(authority).isEmpty { throw ServerConfigurationError("no certificate in it") }
            }
        }
        return .tls(certificateChain: [.bytes(chain, format: .pem)], privateKey: .bytes(key, format: .pem)) { tls in
            // gRPC clients always offer h2; ml-metadata's server does not insist on ALPN.
            tls.requireALPN = false
            guard ssl.clientVerify else { return }
            // Client certificates are checked against the roots but carry no host name to match.
            tls.clientCertificateVerification = .noHostnameVerification
            tls.trustRoots = authority.isEmpty ? .systemDefault : .certificates([.bytes(authority, format: .pem)])
        }
    }

    private static func check(_ field: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ServerConfigurationError {
            throw ServerConfigurationError("\(field): \(error.message)")
        } catch {
            throw ServerConfigurationError("\(field) is not valid PEM: \(error)")
        }
    }
}
