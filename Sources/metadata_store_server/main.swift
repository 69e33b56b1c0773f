import MLMDCommandLine

// ml-metadata's server under its own name, so that a deployment can swap the binary and keep its
// arguments: `metadata_store_server ARGS` is `mlmd serve ARGS`.
await MLMDCommand.execute(arguments: ["serve"] + CommandLine.arguments.dropFirst())
