/// An element of the page: the web element reference WebDriver returns for it, valid in its
/// session until the page changes (then commands on it fail with `stale element reference`).
struct Element: Sendable, Hashable, CustomStringConvertible {
    /// The key of a web element reference in WebDriver's JSON: the "web element identifier" of W3C WebDriver.
    static let key = "element-6066-11e4-a52e-4f735466cecf"

    /// The reference the driver chose.
    let id: String

    init(id: String) {
        self.id = id
    }

    /// The element a JSON value refers to, if it is a web element reference.
    init?(json: Any) {
        guard let id = (json as? [String: Any])?[Self.key] as? String else { return nil }
        self.id = id
    }

    /// The reference as WebDriver's JSON, to pass the element to a script.
    var json: [String: String] { [Self.key: id] }

    var description: String { "Element(\(id))" }
}
