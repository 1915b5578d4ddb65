import Foundation
import ZhibiaoFuzzing

#if FUZZING
  import CFuzzer

  /// The target of this run, from `ZHIBIAO_FUZZ_TARGET`.
  private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["ZHIBIAO_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
      fatalError("set ZHIBIAO_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return target
  }()

  /// One input, as libFuzzer calls it.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(bytes.map { Data(bytes: $0, count: size) } ?? Data())
    return 0
  }

  /// The program's entry point as the package names its executables' main: libFuzzer's loop
  /// over the command line's options and corpus folders.
  @_cdecl("zhibiao_fuzz_main")
  func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    _ = target
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzOne($0, $1) }
  }
#else
  /// Built without libFuzzer: `zhibiao-fuzz TARGET FILE…` feeds each file to the target once,
  /// as the regression tests do, to reproduce a crash under a debugger.
  @main
  struct Replay {
    static func main() {
      let arguments = CommandLine.arguments.dropFirst()
      guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("usage: zhibiao-fuzz \(names) FILE…\n".utf8))
        exit(64)
      }
      for path in arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("\(path): cannot be read\n".utf8))
          exit(1)
        }
        print("\(path): \(target.run(data))")
      }
    }
  }
#endif
