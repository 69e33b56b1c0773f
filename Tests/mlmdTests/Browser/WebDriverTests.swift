import Foundation
import Testing

extension BrowserSuites {
    /// The WebDriver client against headless Chromium, on a page of its own (a `data:` URL), apart
    /// from the web interface its tests drive.
    @Suite struct WebDriverTests {
        /// A form whose button writes a greeting with the input's value, and a link away from the page.
        /// (To about:blank: Chromium refuses a page's navigation to a `data:` URL, even its own with a fragment.)
        static let page = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>WebDriver self-test</title></head>
            <body>
            <form><input id="name"> <button id="greet" type="submit"
              onclick="document.getElementById('greeting').textContent = 'Hello, ' + document.getElementById('name').value + '!'; return false">Greet</button></form>
            <p id="greeting"></p>
            <a id="away" href="about:blank">Away</a>
            </body></html>
            """
        static let pageURL = "data:text/html;charset=utf-8," + page.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

        /// A PNG's width and height, from its IHDR chunk (after the 8-byte signature, the chunk's length and type).
        static func size(_ png: Data) -> [Int] {
            guard png.count >= 24 else { return [] }
            return [png[16..<20], png[20..<24]].map { $0.reduce(0) { $0 << 8 | Int($1) } }
        }

        @Test(.enabled(if: ChromeDriver.isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"))
        func formScriptScreenshotAndLink() async throws {
            try await ChromeDriver.withSession(windowSize: (800, 600)) { session in
                try await session.navigate(to: Self.pageURL)
                #expect(try await session.title == "WebDriver self-test")
                #expect(try await session.currentURL == Self.pageURL)

                // Type, then submit with Enter: the form's implicit submission clicks its button.
                let input = try await session.findElement(css: "#name")
                try await session.sendKeys("Grüße, Welt", to: input)
                #expect(try await session.property("value", of: input) as? String == "Grüße, Welt")
                try await session.sendKeys(WebDriverSession.Key.enter, to: input)
                let greeting = try await session.findElement(css: "p#greeting")
                try await session.waitUntil { try await session.text(of: greeting) != "" }
                #expect(try await session.text(of: greeting) == "Hello, Grüße, Welt!")
                try await session.clear(input)
                #expect(try await session.property("value", of: input) as? String == "")

                #expect(try await session.findElements(css: "form > *").count == 2)
                #expect(try await session.findElements(css: "table").isEmpty)
                let button = try await session.findElement(css: "button", in: session.findElement(css: "form"))
                #expect(try await session.attribute("type", of: button) == "submit")
                #expect(try await session.attribute("title", of: button) == nil)
                #expect(try await session.text(of: button) == "Greet")

                #expect(try await session.executeScript("return 1 + 2") as? Int == 3)
                #expect(
                    try await session.executeScript("return arguments[0].id + arguments[1]", arguments: [input, 1]) as? String == "name1")
                #expect(try await session.executeScript("return document.querySelector('form button')") as? Element == button)
                #expect(try await session.executeScript("return null") is NSNull)

                try await session.setWindowSize(width: 640, height: 480)
                let viewport = try await session.executeScript("return [window.innerWidth, window.innerHeight]") as? [Int]
                #expect(viewport?.first == 640)
                let png = try await session.screenshot()
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
                #expect(Self.size(png) == viewport)

                let missing = await #expect(throws: WebDriverError.self) { try await session.findElement(css: "#missing") }
                #expect(missing?.code == "no such element")
                #expect(
                    missing?.description == ##"no such element: Unable to locate element: {"method":"css selector","selector":"#missing"}"##
                )

                let away = try await session.findElement(css: "a")
                #expect(try await session.attribute("href", of: away) == "about:blank")
                try await session.click(away)
                #expect(try await session.currentURL == "about:blank")
                let stale = await #expect(throws: WebDriverError.self) { try await session.click(away) }
                #expect(stale?.code == "stale element reference")
            }
        }
    }
}
