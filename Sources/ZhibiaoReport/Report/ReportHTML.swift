import ZhibiaoCharts
import ZhibiaoKernel

extension ReportDocument {
  /// The report as one self-contained HTML page: inline styles and SVG, no scripts, nothing
  /// fetched. Each summary figure carries `data-figure` so that it can be checked against
  /// `summary.json`.
  public func html() -> String {
    var body = ["<header>", "<h1>\(HTML.escape(title))</h1>", "<p class=\"muted\">\(HTML.escape(subtitle))</p>"]
    if let caveat { body.append("<p class=\"caveat\">\(HTML.escape(caveat))</p>") }
    body.append("</header>")
    body.append(contents())
    for section in sections {
      let page = section.newPage ? " class=\"page\"" : ""
      body.append("<section id=\"\(HTML.escape(section.id))\"\(page)>")
      body.append("<h2>\(HTML.escape(section.title))</h2>")
      body += section.blocks.map(html)
      body.append("</section>")
    }
    return HTML.page(title: title, language: language, style: Self.style, body: body.joined(separator: "\n"))
  }

  /// The table of contents: one line per section, and one line per run of district or bureau pages.
  private func contents() -> String {
    var items = [String]()
    var index = 0
    while index < sections.count {
      let section = sections[index]
      guard let group = section.group else {
        items.append("<li>\(link(section, section.title))</li>")
        index += 1
        continue
      }
      var links = [String]()
      while index < sections.count, sections[index].group == group {
        links.append(link(sections[index], sections[index].shortTitle))
        index += 1
      }
      let colon = language == .zh ? "：" : ": "
      items.append("<li>\(HTML.escape(group))\(colon)\(links.joined(separator: " · "))</li>")
    }
    return "<nav class=\"contents\"><ol>\(items.joined())</ol></nav>"
  }

  private func link(_ section: ReportSection, _ text: String) -> String {
    "<a href=\"#\(HTML.escape(section.id))\">\(HTML.escape(text))</a>"
  }

  private func html(_ block: ReportBlock) -> String {
    switch block {
    case .heading(let text): return "<h3>\(HTML.escape(text))</h3>"
    case .paragraph(let text): return "<p>\(HTML.escape(text))</p>"
    case .note(let text): return "<p class=\"muted\">\(HTML.escape(text))</p>"
    case .bullets(let items): return "<ul>" + items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
    case .figures(let figures):
      let cards = figures.map { figure in
        let status = figure.status.map { " \($0.rawValue)" } ?? ""
        return "<div class=\"figure\(status)\"><span class=\"value\" data-figure=\"\(HTML.escape(figure.key))\">"
          + "\(HTML.escape(figure.display))</span><span class=\"label\">\(HTML.escape(figure.label))</span></div>"
      }
      return "<div class=\"figures\">\(cards.joined())</div>"
    case .table(let table): return html(table)
    case .chart(let svg, let caption):
      let text = caption.isEmpty ? "" : "<figcaption class=\"muted\">\(HTML.escape(caption))</figcaption>"
      return "<figure>\(svg)\(text)</figure>"
    case .charts(let svgs, let caption):
      let text = caption.isEmpty ? "" : "<figcaption class=\"muted\">\(HTML.escape(caption))</figcaption>"
      return
        "<figure class=\"pair\"><div class=\"pair\">\(svgs.map { "<div>\($0)</div>" }.joined())</div>\(text)</figure>"
    }
  }

  private func html(_ table: ReportTable) -> String {
    var lines = ["<table>"]
    if let caption = table.caption { lines.append("<caption>\(HTML.escape(caption))</caption>") }
    let head = table.columns.map { column in
      "<th\(Self.cellClass(column))>\(HTML.escape(column.heading))</th>"
    }
    lines.append("<thead><tr>\(head.joined())</tr></thead><tbody>")
    for row in table.rows {
      let cells = zip(table.columns, row).map { column, cell in
        let text =
          cell.light.map { "<span class=\"light \($0.rawValue)\">\(HTML.escape(cell.text))</span>" }
          ?? HTML.escape(cell.text)
        return "<td\(Self.cellClass(column))>\(text)</td>"
      }
      lines.append("<tr>\(cells.joined())</tr>")
    }
    lines.append("</tbody></table>")
    return lines.joined(separator: "\n")
  }

  private static func cellClass(_ column: ReportColumn) -> String {
    column.numeric ? " class=\"num\"" : column.compact ? " class=\"compact\"" : ""
  }

  static let style = """
    header { border-bottom: 3px solid var(--ink); margin-bottom: 1em; }
    nav.contents ol { list-style: none; font-size: 0.9rem; padding-left: 0; }
    nav.contents a { color: var(--ink); }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0.6em 0 1em; }
    .figure { border: 1px solid var(--rule); border-left: 6px solid var(--muted); padding: 6px 10px; break-inside: avoid; }
    .figure.green { border-left-color: var(--green); }
    .figure.yellow { border-left-color: var(--yellow); border-left-style: double; }
    .figure.red { border-left-color: var(--red); border-left-width: 8px; }
    .figure.grey { border-left-style: dotted; }
    .figure .value { display: block; font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .figure .label { display: block; font-size: 0.82rem; color: var(--muted); }
    figcaption { font-size: 0.85rem; }
    td.compact, th.compact { white-space: nowrap; }
    div.pair { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; }
    @media print { nav.contents { display: none; } }
    """
}
