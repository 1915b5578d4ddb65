import ZhibiaoKernel

extension ReportDocument {
  /// The report as Markdown: the same text and tables as the page; each chart is named by its
  /// caption, since the tables beside it carry its figures.
  public func markdown() -> String {
    var lines = ["# \(title)", "", subtitle, ""]
    if let caveat { lines += ["> \(caveat)", ""] }
    for section in sections {
      lines += ["## \(section.title)", ""]
      for block in section.blocks { lines += markdown(block) + [""] }
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  private var colon: String { language == .zh ? "：" : ": " }

  private func markdown(_ block: ReportBlock) -> [String] {
    switch block {
    case .heading(let text): return ["### \(text)"]
    case .paragraph(let text): return [text]
    case .note(let text): return ["*\(text)*"]
    case .bullets(let items): return items.map { "- \($0)" }
    case .figures(let figures): return figures.map { "- \($0.label)\(colon)**\($0.display)**" }
    case .table(let table): return markdown(table)
    case .chart(_, let caption), .charts(_, let caption):
      return caption.isEmpty ? [] : ["*\(language == .zh ? "图" : "Chart")\(colon)\(caption)*"]
    }
  }

  private func markdown(_ table: ReportTable) -> [String] {
    func cell(_ text: String) -> String {
      text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
    var lines = ["| " + table.columns.map { cell($0.heading) }.joined(separator: " | ") + " |"]
    lines.append("| " + table.columns.map { $0.numeric ? "---:" : "---" }.joined(separator: " | ") + " |")
    for row in table.rows { lines.append("| " + row.map { cell($0.text) }.joined(separator: " | ") + " |") }
    return lines
  }
}
