/// The form above a list: the filter box (with the store's error under it), the order, and the
/// property columns. A GET form, so that its result has an address to share.
struct FilterForm {
    let kind: BrowsedKind
    let type: String?
    let filter: String?
    let order: NodeListPage.Order
    let descending: Bool
    let props: String?

    func render(error: String?) -> HTML {
        let typeField: HTML = type.map { "<input type=\"hidden\" name=\"type\" value=\"\($0)\">" } ?? ""
        let orders = HTML(
            joining: NodeListPage.Order.allCases.map {
                "<option value=\"\($0.rawValue)\"\($0 == order ? HTML(" selected") : "")>\($0.label)</option>"
            })
        let errorLine: HTML = error.map { "<p class=\"error\" id=\"filter-error\" role=\"alert\">\($0)</p>" } ?? ""
        let described: HTML = error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"filter-error\""
        return """
            <form class="filter" method="get" action="/\(kind.plural)">\(typeField)
            <label class="wide">Filter <input type="search" name="filter" value="\(filter ?? "")" placeholder="uri LIKE '%train%' AND properties.span.int_value > 3" spellcheck="false" autocomplete="off"\(described)></label>
            <label>Order by <select name="order">\(orders)</select></label>
            <label>Direction <select name="dir"><option value="asc"\(descending ? "" : HTML(" selected"))>ascending</option><option value="desc"\(descending ? HTML(" selected") : "")>descending</option></select></label>
            <label>Properties <input type="text" name="props" value="\(props ?? "")" placeholder="span, split" spellcheck="false"></label>
            <button type="submit">Show</button>
            </form>
            \(errorLine)
            """
    }
}
