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
                Kubeflow) talk to it unchanged. Every flag of ml-metadata's metadata_store_server works \
                too, as --flag=value or --flag value, with its meaning and default; metadata_store_server \
                is this command under that name. SIGTERM or SIGINT stops taking calls, finishes the ones \
                in flight and closes the store.
                """
        )

        @Option(name: [.customLong("port"), .customLong("grpc_port")], help: "The port to listen on (0 picks a free one).")
        var port = 8080

        @Option(help: "The address to listen on.")
        var host = "0.0.0.0"

        @Option(
            help:
                "The store: an SQLite file path, memory: for a store in memory, postgresql://USER:PASSWORD@HOST:PORT/DBNAME or mysql://USER:PASSWORD@HOST:PORT/DATABASE; a missing file or database is created."
        )
        var db: String?

        @Option(
            name: [.customLong("config"), .customLong("metadata_store_server_config_file")],
            help: "A text-format MetadataStoreServerConfig: connection_config, ssl_config, migration_options."
        )
        var config: String?

        @Option(help: "The largest request accepted, in bytes.")
        var maxMessageBytes = 4 * 1024 * 1024

        @Option(
            name: .customLong("grpc_channel_arguments"),
            help: "ml-metadata's comma-separated KEY=VALUE gRPC arguments; grpc.max_receive_message_length is honoured.")
        var channelArguments: String?

        @Option(
            help:
                "Also serve HTTP/1.1 and h2c on this port: every method as POST /SERVICE/METHOD (Connect in JSON or binary, gRPC-Web), /openapi.json, /metrics, /healthz, /readyz."
        )
        var httpPort: Int?

        @Flag(help: "Answer only the methods that read the store; the others are PERMISSION_DENIED (HTTP 403).")
        var readOnly = false

        @Option(help: "A file holding a token every call must carry as authorization: Bearer TOKEN (else UNAUTHENTICATED, HTTP 401).")
        var authTokenFile: String?

        @Option(help: "The web origin (https://ui.example.com) whose pages may call over HTTP; others are refused.")
        var corsOrigin: String?

        @OptionGroup(title: "ml-metadata's metadata_store_server flags")
        var server: MetadataStoreServerFlags

        func run() async throws {
            var configuration = MetadataStoreServer.Configuration(
                host: host, port: port, maxRequestBytes: maxMessageBytes, backends: DatabaseBackend.all)
            configuration.serverConfig = try serverConfig()
            if let channelArguments { try Self.apply(channelArguments: channelArguments, to: &configuration) }
            configuration.httpPort = httpPort
            configuration.corsOrigin = corsOrigin
            configuration.policy = CallPolicy(readOnly: readOnly, token: try authTokenFile.map(Self.readToken))

            let server = try await open(configuration)
            let signals = ShutdownSignals { server.beginShutdown() }
            let security = configuration.serverConfig.hasSslConfig ? "TLS" : "plaintext"
            do {
                try await server.run { address in
                    // Unbuffered, so that scripts waiting for this line see it at once.
                    FileHandle.standardOutput.write(
                        Data("mlmd serve: listening on \(address) (\(security)), store: \(server.backendDescription)\n".utf8))
                } onHTTPListening: { address in
                    FileHandle.standardOutput.write(
                        Data("mlmd serve: HTTP on \(address) (Connect, gRPC-Web, /openapi.json, /metrics, /healthz, /readyz)\n".utf8))
                }
            } catch {
                throw StandardStreams.failure("cannot serve on \(host):\(port): \(error)")
            }
            signals.cancel()
            FileHandle.standardError.write(Data("mlmd serve: stopped; the store is closed\n".utf8))
        }

        /// The token in `path`, without the line end a text editor adds.
        private static func readToken(_ path: String) throws -> String {
            let bytes = try StandardStreams.readFile(path)
            let token = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw StandardStreams.failure("--auth-token-file: \(path) holds no token") }
            return token
        }

        /// The server's configuration from the flags, as ml-metadata's server builds it from the
        /// same flags: the source type picks the config file, the mysql_config or the
        /// postgres_config flags; `--db` names a database instead; with none, a store in memory.
        private func serverConfig() throws -> MetadataStoreServerConfig {
            var serverConfig = MetadataStoreServerConfig()
            var source = "--db"
            switch server.sourceType {
            case .default:
                if let config {
                    serverConfig = try MessageFile.read(MetadataStoreServerConfig.self, from: config)
                    source = "the connection_config of \(config)"
                } else if server.namesMySQL {
                    serverConfig.connectionConfig = try server.mysqlConfig()
                    source = "the mysql_config flags"
                }
            case .configFile:
                guard let config else {
                    throw StandardStreams.failure("--metadata_source_config_type=config_file needs --metadata_store_server_config_file")
                }
                serverConfig = try MessageFile.read(MetadataStoreServerConfig.self, from: config)
                source = "the connection_config of \(config)"
            case .mysql:
                serverConfig.connectionConfig = try server.mysqlConfig()
                source = "the mysql_config flags"
            case .postgresql:
                serverConfig.connectionConfig = try server.postgresqlConfig()
                source = "the postgres_config flags"
            }
            serverConfig.migrationOptions = try server.migrationOptions(over: serverConfig.migrationOptions)
            if let db {
                if serverConfig.hasConnectionConfig {
                    throw StandardStreams.failure("--db and \(source) both name a database; keep one")
                }
                serverConfig.connectionConfig = try DatabaseArgument.connectionConfig(db)
            } else if !serverConfig.hasConnectionConfig {
                FileHandle.standardError.write(
                    Data("mlmd serve: no --db given: the store is in memory and is lost when the server stops\n".utf8))
            }
            return serverConfig
        }

        /// Opens the store and prepares the server. A database that cannot be reached yet (it is
        /// still starting, as it often is when a cluster comes up) is tried again
        /// `--metadata_store_connection_retries` times, after pauses that double from half a second.
        private func open(_ configuration: MetadataStoreServer.Configuration) async throws -> MetadataStoreServer {
            var pause = 0.5
            for retry in 0...max(0, server.connectionRetries) {
                do {
                    return try MetadataStoreServer(configuration: configuration)
                } catch let error as MetadataStoreError
                    where [.unavailable, .aborted].contains(error.code) && retry < server.connectionRetries
                {
                    let seconds = pause == pause.rounded() ? String(Int(pause)) : String(pause)
                    FileHandle.standardError.write(
                        Data(
                            "mlmd serve: cannot open the store yet: \(error); trying again in \(seconds) s (\(retry + 1) of \(server.connectionRetries))\n"
                                .utf8))
                    try await Task.sleep(for: .milliseconds(Int(pause * 1000)))
                    pause = min(pause * 2, 30)
                } catch let error as MetadataStoreError
                    where error.code == .cancelled && configuration.serverConfig.migrationOptions.downgradeToSchemaVersion >= 0
                {
                    // --downgrade_db_schema_version: the store is downgraded and the server, which
                    // serves version 10 only, does not start; as ml-metadata's server, but with a
                    // line that says so and a status that says it worked.
                    FileHandle.standardError.write(Data("mlmd serve: \(error.message)\n".utf8))
                    throw ExitCode.success
                } catch let error as MetadataStoreError {
                    throw StandardStreams.failure("cannot open the store: \(error)")
                } catch {
                    throw StandardStreams.failure("\(error)")
                }
            }
            preconditionFailure("the last try returns or throws")
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
                        throw StandardStreams.failure(
                            "--grpc_channel_arguments: \(parts[0]) must be a number of bytes, not \"\(parts[1])\"")
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
