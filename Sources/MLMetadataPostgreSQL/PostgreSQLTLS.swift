import MLMDProtos
import NIOSSL
import PostgresNIO

/// TLS to the PostgreSQL server from ml-metadata's `ssloption`, with libpq's meaning of `sslmode`:
///
/// - `disable`: plaintext;
/// - `allow`, `prefer` (and no mode, libpq's default): TLS when the server offers it, unverified;
/// - `require`: TLS, unverified (verified against `sslrootcert` when one is given, as libpq does);
/// - `verify-ca`: TLS with a certificate signed by `sslrootcert` (or the system's roots);
/// - `verify-full`: that, and the certificate names the host.
///
/// `sslcert` and `sslkey` (with `sslpassword`) present a client certificate.
enum PostgreSQLTLS {
    static func configuration(_ options: PostgreSQLDatabaseConfig.SSLOptions, host: String) throws -> PostgresConnection.Configuration.TLS {
        let verification: CertificateVerification
        switch options.sslmode {
        case "disable": return .disable
        case "", "allow", "prefer": return .prefer(try context(options, verification: .none))
        case "require": verification = options.sslrootcert.isEmpty ? .none : .noHostnameVerification
        case "verify-ca": verification = .noHostnameVerification
        case "verify-full": verification = .fullVerification
        default:
            throw MetadataStoreError(
                .invalidArgument,
                "postgresql sslmode \"\(options.sslmode)\" is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        return .require(try context(options, verification: verification))
    }

    private static func context(
        _ options: PostgreSQLDatabaseConfig.SSLOptions, verification: CertificateVerification
    ) throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = verification
        do {
            if !options.sslrootcert.isEmpty {
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(options.sslrootcert))
            }
            if !options.sslcert.isEmpty {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(options.sslcert).map { .certificate($0) }
            }
            if !options.sslkey.isEmpty {
                let key =
                    options.sslpassword.isEmpty
                    ? try NIOSSLPrivateKey(file: options.sslkey, format: .pem)
                    : try NIOSSLPrivateKey(file: options.sslkey, format: .pem) { $0(Array(options.sslpassword.utf8)) }
                tls.privateKey = .privateKey(key)
            }
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw MetadataStoreError(.invalidArgument, "postgresql ssloption: cannot use the certificates or key given: \(error)")
        }
    }
}
