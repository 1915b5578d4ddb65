import ZhibiaoKernel

/// Small pieces of HTML the report and the letters share: escaping, and a self-contained page
/// shell with inline styles that prints on A4.
public enum HTML {
  /// `text` with the five characters that HTML gives meaning escaped.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A complete page: no scripts, no external references; a content security policy forbids
  /// the browser to fetch anything, so a stray reference fails loudly instead of leaking.
  public static func page(title: String, language: Language, style: String, body: String) -> String {
    let lang = language == .zh ? "zh-Hans" : "en"
    return """
      <!DOCTYPE html>
      <html lang="\(lang)">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escape(title))</title>
      <style>
      \(baseStyle)
      \(style)
      \(printedPages(title))
      </style>
      </head>
      <body>
      \(body)
      </body>
      </html>

      """
  }

  /// The printed page's running header (the title) and its number of the whole, e.g. "3 / 12",
  /// in the page's margins.
  static func printedPages(_ title: String) -> String {
    """
    @page {
      @top-center { content: "\(cssString(title))"; font-size: 8pt; color: #5f6b73; }
      @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5f6b73; }
    }
    """
  }

  /// `text` inside a CSS string in double quotes: a backslash, a quote, an apostrophe, a line
  /// break or a `<` (which could close the style element) written as CSS escapes.
  static func cssString(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\": escaped += "\\\\"
      case "\"": escaped += "\\\""
      case "\n", "\r": escaped += "\\A "
      case "<": escaped += "\\3C "
      case "'": escaped += "\\27 "
      default: escaped.append(character)
      }
    }
    return escaped
  }

  /// The styles every page shares: CJK fonts first, readable tables, A4 print with page breaks
  /// before each `section.page`.
  public static let baseStyle = """
    :root { --ink: #1d2327; --muted: #5f6b73; --rule: #d5dbe0; --paper: #ffffff; --band: #f4f6f8;
      --green: #009E73; --yellow: #E69F00; --red: #D55E00; --grey: #BBBBBB; }
    * { box-sizing: border-box; }
    html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      color: var(--ink); background: var(--paper); font-size: 15px; line-height: 1.55; }
    body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; }
    h1 { font-size: 1.7rem; margin: 0.2em 0 0.3em; }
    h2 { font-size: 1.3rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }
    h3 { font-size: 1.08rem; margin: 1.2em 0 0.4em; }
    p, li { max-width: 60em; }
    .muted { color: var(--muted); }
    table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.9rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
    th { background: var(--band); font-weight: 600; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .light { display: inline-block; min-width: 2.6em; padding: 0 0.4em; border-radius: 3px; text-align: center;
      font-size: 0.85em; border: 1px solid var(--ink); white-space: nowrap; }
    .light.green { background: #d6f0e7; }
    .light.yellow { background: #fbe9c6; border-style: dashed; }
    .light.red { background: #f6d5c3; border-width: 2px; font-weight: 700; }
    .light.grey { background: #ffffff; border-style: dotted; color: var(--muted); }
    figure { margin: 0.8em 0 1.2em; break-inside: avoid; }
    figure svg { width: 100%; height: auto; display: block; }
    .caveat { border: 1px dashed var(--muted); background: var(--band); padding: 6px 10px; margin: 0.6em 0 1em; }
    @page { size: A4; margin: 18mm 14mm 16mm; }
    @media print {
      html { font-size: 11pt; }
      body { max-width: none; padding: 0; }
      section.page { break-before: page; }
      h2, h3 { break-after: avoid; }
      tr, figure { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
