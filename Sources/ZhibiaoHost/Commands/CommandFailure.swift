import ArgumentParser
import Foundation
import ZhibiaoKernel

/// Why a command failed, by kind. Argument misuse stays argument-parser's `ValidationError`
/// (exit 64, with the usage text); every other failure is one of these, exits 1 and is printed
/// without usage by one renderer, in the language the user asked for.
enum CommandFailure: Error {
  /// Something the plan or its rules do not allow: a period outside the plan, an unknown org,
  /// an approved or locked figure changed without a change request. One sentence.
  case domain(LocalizedText)
  /// A file or store that cannot be read or written, named by its path.
  case file(path: String, LocalizedText)
  /// Problems already located at their file, line and column (a configuration, an import),
  /// followed by a line that sums them up.
  case diagnostics([Diagnostic], summary: LocalizedText?)

  /// A file that cannot be read, with the system's reason.
  static func unreadable(_ path: String, _ error: any Error) -> CommandFailure {
    .file(
      path: path,
      LocalizedText(
        zh: "文件无法读取：\(error.localizedDescription)", en: "The file cannot be read: \(error.localizedDescription)"))
  }

  /// A domain failure from its Chinese and English sentences.
  static func domain(_ zh: String, _ en: String) -> CommandFailure { .domain(LocalizedText(zh: zh, en: en)) }

  /// The lines to print on standard error.
  func lines(in language: Language) -> [String] {
    switch self {
    case .domain(let text):
      [language == .zh ? "错误：\(text.zh)" : "error: \(text.en)"]
    case .file(let path, let text):
      ["\(path): \(language == .zh ? "错误" : "error"): \(text.text(in: language))"]
    case .diagnostics(let diagnostics, let summary):
      diagnostics.map(\.description) + (summary.map { [$0.text(in: language)] } ?? [])
    }
  }
}

extension ZhibiaoCommand {
  /// Runs the command line: argument misuse exits 64 with usage; a `CommandFailure` exits 1 with
  /// its lines in the language of `--lang`; anything else as argument-parser reports it.
  public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
    let command: any ParsableCommand
    do {
      command = try parseAsRoot(arguments)
    } catch {
      exit(withError: error)
    }
    do {
      if var running = command as? any AsyncParsableCommand {
        try await running.run()
      } else {
        var running = command
        try running.run()
      }
      Foundation.exit(0)
    } catch let failure as CommandFailure {
      failure.lines(in: Language.requested(in: arguments)).forEach(StandardError.write)
      Foundation.exit(1)
    } catch {
      type(of: command).exit(withError: error)
    }
  }
}

extension Language {
  /// The language of `--lang zh|en` (or `--lang=en`) among `arguments`; Chinese otherwise.
  static func requested(in arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .zh }
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .zh }
    }
    return .zh
  }
}
