import Foundation

extension WordDocument {
  /// The `.docx` package: the parts, their content types and relationships, and the document's
  /// properties (title, creation time).
  public func archive(created: Date = Date()) throws -> Data {
    let stamp = ISO8601DateFormatter().string(from: created)
    let parts: [(String, String)] = [
      (
        "[Content_Types].xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/settings.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
        <Override PartName="/word/fontTable.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>\
        <Override PartName="/word/footer1.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/word/footer2.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>
        """
      ),
      (
        "_rels/.rels",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(Self.relationships)/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
        Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="\(Self.relationships)/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """
      ),
      (
        "word/_rels/document.xml.rels",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rIdStyles" Type="\(Self.relationships)/styles" Target="styles.xml"/>\
        <Relationship Id="rIdSettings" Type="\(Self.relationships)/settings" Target="settings.xml"/>\
        <Relationship Id="rIdFonts" Type="\(Self.relationships)/fontTable" Target="fontTable.xml"/>\
        <Relationship Id="rIdFooterOdd" Type="\(Self.relationships)/footer" Target="footer1.xml"/>\
        <Relationship Id="rIdFooterEven" Type="\(Self.relationships)/footer" Target="footer2.xml"/>\
        </Relationships>
        """
      ),
      ("word/document.xml", documentXML),
      ("word/styles.xml", stylesXML),
      ("word/settings.xml", settingsXML),
      ("word/fontTable.xml", fontTableXML),
      ("word/footer1.xml", Self.footerXML(right: true)),
      ("word/footer2.xml", Self.footerXML(right: false)),
      (
        "docProps/core.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
        xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>\(Self.xml(title))</dc:title>\
        <dc:creator>Zhibiao</dc:creator><dc:language>\(language)</dc:language>\
        <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
        <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified></cp:coreProperties>
        """
      ),
      (
        "docProps/app.xml",
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>Zhibiao</Application></Properties>
        """
      ),
    ]
    var archive = ZipArchiveWriter(modified: created)
    for (path, text) in parts {
      try archive.add(path, data: Data(text.utf8))
    }
    return archive.data
  }

  /// Writes the package to `url`, replacing it atomically.
  public func write(to url: URL, created: Date = Date()) throws {
    try archive(created: created).write(to: url, options: .atomic)
  }
}
