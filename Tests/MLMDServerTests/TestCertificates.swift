import Foundation

/// A throwaway certificate authority with a server and a client certificate it signed, made by
/// the `openssl` command line in a temporary folder.
struct TestCertificates {
    let authority: String
    let serverKey: String
    let serverCertificate: String
    let clientKey: String
    let clientCertificate: String
    /// A client certificate no authority here signed.
    let strangerKey: String
    let strangerCertificate: String

    static func make() throws -> TestCertificates {
        let folder = temporaryPath("-tls")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let script = """
            set -e
            cd '\(folder)'
            key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
            key ca.key; key server.key; key client.key; key stranger.key
            openssl req -x509 -new -key ca.key -subj /CN=test-ca -days 2 -out ca.pem \
              -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign
            sign() {
              openssl req -new -key "$1.key" -subj "/CN=$1" -out "$1.csr"
              printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\nextendedKeyUsage=%s\\n' "$2" > "$1.ext"
              openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
            }
            sign server serverAuth; sign client clientAuth
            openssl req -x509 -new -key stranger.key -subj /CN=stranger -days 2 -out stranger.pem
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw OpenSSLFailed() }
        func read(_ name: String) throws -> String { try String(contentsOfFile: "\(folder)/\(name)", encoding: .utf8) }
        return TestCertificates(
            authority: try read("ca.pem"), serverKey: try read("server.key"), serverCertificate: try read("server.pem"),
            clientKey: try read("client.key"), clientCertificate: try read("client.pem"),
            strangerKey: try read("stranger.key"), strangerCertificate: try read("stranger.pem"))
    }

    struct OpenSSLFailed: Error {}
}
