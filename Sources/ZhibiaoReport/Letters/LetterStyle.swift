/// The letters' own styles, on top of the shared page shell: a formal heading, the signature
/// block side by side, and each district's letter kept together when printed.
enum LetterStyle {
  static let css = """
    header h1 { text-align: center; font-size: 1.6rem; letter-spacing: 0.05em; }
    p.issuing { text-indent: 2em; }
    table.annual td:nth-child(1), table.annual td:nth-child(4), table.quarterly td:last-child,
      table.tasks td:nth-child(2), table.tasks td:nth-child(3), table.tasks td:nth-child(6) { white-space: nowrap; }
    table.items td:nth-child(6) { min-width: 18em; }
    div.rule { margin: 0.4em 0 0.8em; break-inside: avoid; }
    ol.examples li, ul.veto li { margin: 0.1em 0; }
    section.signatures { break-inside: avoid; margin-top: 2em; }
    div.parties { display: flex; gap: 2em; flex-wrap: wrap; }
    div.party { flex: 1 1 20em; border-top: 1px solid var(--rule); padding-top: 0.6em; }
    div.party p { margin: 0.5em 0; }
    div.party p.role { font-weight: 600; }
    span.blank { display: inline-block; min-width: 12em; border-bottom: 1px solid var(--ink); height: 1.2em; }
    span.blank.short { min-width: 6em; }
    table.letters a { color: inherit; }
    @media print {
      header h1 { margin-top: 0; }
      div.parties { gap: 1.5em; }
    }
    """
}
