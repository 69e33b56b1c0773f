/// A server configuration that cannot be used: the server does not start, and the message says
/// which setting is wrong.
public struct ServerConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, naming the setting.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
