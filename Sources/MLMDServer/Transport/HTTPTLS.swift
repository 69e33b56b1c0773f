import MLMDProtos
import NIOSSL

extension TLSConfiguration {
    /// The HTTP listener's TLS, from the same `ssl_config` as gRPC's (checked there first): the
    /// server's key and chain, and with `client_verify` a client certificate `custom_ca` (or the
    /// system's roots) vouches for. ALPN offers HTTP/2 and HTTP/1.1.
    static func mlmdHTTP(_ ssl: MetadataStoreServerConfig.SSLConfig) throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(ssl.serverCert.utf8)).map(NIOSSLCertificateSource.certificate)
        let key = try NIOSSLPrivateKey(bytes: Array(ssl.serverKey.utf8), format: .pem)
        var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
        if ssl.clientVerify {
            tls.certificateVerification = .noHostnameVerification
            tls.trustRoots = ssl.customCa.isEmpty ? .default : .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ssl.customCa.utf8)))
        }
        return tls
    }
}
