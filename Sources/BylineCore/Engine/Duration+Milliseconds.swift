extension Duration {
  /// The duration in milliseconds, for `elapsed_ms`.
  var milliseconds: Double {
    Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
  }
}
