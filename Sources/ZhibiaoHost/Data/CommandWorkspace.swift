import Foundation
import ZhibiaoKernel
import ZhibiaoStore

/// The workspace and pipeline a command works on, with failures in the commands' terms.
enum CommandWorkspace {
  /// The configuration of `--config`, loaded once; every problem when it is not valid.
  static func load(_ options: CommonOptions) throws -> Workspace {
    let source = try options.configSource()
    do {
      return try Workspace(source: source)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }

  /// The pipeline over `workspace` and the store of `store`, opened to read only — or, with
  /// `writing`, to be written by the command afterwards.
  static func pipeline(_ workspace: Workspace, _ store: StoreOptions, writing: Bool = false) async throws -> Pipeline {
    let opened = try await store.openExisting(writing: writing)
    do {
      return try await Pipeline(workspace: workspace, store: opened)
    } catch {
      throw CommandFailure.file(path: store.location, LocalizedText(zh: "\(error)", en: "\(error)"))
    }
  }

  /// The assessment events in the file at `path` for `year`; none when no file is given.
  static func events(_ path: String?, workspace: Workspace, year: Int) throws -> AssessmentEvents {
    guard let path else { return AssessmentEvents() }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure.unreadable(path, error)
    }
    do {
      return try workspace.events(data, file: path, year: year)
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }

  /// The scheme of the workspace; its problem when there is none.
  static func scheme(_ workspace: Workspace) throws -> AssessmentScheme {
    do {
      return try workspace.requireScheme()
    } catch {
      throw CommandFailure.diagnostics(error.diagnostics, summary: nil)
    }
  }

  /// Runs `body`, turning a failure of monitoring (a figure it cannot read) into a domain failure.
  static func computing<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let failure as CommandFailure {
      throw failure
    } catch let errors as ConfigurationErrors {
      throw CommandFailure.diagnostics(errors.diagnostics, summary: nil)
    } catch {
      throw CommandFailure.domain(LocalizedText(zh: "\(error)", en: "\(error)"))
    }
  }
}
