import ArgumentParser
import Foundation
import MLMDClient
import MLMDServer
import MLMDWeb
import MLMetadata

extension MLMDCommand {
    /// `mlmd ui --db mlmd.sqlite --port 8088`
    struct UI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ui",
            abstract: "Browse a store in a web browser: its types, lists of nodes, each node, and lineage drawings.",
            discussion: """
                Prints the address to open, then serves until SIGTERM or SIGINT (Ctrl-C). The pages only \
                read. Works on a file, a database, or grpc://HOST:PORT (any MLMD server). `mlmd serve \
                --http-port N` serves the same pages next to gRPC.
                """
        )

        @OptionGroup var store: StoreOptions

        @Option(help: "The port to listen on (0 picks a free one).")
        var port = 8088

        @Option(help: "The address to listen on; 0.0.0.0 lets other machines in.")
        var host = "127.0.0.1"

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        }

        func run() async throws {
            if let server = try DatabaseArgument.server(store.db) {
                try await store.reporting {
                    try await MetadataStoreClient.withConnection(host: server.host, port: server.port, token: StoreOptions.serverToken) {
                        client in
                        try await serve(LineageBrowserServer(store: client, storeName: store.db, host: host, port: port))
                    }
                }
                return
            }
            let config = try DatabaseArgument.connectionConfig(store.db)
            try store.requireExisting(config)
            let browser: LineageBrowserServer
            do {
                browser = try LineageBrowserServer(config: config, backends: DatabaseBackend.all, host: host, port: port)
            } catch {
                throw StandardStreams.failure("\(store.db): cannot open the store: \(error)")
            }
            try await serve(browser)
        }

        private func serve(_ browser: LineageBrowserServer) async throws {
            let signals = ShutdownSignals { browser.beginShutdown() }
            do {
                try await browser.run { [host] port in
                    let shown = host == "0.0.0.0" ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
                    // Unbuffered, so that scripts waiting for this line see it at once.
                    FileHandle.standardOutput.write(Data("mlmd ui: http://\(shown):\(port)/\n".utf8))
                }
            } catch {
                throw StandardStreams.failure("cannot serve on \(host):\(port): \(error)")
            }
            signals.cancel()
        }
    }
}
