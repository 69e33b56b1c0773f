// web-bench: the lineage browser's pages on a big store. Server time per page (the page made
// from the store's calls, in this process, as `mlmd serve` makes it), and with --browser, the
// time headless Chromium takes to load each page from `mlmd ui`, as its Navigation Timing says
// (request, answer, parsing, style, layout, to the end of the load event).
//
// Usage: web-bench [--artifacts N] [--db PATH] [--runs N] [--browser] [--markdown]
//   --artifacts N  the store's size (default 1,000,000; executions N/10, events 1.5N; BigStore.swift)
//   --db PATH      where the store is kept between runs (default /tmp/web-bench-N.sqlite)
//   --runs N       timed renders of each page (default 20)
//   --browser      also load each page in headless Chromium (chromium and chromium-driver from Debian), 5 times

import Foundation
import MLMDServer
import MLMDWeb
import MLMetadata

var artifacts = 1_000_000
var path: String?
var runs = 20
var browser = false
var markdown = false
/// `--serve`: only serve the store's pages and print their address (the --browser run's server).
var serve = false
do {
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "--artifacts": artifacts = args.popFirst().flatMap { Int($0.replacingOccurrences(of: "_", with: "")) } ?? artifacts
        case "--db": path = args.popFirst()
        case "--runs": runs = args.popFirst().flatMap(Int.init) ?? runs
        case "--browser": browser = true
        case "--markdown": markdown = true
        case "--serve": serve = true
        default: fatalError("usage: web-bench [--artifacts N] [--db PATH] [--runs N] [--browser] [--markdown]")
        }
    }
}
let storePath = path ?? "/tmp/web-bench-\(artifacts).sqlite"
let store = try BigStore.make(at: storePath, artifacts: artifacts)
let web = WebInterface(store: store, storeName: storePath)

if serve {
    let ui = LineageBrowserServer(store: store, storeName: storePath, host: "127.0.0.1", port: 0)
    try await ui.run { report("http://127.0.0.1:\($0)") }
    exit(0)
}

let executions = artifacts / 10
let middle = Int64(artifacts / 2 + 7)  // an output of a run halfway through
let pages: [(name: String, path: String, query: String?)] = [
    ("types, with counts", "/types", nil),
    ("artifacts, first page", "/artifacts", nil),
    ("artifacts of a type", "/artifacts", "type=Model"),
    ("artifacts, newest update first", "/artifacts", "order=last_update_time&dir=desc"),
    ("artifacts, common filter", "/artifacts", "filter=properties.split.string_value+%3D+%27eval%27"),
    ("artifacts, rare filter (uri LIKE)", "/artifacts", "filter=uri+LIKE+%27%25%2Fout%2F\(artifacts / 2 + 7)%27"),
    ("executions, first page", "/executions", nil),
    ("artifact page", "/artifacts/\(middle)", nil),
    ("execution page", "/executions/\(executions / 2)", nil),
    ("context page (1,000 members)", "/contexts/\(max(1, executions / 200))", nil),
    ("lineage, both ways, 6 hops", "/lineage/artifact/\(middle)", nil),
    ("lineage as SVG", "/lineage/artifact/\(middle)", "format=svg"),
]

/// The median and the slowest of `runs` timings of `body`, in milliseconds.
func time(_ runs: Int, _ body: () async throws -> Void) async rethrows -> (median: Double, slowest: Double) {
    var samples: [Double] = []
    for _ in 0..<runs {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    return (samples[samples.count / 2], samples.last!)
}

func formatted(_ milliseconds: Double) -> String { String(format: "%.1f", milliseconds) }

var rows: [[String]] = []
for page in pages {
    var last: WebResponse?
    let timing = await time(runs) { last = await web.respond(to: WebRequest(path: page.path, query: page.query)) }
    let response = last!
    precondition(response.status == 200, "\(page.path)?\(page.query ?? "") answered \(response.status)")
    // What a drawing holds, read off the last page outside the timing.
    let body = String(decoding: response.body, as: UTF8.self)
    let drawn = body.range(of: #"\d+ nodes, \d+ events"#, options: .regularExpression).map { String(body[$0]) } ?? ""
    rows.append([page.name, formatted(timing.median), formatted(timing.slowest), "\(response.body.count / 1024) KiB", drawn])
}

var browserTimes: [String: Double] = [:]
if browser {
    // The pages come from a second web-bench process (--serve): curl and chromedriver block the
    // thread they run on, and here they may block as they like.
    let server = Process()
    server.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    server.arguments = ["--serve", "--artifacts", String(artifacts), "--db", storePath]
    let output = Pipe()
    server.standardOutput = output
    try server.run()
    var line = Data()
    while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line.append(byte) }
    let base = String(decoding: line, as: UTF8.self)
    precondition(base.hasPrefix("http://"), "web-bench --serve said \(base)")
    let chromium = try BrowserTiming()
    for page in pages where page.query != "format=svg" {
        browserTimes[page.name] = try chromium.medianLoad(base + page.path + (page.query.map { "?" + $0 } ?? ""))
    }
    chromium.close()
    kill(server.processIdentifier, SIGKILL)
    server.waitUntilExit()
}

let header =
    ["page (\(artifacts) artifacts, \(executions) executions)", "server p50 ms", "server max ms", "size", "drawn"]
    + (browser ? ["Chromium load ms"] : [])
let table = rows.map { row in row + (browser ? [browserTimes[row[0]].map(formatted) ?? "—"] : []) }
if markdown {
    report("| " + header.joined(separator: " | ") + " |")
    report("|" + header.map { _ in " ---: |" }.joined())
    for row in table { report("| " + row.joined(separator: " | ") + " |") }
} else {
    let widths = header.indices.map { column in ([header[column]] + table.map { $0[column] }).map(\.count).max()! }
    for row in [header] + table {
        report(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
    }
}

/// Writes a line at once, unbuffered: a run cut short still shows what it measured.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
