/// The style sheet and script every page loads, shipped in the binary: clusters often reach no
/// CDN.
enum Assets {
    static func response(named name: Substring) -> WebResponse? {
        let (type, text): (String, String)
        switch name {
        case "style.css": (type, text) = ("text/css; charset=utf-8", styleSheet)
        case "browser.js": (type, text) = ("text/javascript; charset=utf-8", script)
        default: return nil
        }
        return WebResponse(contentType: type, headers: [("Cache-Control", "max-age=3600")], body: Array(text.utf8))
    }

    static let styleSheet = """
        :root { --ink: #1d2430; --muted: #5b6573; --line: #d9dee5; --accent: #2f6fb8; --paper: #fff; --band: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: var(--ink); background: var(--paper); }
        header { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1.25rem; padding: .6rem 1rem; background: #1f2a3a; color: #fff; }
        header a { color: #dfe8f5; text-decoration: none; }
        header a[aria-current="page"], header a:hover { color: #fff; text-decoration: underline; }
        header .brand { font-weight: 700; color: #fff; }
        header nav { display: flex; gap: 1rem; flex-wrap: wrap; }
        header .store { margin-left: auto; color: #b8c4d4; font-size: .85rem; overflow-wrap: anywhere; }
        main { padding: 1rem; max-width: 1400px; margin: 0 auto; }
        h1 { font-size: 1.35rem; margin: .25rem 0 1rem; overflow-wrap: anywhere; }
        h1 small { font-weight: 400; color: var(--muted); }
        h2 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
        a { color: var(--accent); }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        thead th { background: var(--band); position: sticky; top: 0; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
        td.time { white-space: nowrap; color: var(--muted); }
        table.nodes td.uri { min-width: 14rem; }
        .uri { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
        pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85em; }
        dl.fields, dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0 0 1rem; }
        dt { color: var(--muted); }
        dd { margin: 0; overflow-wrap: anywhere; }
        form.filter { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin-bottom: .75rem; }
        form.filter label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); }
        form.filter label.wide { flex: 1 1 22rem; }
        input, select, button, .button { font: inherit; font-size: .9rem; padding: .35rem .5rem; border: 1px solid #b9c2ce; border-radius: 4px; background: #fff; color: var(--ink); }
        button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; display: inline-block; }
        input[aria-invalid="true"] { border-color: #b3261e; }
        .error { color: #b3261e; background: #fdecea; border: 1px solid #f3c2bd; padding: .5rem .75rem; border-radius: 4px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; overflow-wrap: anywhere; }
        .caption, .empty { color: var(--muted); font-size: .9rem; }
        nav.pager { display: flex; gap: 1rem; margin: .5rem 0 1rem; }
        ul.links { padding-left: 1.2rem; }
        .type { color: var(--muted); font-size: .85em; }
        .actions { margin: 0 0 1rem; }
        .drawing { overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fbfcfd; max-height: 78vh; }
        .drawing svg { display: block; }
        .drawing a:hover rect { stroke-width: 3; }
        .legend .key { display: inline-block; padding: 0 .5rem; border: 1.5px solid; margin-left: .3rem; font-size: .8rem; }
        .legend .artifact { border-color: #3b78c4; background: #e8f1fc; border-radius: 1em; }
        .legend .execution { border-color: #3f8a3a; background: #eef7ec; border-radius: 2px; }
        .legend .start { border-color: #c26a00; background: #fff3dc; border-width: 3px; }
        @media (max-width: 640px) {
          main { padding: .6rem; }
          header .store { margin-left: 0; width: 100%; }
          th, td { padding: .3rem .4rem; }
        }

        """

    /// Two conveniences, neither needed: `/` focuses the filter box, and a drawing opens
    /// scrolled to its start node.
    static let script = """
        document.addEventListener("keydown", (event) => {
          const box = document.querySelector('input[name="filter"]');
          if (event.key === "/" && box && document.activeElement !== box) { event.preventDefault(); box.focus(); }
        });
        document.addEventListener("DOMContentLoaded", () => {
          const drawing = document.querySelector(".drawing");
          const start = drawing && drawing.querySelector(".node.start rect");
          if (!start) return;
          const box = start.getBBox();
          drawing.scrollLeft = Math.max(0, box.x + box.width / 2 - drawing.clientWidth / 2);
          drawing.scrollTop = Math.max(0, box.y + box.height / 2 - drawing.clientHeight / 2);
        });

        """
}
