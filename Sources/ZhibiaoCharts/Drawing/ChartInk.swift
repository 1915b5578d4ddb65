/// The inks every chart draws its text, axes, grid and paths in.
enum ChartInk {
  static let text = "#1A1A1A"
  static let muted = "#666666"
  static let axis = "#333333"
  static let grid = "#DDDDDD"
  /// The actual path: Okabe–Ito blue, dark enough for greyscale.
  static let actual = "#0072B2"
  /// The target path, dashed.
  static let target = "#555555"
}
