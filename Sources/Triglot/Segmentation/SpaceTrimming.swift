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
    package var trimmingSpaces: String { String(trimmedOfSpaces) }

    /// The same text as a slice of this one (no string made).
    package var trimmedOfSpaces: Substring {
        // Most fields start and end with an ASCII letter, digit or mark: nothing to trim, and no scalar to read.
        let bytes = utf8
        if let first = bytes.first, let last = bytes.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceOrTab }) else { return self[endIndex...] }
        let last = scalars.lastIndex(where: { !$0.isSpaceOrTab })!
        return Substring(scalars[first...last])
    }
}

extension String {
    /// The text without the spaces and tabs around it (see ``Substring/trimmingSpaces``).
    package var trimmingSpaces: String { self[...].trimmingSpaces }
}
