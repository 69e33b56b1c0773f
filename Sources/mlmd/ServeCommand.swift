import ArgumentParser
import Dispatch
import Foundation
import MLMDProtos
import MLMDServer
import MLMetadata
import ProtoWire

extension MLMDCommand {
    /// `mlmd serve --port 8080 --db mlmd.sqlite`
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve ml_metadata.MetadataStoreService over gRPC.",
            discussion: """
                The official clients (ml_metadata.MetadataStore with a MetadataStoreClientConfig, TFX, \
                Kubeflow) talk to it unchanged. ml-metadata's own flag names, --grpc_port and \
                --metadata_store_server_config_file, work too. SIGTERM or SIGINT stops taking calls, \
                finishes the ones in flight and closes the store.
                """
        )

        @Option(name: [.customLong("port"), .customLong("grpc_port")], help: "The port to listen on (0 picks a free one).")
        var port = 8080

        @Option(help: "The address to listen on.")
        var host = "0.0.0.0"

        @Option(help: "The store: an SQLite file path, memory: for a store in memory, postgresql://USER:PASSWORD@HOST:PORT/DBNAME or mysql://USER:PASSWORD@HOST:PORT/DATABASE; a missing file or database is created.")
        var db: String?

        @Option(
            name: [.customLong("config"), .customLong("metadata_store_server_config_file")],
            help: "A text-format MetadataStoreServerConfig: connection_config, ssl_config."
        )
        var config: String?

        @Option(help: "The largest request accepted, in bytes.")
        var maxMessageBytes = 4 * 1024 * 1024

        @Option(name: .customLong("grpc_channel_arguments"), help: "ml-metadata's comma-separated KEY=VALUE gRPC arguments; grpc.max_receive_message_length is honoured.")
        var channelArguments: String?

        func run() async throws {
            var configuration = MetadataStoreServer.Configuration(
                host: host, port: port, maxRequestBytes: maxMessageBytes, backends: DatabaseBackend.all)
            if let config { configuration.serverConfig = try MessageFile.read(MetadataStoreServerConfig.self, from: config) }
            if let db {
                if configuration.serverConfig.hasConnectionConfig {
                    throw StandardStreams.failure("--db and the connection_config of \(config ?? "") both name a database; keep one")
                }
                configuration.serverConfig.connectionConfig = try DatabaseArgument.connectionConfig(db)
            } else if !configuration.serverConfig.hasConnectionConfig {
                FileHandle.standardError.write(Data("mlmd serve: no --db given: the store is in memory and is lost when the server stops\n".utf8))
            }
            if let channelArguments { try Self.apply(channelArguments: channelArguments, to: &configuration) }

            let server: MetadataStoreServer
            do {
                server = try MetadataStoreServer(configuration: configuration)
            } catch let error as MetadataStoreError {
                throw StandardStreams.failure("cannot open the store: \(error)")
            } catch {
                throw StandardStreams.failure("\(error)")
            }
            let signals = ShutdownSignals { server.beginShutdown() }
            let security = configuration.serverConfig.hasSslConfig ? "TLS" : "plaintext"
            do {
                try await server.run { address in
                    // Unbuffered, so that scripts waiting for this line see it at once.
                    FileHandle.standardOutput.write(Data("mlmd serve: listening on \(address) (\(security)), store: \(server.backendDescription)\n".utf8))
                }
            } catch {
                throw StandardStreams.failure("cannot serve on \(host):\(port): \(error)")
            }
            signals.cancel()
            FileHandle.standardError.write(Data("mlmd serve: stopped; the store is closed\n".utf8))
        }

        /// Takes the arguments this server has a setting for; others are reported and ignored, as
        /// ml-metadata's server (gRPC) ignores arguments it does not know.
        private static func apply(channelArguments: String, to configuration: inout MetadataStoreServer.Configuration) throws {
            for argument in channelArguments.split(separator: ",") {
                let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else {
                    throw StandardStreams.failure("--grpc_channel_arguments: \"\(argument)\" is not KEY=VALUE")
                }
                switch parts[0] {
                case "grpc.max_receive_message_length":
                    guard let bytes = Int(parts[1]) else {
                        throw StandardStreams.failure("--grpc_channel_arguments: \(parts[0]) must be a number of bytes, not \"\(parts[1])\"")
                    }
                    // gRPC reads -1 as "no limit".
                    configuration.maxRequestBytes = bytes < 0 ? Int(Int32.max) : bytes
                default:
                    FileHandle.standardError.write(Data("mlmd serve: ignoring gRPC argument \(parts[0])\n".utf8))
                }
            }
        }
    }
}
