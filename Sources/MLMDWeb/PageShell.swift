/// The frame around every page: title, stylesheet, the bar that leads to the lists, and the
/// store's name.
struct PageShell {
    /// Shown at the right of the bar: the `--db` the browser was opened on.
    let storeName: String

    /// A whole page: `<title>` is `title · ML Metadata`, `heading` the page's `<h1>`.
    func page(title: String, heading: HTML, section: BrowsedKind? = nil, isTypes: Bool = false, content: HTML) -> HTML {
        func navigation(_ label: String, _ path: String, current: Bool) -> HTML {
            current ? "<a href=\"\(path)\" aria-current=\"page\">\(label)</a>" : "<a href=\"\(path)\">\(label)</a>"
        }
        let links = HTML(
            joining: [navigation("Types", "/types", current: isTypes)]
                + BrowsedKind.allCases.map { navigation($0.title, "/\($0.plural)", current: $0 == section) })
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · ML Metadata</title>
            <link rel="stylesheet" href="/assets/style.css">
            <script src="/assets/browser.js" defer></script>
            </head>
            <body>
            <header><a class="brand" href="/types">ML Metadata</a><nav>\(links)</nav><span class="store" title="the store">\(storeName)</span></header>
            <main>
            <h1>\(heading)</h1>
            \(content)
            </main>
            </body>
            </html>

            """
    }

    /// A page that says what went wrong, with the status it is sent with.
    func errorPage(status: Int, title: String, message: String) -> WebResponse {
        .page(page(title: title, heading: "\(title)", content: "<p class=\"error\" role=\"alert\">\(message)</p>"), status: status)
    }
}
