import GRPCCore
import GRPCNIOTransportHTTP2
import MLMDProtos
import MLMDServer
import Testing

/// TLS from `ssl_config`, as ml-metadata's server sets it up.
@Suite struct ServerTLSTests {
    static func configuration(_ certificates: TestCertificates, clientVerify: Bool) -> MetadataStoreServer.Configuration {
        var configuration = MetadataStoreServer.Configuration(port: 0)
        configuration.serverConfig.sslConfig = .with {
            $0.serverKey = certificates.serverKey
            $0.serverCert = certificates.serverCertificate
            $0.customCa = certificates.authority
            $0.clientVerify = clientVerify
        }
        return configuration
    }

    static func client(
        _ certificates: TestCertificates, key: String? = nil, certificate: String? = nil
    )
        -> HTTP2ClientTransport.Posix.TransportSecurity
    {
        .tls(
            .defaults {
                $0.trustRoots = .certificates([.bytes(Array(certificates.authority.utf8), format: .pem)])
                $0.serverCertificateVerification = .noHostnameVerification
                if let key, let certificate {
                    $0.certificateChain = [.bytes(Array(certificate.utf8), format: .pem)]
                    $0.privateKey = .bytes(Array(key.utf8), format: .pem)
                }
            })
    }

    static func listTypes(_ client: RunningServer.Client) async -> RPCError.Code? {
        await statusOf {
            _ = try await client.call("GetArtifactTypes", GetArtifactTypesRequest(), returning: GetArtifactTypesResponse.self)
        }?.code
    }

    @Test func aClientTrustingTheAuthorityTalksTLS() async throws {
        let certificates = try TestCertificates.make()
        let code = try await RunningServer.with(
            Self.configuration(certificates, clientVerify: false),
            clientSecurity: Self.client(certificates)
        ) { client, _ in await Self.listTypes(client) }
        #expect(code == nil)
    }

    @Test func aPlaintextClientCannotTalkToATLSServer() async throws {
        let certificates = try TestCertificates.make()
        let code = try await RunningServer.with(
            Self.configuration(certificates, clientVerify: false),
            clientSecurity: .plaintext
        ) { client, _ in await Self.listTypes(client) }
        #expect(code == .unavailable)
    }

    @Test func withClientVerifyOnlyClientsTheAuthoritySignedGetIn() async throws {
        let certificates = try TestCertificates.make()
        let configuration = Self.configuration(certificates, clientVerify: true)
        let signed = try await RunningServer.with(
            configuration,
            clientSecurity: Self.client(
                certificates, key: certificates.clientKey, certificate: certificates.clientCertificate)
        ) { client, _ in await Self.listTypes(client) }
        #expect(signed == nil)
        let anonymous = try await RunningServer.with(configuration, clientSecurity: Self.client(certificates)) { client, _ in
            await Self.listTypes(client)
        }
        #expect(anonymous == .unavailable)
        let stranger = try await RunningServer.with(
            configuration,
            clientSecurity: Self.client(
                certificates, key: certificates.strangerKey, certificate: certificates.strangerCertificate)
        ) { client, _ in await Self.listTypes(client) }
        #expect(stranger == .unavailable)
    }
}
