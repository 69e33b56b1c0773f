extension ChromeDriver {
    /// Runs `body` with a session on a chromedriver of its own, and stops both afterwards, also
    /// when `body` throws: a test's browser never outlives it.
    static func withSession<T>(
        windowSize: (width: Int, height: Int) = (1280, 800), _ body: (WebDriverSession) async throws -> T
    ) async throws -> T {
        let driver = try await start()
        do {
            let session = try await WebDriverSession(driver: driver, windowSize: windowSize)
            let result = try await body(session)
            try await session.close()
            await driver.stop()
            return result
        } catch {
            // stop() quits the browser of a session left open.
            await driver.stop()
            throw error
        }
    }
}
