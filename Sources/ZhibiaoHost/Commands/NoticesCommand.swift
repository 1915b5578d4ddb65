import ArgumentParser
import Foundation
import ZhibiaoDocuments
import ZhibiaoKernel
import ZhibiaoStore
import ZhibiaoWorkspace

extension Notice.State: ExpressibleByArgument {}

/// `zhibiao notices`: supervision notices (督办单) — derived from the plan's `supervision:` rules and
/// the monitoring history, answered by their addressees, decided by the commission.
struct NoticesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notices",
    abstract: "督办单：列出、答复、审核、打印 (supervision notices: list, answer, decide, print).",
    discussion: """
      Notices are raised by the rules in plan.yaml (supervision:) from every quarter's lights and lateness: a \
      figure not reported by its due day, a red light for consecutive periods. The addressee answers with a written \
      remedy (notices answer FILE.csv); the commission accepts it, returns it with a comment, or closes the notice \
      (notices decide). An unanswered notice escalates one level after its deadline.
      """,
    subcommands: [List.self, Answer.self, Decide.self, Print.self], defaultSubcommand: List.self)

  /// What the subcommands share: the notices as of a day, with the stored actions.
  struct Book {
    let plan: Plan
    let store: any Store
    let notices: [Notice]
    let actions: [NoticeAction]

    /// The notices as of `asOf`; with `writing`, the store is opened to be written (answers and
    /// decisions), else only read.
    static func load(_ options: CommonOptions, _ storeOptions: StoreOptions, asOf: Date, writing: Bool = false)
      async throws -> Book
    {
      let workspace = try CommandWorkspace.load(options)
      let pipeline = try await CommandWorkspace.pipeline(workspace, storeOptions, writing: writing)
      let notices = try CommandWorkspace.computing { try pipeline.notices(asOf: asOf) }
      let store = writing ? try await storeOptions.open() : try await storeOptions.openExisting()
      return Book(plan: workspace.plan, store: store, notices: notices, actions: pipeline.noticeActions)
    }

    func version(of id: NoticeID) -> Int { actions.filter { $0.notice == id }.last?.number ?? 0 }
  }

  /// `notices list [--org ORG] [--period P] [--level L] [--state S]`.
  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "列出督办单 (list the notices).")

    @Option(name: .long, help: "责任单位 (notices addressed to one org), id or Chinese name.")
    var org: String?
    @Option(name: .long, help: "期间 (notices raised for one period), e.g. 2024Q3.")
    var period: String?
    @Option(name: .long, help: "级别 (a level of plan.yaml's supervision:), e.g. yellow.")
    var level: String?
    @Option(name: .long, help: "open | returned | answered | overdue | closed")
    var state: Notice.State?
    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(name: .long, help: "text | json | csv")
    var format: NoticeFormat = .text

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let book = try await Book.load(options, store, asOf: try CommandPlan.day(asOf))
      let org = try self.org.map { try CommandPlan.org($0, in: book.plan).id }
      let period = try self.period.map { text in
        guard let period = Period(text) else {
          throw CommandFailure.domain("期间写法有误：\(text)", "Not a period: '\(text)' (write 2024Q3).")
        }
        return period
      }
      if let level, book.plan.supervision.level(level) == nil {
        throw CommandFailure.domain(
          "没有督办级别 '\(level)'。", "No supervision level '\(level)' in plan.yaml.")
      }
      let notices = book.notices.filter { notice in
        (org == nil || notice.org == org) && (period == nil || notice.id.period == period)
          && (level == nil || notice.level == level) && (state == nil || notice.state == state)
      }
      print(
        NoticeListing(plan: book.plan, notices: notices, actions: book.actions, language: options.lang)
          .render(format), terminator: "")
    }
  }

  /// `notices answer FILE.csv --as ORG`.
  struct Answer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "导入督办单答复（notice,org,text,evidence），全部或全不 (import answers; all or nothing).")

    @Argument(help: "答复文件 CSV (columns notice,org,text,evidence).")
    var file: String
    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var answerer: String
    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let data: Data
      do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
        throw CommandFailure.unreadable(file, error)
      }
      guard let (text, _) = TextDecoding.decode(data, as: nil) else {
        throw CommandFailure.file(
          path: file, LocalizedText(zh: "不是 UTF-8 或 GBK 文本。", en: "The file is not UTF-8 or GBK text."))
      }
      let time = Date()
      let book = try await Book.load(options, store, asOf: time, writing: true)
      let answerer = try CommandPlan.org(self.answerer, in: book.plan).id
      let role = ReviewRules(plan: book.plan).role(of: answerer)
      let filings: [NoticeActionFiling]
      do {
        filings = try NoticeAnswerFile.filings(
          text, file: file, plan: book.plan, notices: book.notices, actions: book.actions, answerer: answerer,
          role: role, time: time)
      } catch {
        throw CommandFailure.diagnostics(
          error.diagnostics,
          summary: LocalizedText(
            zh: "\(error.errors.count) 处错误，未导入任何答复。", en: "\(error.errors.count) errors; no answer was recorded."))
      }
      do {
        _ = try await book.store.recordNoticeActions(filings)
      } catch StoreError.refused(let refusal, _) {
        throw CommandFailure.domain(refusal.text)
      }
      print(
        options.lang == .zh
          ? "已记录 \(filings.count) 份督办单答复，待市发改委审核。"
          : "Recorded \(filings.count) answers, waiting for the commission.")
    }
  }

  /// `notices decide ID --accept|--return|--close [--comment TEXT] [--as COMMISSION]`.
  struct Decide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "审核督办单（仅市发改委）：采纳、退回或销号 (accept, return or close a notice; the commission only).")

    enum Decision: String, EnumerableFlag {
      case accept, `return`, close
    }

    @Argument(help: "督办单编号 (the notice's id, from zhibiao notices list).")
    var id: String
    @Flag var decision: Decision
    @Option(name: .long, help: "意见 (a comment; required to return).")
    var comment: String?
    @Option(name: .customLong("as"), help: trustedOperatorHelp)
    var decider: String?
    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let time = Date()
      let book = try await Book.load(options, store, asOf: time, writing: true)
      let decider = try self.decider.map { try CommandPlan.org($0, in: book.plan).id } ?? book.plan.commission
      let rules = ReviewRules(plan: book.plan)
      if let refusal = rules.decideNotice(by: decider, as: rules.role(of: decider)) {
        throw CommandFailure.domain(refusal.text)
      }
      guard let noticeID = NoticeID(id), let notice = book.notices.first(where: { $0.id == noticeID }) else {
        throw CommandFailure.domain("没有督办单 \(id)。", "There is no notice '\(id)'.")
      }
      if notice.state == .closed {
        throw CommandFailure.domain(
          "督办单 \(id) 已办结（\(notice.closure?.name.zh ?? "")）。",
          "Notice \(id) is closed (\(notice.closure?.name.en ?? "")).")
      }
      let kind: NoticeActivity.Kind =
        switch decision {
        case .accept: .accept
        case .return: .return
        case .close: .close
        }
      do {
        _ = try await book.store.recordNoticeActions([
          NoticeActionFiling(
            plan: book.plan.id, notice: noticeID, kind: kind, text: comment, seenVersion: book.version(of: noticeID),
            actor: decider, role: rules.role(of: decider), time: time, source: "notices decide")
        ])
      } catch StoreError.refused(let refusal, _) {
        throw CommandFailure.domain(refusal.text)
      }
      let done: LocalizedText =
        switch kind {
        case .accept: LocalizedText(zh: "已采纳整改措施，督办单办结", en: "remedy accepted; the notice is closed")
        case .return: LocalizedText(zh: "已退回答复，须重新答复", en: "answer returned; a new answer is due")
        default: LocalizedText(zh: "已销号", en: "notice closed")
        }
      print(options.lang == .zh ? "督办单 \(id)：\(done.zh)。" : "Notice \(id): \(done.en).")
    }
  }

  /// `notices print --out DIR`: one printable page per open notice — HTML, or a Word document laid
  /// out as an official document; `--pdf` also prints each HTML page to PDF.
  struct Print: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "打印督办单：每件一页，HTML 或 Word 文档，可另打印 PDF (write each notice as a one-page HTML or Word document, "
        + "and optionally PDF).")

    @Option(name: .long, help: "输出目录 (the folder to write).")
    var out: String
    @Flag(name: .long, help: "也打印已办结的督办单 (closed notices too).")
    var all = false
    @Option(name: .customLong("as-of"), help: "截至日期 YYYY-MM-DD (default today).")
    var asOf: String?
    @Option(
      name: .long,
      help: ArgumentHelp(
        "html | docx：网页或 Word 文档，按党政机关公文格式排版 (HTML pages, or Word documents laid out as an official "
          + "document, GB/T 9704).", valueName: "FORMAT"))
    var format: LettersCommand.LetterFormat = .html
    @Flag(name: .long, help: "同时用 Chromium 把每份督办单打印为 PDF (also print each notice to PDF with headless Chromium).")
    var pdf = false
    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
      if pdf && format == .docx {
        throw ValidationError(
          "--pdf prints the HTML notices: leave out --format docx, or --pdf (Word and WPS print a .docx).")
      }
    }

    func run() async throws {
      let chromium = pdf ? try PDFPrinter.chromium() : nil
      let book = try await Book.load(options, store, asOf: try CommandPlan.day(asOf))
      let folder = URL(fileURLWithPath: out)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      var written: [URL] = []
      for notice in book.notices where all || notice.isOpen {
        let page = NoticePage(plan: book.plan, notice: notice, actions: book.actions.filter { $0.notice == notice.id })
        let html = page.html(language: options.lang)
        let name = notice.id.description.replacingOccurrences(of: ":", with: "_")
        let url = folder.appendingPathComponent(name + "." + format.rawValue)
        switch format {
        case .html: try Data(html.utf8).write(to: url, options: .atomic)
        case .docx:
          try WordDocument(markup: html, title: nil, language: options.lang == .zh ? "zh-CN" : "en-US").write(to: url)
        }
        written.append(url)
      }
      let kind = format == .docx ? (options.lang == .zh ? " Word 文档" : " as Word documents") : ""
      print(
        options.lang == .zh
          ? "已写出 \(written.count) 份督办单\(kind)：\(out)/" : "Wrote \(written.count) notices\(kind) to \(out)/")
      if let chromium {
        for page in written {
          try PDFPrinter.print(page, to: page.deletingPathExtension().appendingPathExtension("pdf"), chromium: chromium)
        }
        print(options.lang == .zh ? "已打印 PDF \(written.count) 份。" : "Printed \(written.count) PDFs.")
      }
    }
  }
}

/// How `notices list` prints.
enum NoticeFormat: String, CaseIterable, ExpressibleByArgument {
  case text, json, csv
}
