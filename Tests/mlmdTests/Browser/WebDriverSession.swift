import Foundation

/// A W3C WebDriver session of headless Chromium, through a `ChromeDriver`. Each command is one
/// HTTP request (`LoopbackHTTP`), awaited, so that no thread of the cooperative pool blocks while
/// the browser works (an in-process server under test needs those threads).
final class WebDriverSession: Sendable {
    /// The session's id, from `POST /session`.
    let id: String
    /// chromedriver's port.
    private let port: Int

    /// Starts a headless Chromium with a window of `windowSize`, with `arguments` added to its
    /// command line.
    init(driver: ChromeDriver, windowSize: (width: Int, height: Int) = (1280, 800), arguments: [String] = []) async throws {
        var options: [String: Any] = [
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=\(windowSize.width),\(windowSize.height)",
            ] + arguments
        ]
        if let browser = ChromeDriver.browser { options["binary"] = browser.path }
        let value = try await Self.send(
            "POST", port: driver.port, path: "/session", body: ["capabilities": ["alwaysMatch": ["goog:chromeOptions": options]]])
        guard let id = (value as? [String: Any])?["sessionId"] as? String else {
            throw WebDriverError(code: "invalid response", message: "POST /session answered without a sessionId: \(value)")
        }
        self.id = id
        port = driver.port
    }

    /// Ends the session, which quits its browser (`DELETE /session/ID`).
    func close() async throws {
        _ = try await command("DELETE")
    }

    // MARK: Navigation

    /// Loads `url` and returns once the page has loaded.
    func navigate(to url: String) async throws {
        _ = try await command("POST", "url", body: ["url": url])
    }

    /// Loads `url` and returns once the page has loaded.
    func navigate(to url: URL) async throws {
        try await navigate(to: url.absoluteString)
    }

    /// The address of the page, as the browser spells it.
    var currentURL: String {
        get async throws { try await string(command("GET", "url")) }
    }

    /// The page's title.
    var title: String {
        get async throws { try await string(command("GET", "title")) }
    }

    // MARK: Elements

    /// The first element that matches a CSS selector, in the page or under `parent`; throws
    /// `no such element` if none does (at once: the session does not wait for elements to appear).
    func findElement(css selector: String, in parent: Element? = nil) async throws -> Element {
        let value = try await command("POST", parent.map { ["element", $0.id, "element"] } ?? ["element"], body: locator(selector))
        guard let element = Element(json: value) else { throw invalid("an element", value) }
        return element
    }

    /// Every element that matches a CSS selector, in document order; none is no error.
    func findElements(css selector: String, in parent: Element? = nil) async throws -> [Element] {
        let value = try await command("POST", parent.map { ["element", $0.id, "elements"] } ?? ["elements"], body: locator(selector))
        guard let values = value as? [Any] else { throw invalid("a list of elements", value) }
        return try values.map { value in
            guard let element = Element(json: value) else { throw invalid("an element", value) }
            return element
        }
    }

    /// The element's rendered text, as `innerText` has it.
    func text(of element: Element) async throws -> String {
        try string(await command("GET", "element", element.id, "text"))
    }

    /// The element's attribute as the HTML has it; nil if it has none.
    func attribute(_ name: String, of element: Element) async throws -> String? {
        let value = try await command("GET", "element", element.id, "attribute", name)
        return value is NSNull ? nil : try string(value)
    }

    /// The element's DOM property (an input's current `value`, a link's resolved `href`), as JSON
    /// decoded by JSONSerialization (`NSNull` for null).
    func property(_ name: String, of element: Element) async throws -> Any {
        Self.decode(try await command("GET", "element", element.id, "property", name))
    }

    /// Clicks the middle of the element, scrolling it into view first.
    func click(_ element: Element) async throws {
        _ = try await command("POST", "element", element.id, "click", body: [:])
    }

    /// Empties an input or a text area.
    func clear(_ element: Element) async throws {
        _ = try await command("POST", "element", element.id, "clear", body: [:])
    }

    /// Types `keys` into the element, after focusing it. `Key.enter` submits a form.
    func sendKeys(_ keys: String, to element: Element) async throws {
        _ = try await command("POST", "element", element.id, "value", body: ["text": keys])
    }

    // MARK: Scripts, pictures, windows

    /// Runs `script` as the body of a function in the page, with `arguments` (JSON values and
    /// elements) as its `arguments`; what it returns, decoded by JSONSerialization (numbers as
    /// NSNumber, `NSNull` for null or undefined), with element references as `Element`s.
    func executeScript(_ script: String, arguments: [Any] = []) async throws -> Any {
        Self.decode(try await command("POST", "execute", "sync", body: ["script": script, "args": arguments.map(Self.encode)]))
    }

    /// A PNG picture of the viewport.
    func screenshot() async throws -> Data {
        let value = try await command("GET", "screenshot")
        guard let data = Data(base64Encoded: try string(value)) else { throw invalid("base64", value) }
        return data
    }

    /// Resizes the browser's window (the outer size, as `--window-size` gives it).
    func setWindowSize(width: Int, height: Int) async throws {
        _ = try await command("POST", "window", "rect", body: ["width": width, "height": height])
    }

    /// Polls `condition` every 50 ms until it is true, and throws a `timeout` error if it is not
    /// after `timeout`. `no such element` and `stale element reference` count as false, since the
    /// page may still be loading or changing; other errors end the wait.
    func waitUntil(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        var last: WebDriverError?
        while true {
            do {
                if try await condition() { return }
            } catch let error as WebDriverError where error.code == "no such element" || error.code == "stale element reference" {
                last = error
            }
            guard ContinuousClock.now < deadline else {
                throw WebDriverError(
                    code: "timeout", message: "condition not met within \(timeout)" + (last.map { " (last: \($0))" } ?? ""))
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    // MARK: The protocol

    /// Sends a command of this session, `METHOD /session/ID/PATH…`; the response's `value`.
    private func command(_ method: String, _ path: String..., body: [String: Any]? = nil) async throws -> Any {
        try await command(method, path, body: body)
    }

    private func command(_ method: String, _ path: [String], body: [String: Any]? = nil) async throws -> Any {
        // Element ids and attribute names are path segments: a "/" in one must not split it.
        let segment = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
        let path = (["session", id] + path).map { "/" + ($0.addingPercentEncoding(withAllowedCharacters: segment) ?? $0) }.joined()
        return try await Self.send(method, port: port, path: path, body: body)
    }

    /// One request with a JSON body: the response's `value`, or the `WebDriverError` it reports.
    private static func send(_ method: String, port: Int, path: String, body: [String: Any]?) async throws -> Any {
        let response = try await LoopbackHTTP.request(
            method, port: port, path: path, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        guard let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any], let value = object["value"] else {
            throw WebDriverError(
                code: "invalid response",
                message: "\(method) \(path): HTTP \(response.status): \(String(decoding: response.body.prefix(500), as: UTF8.self))")
        }
        if response.status != 200 {
            let error = value as? [String: Any]
            throw WebDriverError(
                code: error?["error"] as? String ?? "HTTP \(response.status)", message: error?["message"] as? String ?? "\(method) \(path)")
        }
        return value
    }

    private func locator(_ selector: String) -> [String: Any] {
        ["using": "css selector", "value": selector]
    }

    private func string(_ value: Any) throws -> String {
        guard let string = value as? String else { throw invalid("a string", value) }
        return string
    }

    private func invalid(_ expected: String, _ value: Any) -> WebDriverError {
        WebDriverError(code: "invalid response", message: "expected \(expected), got \(value)")
    }

    /// Elements in `value` as web element references, for a script's arguments.
    private static func encode(_ value: Any) -> Any {
        switch value {
        case let element as Element: element.json
        case let array as [Any]: array.map(encode)
        case let object as [String: Any]: object.mapValues(encode)
        default: value
        }
    }

    /// Web element references in `value` as `Element`s.
    private static func decode(_ value: Any) -> Any {
        if let element = Element(json: value) { return element }
        switch value {
        case let array as [Any]: return array.map(decode)
        case let object as [String: Any]: return object.mapValues(decode)
        default: return value
        }
    }
}
