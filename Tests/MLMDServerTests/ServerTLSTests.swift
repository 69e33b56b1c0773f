import Foundation
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

/// The HTTP listener under the same `ssl_config`: HTTPS, HTTP/2 by ALPN, client certificates.
/// Checked with curl, a real client with its own TLS stack.
@Suite struct HTTPListenerTLSTests {
    /// Runs curl with `arguments`; its exit status and standard output.
    static func curl(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["curl", "-s"] + arguments)
    }

    static func file(_ text: String) throws -> String {
        let path = temporaryPath(".pem")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func httpsWithHTTP2AndClientCertificates() async throws {
        let certificates = try TestCertificates.make()
        let authority = try Self.file(certificates.authority)
        for clientVerify in [false, true] {
            var configuration = ServerTLSTests.configuration(certificates, clientVerify: clientVerify)
            configuration.httpPort = 0
            let client = ServerTLSTests.client(certificates, key: certificates.clientKey, certificate: certificates.clientCertificate)
            try await RunningServer.withPorts(configuration, clientSecurity: client) { _, ports in
                let url = "https://localhost:\(ports.http!)/healthz"
                let withCertificate = [
                    "--cacert", authority, "--cert", try Self.file(certificates.clientCertificate), "--key",
                    try Self.file(certificates.clientKey),
                ]
                let h2 = try await Self.curl(withCertificate + ["--http2", "-w", " %{http_version}", url])
                #expect(h2.status == 0 && h2.output == "ok\n 2", "clientVerify \(clientVerify): \(h2)")
                let h1 = try await Self.curl(withCertificate + ["--http1.1", "-w", " %{http_version}", url])
                #expect(h1.output == "ok\n 1.1")
                let anonymous = try await Self.curl(["--cacert", authority, url])
                #expect((anonymous.status == 0) == !clientVerify, "clientVerify \(clientVerify): \(anonymous)")
                #expect(try await Self.curl(["http://localhost:\(ports.http!)/healthz"]).output != "ok\n")
            }
        }
    }
}
