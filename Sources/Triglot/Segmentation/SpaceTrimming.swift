extension Unicode.Scalar {
    /// A space or a tab: what Foundation's `CharacterSet.whitespaces` holds (Unicode's space separators, Zs, the
    /// tab, and the zero width space U+200B), so not line breaks.
    @inline(__always)
    var isSpaceOrTab: Bool {
        value == 0x20 || value == 0x09
            || (value >= 0x80 && (value == 0x200B || properties.generalCategory == .spaceSeparator))
    }
}

extension Substring {
    /// The text without the spaces and tabs around it (``Unicode/Scalar/isSpaceOrTab``): what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives, scalar for scalar, without its bridging cost. The one trimming
    /// helper of the package, for data files, gold files, command-line values and manifests alike.
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        return String(scalars[first...last])
    }
}

extension String {
    /// The text without the spaces and tabs around it (see ``Substring/trimmingSpaces``).
    package var trimmingSpaces: String { self[...].trimmingSpaces }
}
