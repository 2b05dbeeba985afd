import Foundation

/// Page furniture known by its wording (`Resources/furniture.tsv`).
struct FurnitureLexicon: Sendable {
    struct Entry: Sendable {
        /// Whether the line opens the block of furniture after the article.
        var opensTail: Bool
        var language: Language
    }

    let entries: [String: Entry]
    /// Lines longer than this (in UTF-8 bytes) are not furniture: the longest pattern, with room for digits and
    /// doubled spaces.
    let longestLine: Int
    /// Every key by its hash (FNV-1a over its scalars), as scalars: a line is matched without making its key string.
    private let byHash: [UInt64: (key: [UInt32], entry: Entry)]

    init(entries: [String: Entry], longestLine: Int) {
        self.entries = entries
        self.longestLine = longestLine
        var byHash: [UInt64: (key: [UInt32], entry: Entry)] = [:]
        for (key, entry) in entries {
            let scalars = key.unicodeScalars.map(\.value)
            let hash = scalars.reduce(WordHasher.seed, WordHasher.combine)
            precondition(byHash[hash] == nil, "furniture.tsv: two keys with one hash")
            byHash[hash] = (scalars, entry)
        }
        self.byHash = byHash
    }

    static let standard: FurnitureLexicon = {
        var entries: [String: Entry] = [:]
        for line in ResourceFile.lines(named: "furniture", extension: "tsv") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 3, let language = Language(code: columns[1]) else {
                preconditionFailure("furniture.tsv: bad line \(line)")
            }
            entries[key(columns[2])] = Entry(opensTail: columns[0] == "tail", language: language)
        }
        return FurnitureLexicon(entries: entries, longestLine: (entries.keys.map(\.utf8.count).max() ?? 0) + 12)
    }()

    /// The matching key of a line: lower case, runs of white space as one space, runs of digits as '#'.
    static func key(_ line: String) -> String {
        var key = String.UnicodeScalarView()
        var lastWasSpace = true
        var lastWasDigit = false
        for scalar in line.unicodeScalars {
            if Scalars.isSpace(scalar.value) {
                if !lastWasSpace { key.append(" ") }
                lastWasSpace = true
                lastWasDigit = false
            } else if Scalars.isDigit(scalar.value) {
                if !lastWasDigit { key.append("#") }
                lastWasDigit = true
                lastWasSpace = false
            } else {
                key.append(Unicode.Scalar(Scalars.lowercased(scalar.value)) ?? scalar)
                lastWasSpace = false
                lastWasDigit = false
            }
        }
        if key.last == " " { key.removeLast() }
        return String(key)
    }

    func entry(for line: String) -> Entry? { entries[Self.key(line)] }

    /// The entry for the line at `span`, if it is furniture.
    func entry(in text: UTF8Text, _ span: Span) -> Entry? {
        var hash = WordHasher.seed
        Self.forEachKeyScalar(in: text, span) { hash = WordHasher.combine(hash, $0) }
        guard let candidate = byHash[hash] else { return nil }
        // The same hash: the same key, unless two lines collide in 64 bits; compared to be sure.
        var matched = 0
        var equal = true
        Self.forEachKeyScalar(in: text, span) { scalar in
            if matched < candidate.key.count && candidate.key[matched] == scalar { matched += 1 } else { equal = false }
        }
        return equal && matched == candidate.key.count ? candidate.entry : nil
    }

    /// Calls `body` with each scalar of ``key(_:)`` of the line at `span`, read from the bytes.
    @inline(__always)
    static func forEachKeyScalar(in text: UTF8Text, _ span: Span, _ body: (UInt32) -> Void) {
        var lastWasSpace = true
        var lastWasDigit = false
        var pendingSpace = false  // a space is written only if something follows it (the key drops a final one)
        var index = span.start
        while index < span.end {
            let (value, length) = text.scalar(at: index)
            index += length
            if Scalars.isSpace(value) {
                if !lastWasSpace { pendingSpace = true }
                lastWasSpace = true
                lastWasDigit = false
                continue
            }
            if pendingSpace {
                body(0x20)
                pendingSpace = false
            }
            if Scalars.isDigit(value) {
                if !lastWasDigit { body(0x23) }
                lastWasDigit = true
            } else {
                body(Scalars.lowercased(value))
                lastWasDigit = false
            }
            lastWasSpace = false
        }
    }
}

/// Decides what each paragraph is (body, heading, caption, dateline, boilerplate) from its wording, its shape and
/// its place on the page, and settles the language of paragraphs with too little evidence of their own.
struct ParagraphClassifier {
    let furniture: FurnitureLexicon

    struct Result {
        var kinds: [ParagraphKind]
        var languages: [Language]
        /// Paragraphs that are one sentence whatever their punctuation (image file names).
        var unbreakable: [Bool]
    }

    /// Lines this long or longer are never furniture, headings or datelines by shape alone.
    private static let shortLine = 160

    func classify(_ paragraphs: [RawParagraph], text: UTF8Text, detected: [Language]) -> Result {
        let count = paragraphs.count
        var kinds = [ParagraphKind](repeating: .body, count: count)
        var languages = detected
        var unbreakable = [Bool](repeating: false, count: count)
        var decided = [Bool](repeating: false, count: count)
        var tailMarkers: [Int] = []

        for (k, paragraph) in paragraphs.enumerated() {
            var span = paragraph.span
            // The page store's date prefix is not page text: the line is judged by what follows it.
            if let prefixEnd = StoreDatePrefix.end(in: text, paragraph: span) {
                let rest = text.skippingSpace(from: prefixEnd, to: span.end)
                if rest == span.end {
                    kinds[k] = .boilerplate
                    languages[k] = .undetermined
                    decided[k] = true
                    continue
                }
                span = Span(start: rest, end: span.end)
            }
            let short = span.length < Self.shortLine
            if span.length <= furniture.longestLine, let entry = furniture.entry(in: text, span) {
                kinds[k] = .boilerplate
                if entry.language.isDetermined || !hasLetters(span, in: text) { languages[k] = entry.language }
                decided[k] = true
                if entry.opensTail && k > 0 { tailMarkers.append(k) }
                continue
            }
            if short, let kind = Self.kindByWording(text, span) {
                kinds[k] = kind
                decided[k] = true
                if kind == .boilerplate, Self.isSourceLink(text, span), k > 0 { tailMarkers.append(k) }
                if Self.isImageFileName(text, span) { unbreakable[k] = true }
                if kind == .dateline { languages[k] = .undetermined }
                continue
            }
            if !short, Self.endsWithCaptionMark(text, span) {
                kinds[k] = .caption
                decided[k] = true
            }
        }

        markRepeatsAndBylines(&kinds, &decided, paragraphs: paragraphs.map { paragraph in
            // Judged without the page store's date prefix.
            var content = paragraph
            if let end = StoreDatePrefix.end(in: text, paragraph: paragraph.span) {
                content.span = Span(start: text.skippingSpace(from: end, to: paragraph.span.end), end: paragraph.span.end)
            }
            return content
        }, text: text)

        // The block of furniture after the article: from its first marker on, while lines stay short.
        // shortFrom[k]: every paragraph from k on is short (one backward pass, not one scan per marker).
        var shortFrom = [Bool](repeating: true, count: count + 1)
        for k in stride(from: count - 1, through: 0, by: -1) {
            shortFrom[k] = shortFrom[k + 1] && paragraphs[k].span.length < Self.shortLine
        }
        if let tail = tailMarkers.first(where: { shortFrom[$0] }) {
            for k in tail..<count { kinds[k] = .boilerplate; decided[k] = true }
        }
        // Bulleted menu items next to a player or another menu item (text-to-speech voice menus): a forward and a
        // backward sweep reach every item of a run of them.
        let menuItem = paragraphs.map { $0.span.length < 60 && isBulleted($0.span, in: text) }
        for k in Array(0..<count) + Array((0..<count).reversed()) where !decided[k] && menuItem[k] {
            if [k - 1, k + 1].contains(where: { $0 >= 0 && $0 < count && kinds[$0] == .boilerplate && decided[$0] }) {
                kinds[k] = .boilerplate
                decided[k] = true
            }
        }
        // A site's navigation written as a bulleted list: four items or more in a row, each of one to three words
        // behind a round or square bullet ("• News", "• World", "• icon facebook"). An article's own list items
        // say more, or are dashes.
        let navigationItem = paragraphs.map { paragraph in
            // The bullet counts as a word of its own.
            paragraph.span.length < 40 && isRoundBulleted(paragraph.span, in: text)
                && text.wordCount(in: paragraph.span.start..<paragraph.span.end) <= 4
        }
        var run = 0
        for k in 0...count {
            if k < count && navigationItem[k] { run += 1; continue }
            if run >= 4 { for j in k - run..<k where !decided[j] { kinds[j] = .boilerplate; decided[j] = true } }
            run = 0
        }

        // Headings: the title, lines in capitals, and short unpunctuated lines that introduce text.
        let firstContent = (0..<count).first { !decided[$0] }
        for k in 0..<count where !decided[k] {
            let span = paragraphs[k].span
            if span.length < 400 && isCaptionByCredit(span, in: text) {
                kinds[k] = .caption
                decided[k] = true
            } else if isHeading(k, paragraphs, text: text, isFirst: k == firstContent, kinds: kinds, decided: decided) {
                kinds[k] = .heading
                decided[k] = true
            }
        }

        settleLanguages(&languages, kinds: kinds, paragraphs: paragraphs, text: text)
        markTranslatedCaptions(&kinds, decided: decided, languages: languages, paragraphs: paragraphs)
        return Result(kinds: kinds, languages: languages, unbreakable: unbreakable)
    }

    // MARK: Wording

    private static let imageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff"]
        .map(CaselessPattern.init)
    private static let creditMarkers = [
        "photo:", "photo :", "photos:", "photos :", "photo by ", "photos by ", "ảnh:", "ảnh :", "ảnh tư liệu:",
        "ảnh minh họa", "ảnh minh hoạ", "crédit photo", "photo d'illustration", "illustrative photo",
        "illustration photo", "(photo", "(ảnh", "photo credit",
    ].map(CaselessPattern.init)
    /// First letters of the credit markers (a handful: a linear search beats hashing here).
    private static let creditInitials = Array(Set(creditMarkers.map { $0.scalars[0] }))
    private static let bylineStarts = [
        "article et photos", "texte et photos", "texte et photo", "bài và ảnh", "bài, ảnh", "text and photos",
        "story and photos", "article and photos", "thực hiện:", "thực hiện :",
    ].map(CaselessPattern.init)
    /// A compiler's credit closing a byline: "Hà Phương (tổng hợp)".
    private static let compilerCredit = CaselessPattern("(tổng hợp)")
    private static let sourceStarts = ["source", "nguồn", "lien source", "theo"].map(CaselessPattern.init)
    private static let webMarkers = ["http://", "https://", "www."].map(CaselessPattern.init)

    /// Kinds that the wording of a short line gives away.
    private static func kindByWording(_ text: UTF8Text, _ span: Span) -> ParagraphKind? {
        if isImageFileName(text, span) { return .boilerplate }
        if isPlayerClock(text, span) { return .boilerplate }
        if isSourceLink(text, span) || isBareURL(text, span) { return .boilerplate }
        if bylineStarts.contains(where: { text.hasPrefix($0, in: span.start..<span.end) }) { return .boilerplate }
        if text.hasSuffix(compilerCredit, in: span.start..<span.end),
           text.wordCount(in: span.start..<span.end) <= 6 { return .boilerplate }
        // Credits, signatures and syndication datelines on their own line; separators and empty image markup.
        if PhotoCredit.isCredit(text, span) || AgencySignature.isWhole(text, span) || AgencySignature.isAgencyLine(text, span)
            || SyndicationDateline.isWhole(text, span) || isMarkupOnly(text, span) { return .boilerplate }
        // Related links ("» …", ">> …"), breadcrumbs, "follow us" widgets, bare site names, numbered image labels.
        if isRelatedLink(text, span) || isSiteWidget(text, span) || isBareDomain(text, span)
            || ImageLabel.endsWithLabel(text, span) { return .boilerplate }
        if isDateline(text, span) || isTimedByline(text, span) { return .dateline }
        return nil
    }

    /// A separator line or leftover markup: no letter or digit, and at least three of `- = * _ | # [ ] ( ) < > ~`
    /// ("-----", "![]() |"); a lone "!" or "…" of dialogue stays text.
    private static func isMarkupOnly(_ text: UTF8Text, _ span: Span) -> Bool {
        var markup = 0
        var index = span.start
        while index < span.end {
            let (value, length) = text.scalar(at: index)
            if Scalars.isLetter(value) || Scalars.isDigit(value) { return false }
            if value < 0x80, "-=*_|#[]()<>~".utf8.contains(UInt8(value)) { markup += 1 }
            index += length
        }
        return markup >= 3 || markup == 1 && span.length == 1 && text.bytes[span.start] == 0x7C  // a lone "|"
    }

    /// ">> Les résultats du XIVe Congrès …": a link to another article (a French line opening with a closing
    /// guillemet "» " is dialogue, not a link).
    private static func isRelatedLink(_ text: UTF8Text, _ span: Span) -> Bool {
        span.length > 3 && text.bytes[span.start] == 0x3E && text.bytes[span.start + 1] == 0x3E
    }

    private static let widgetStarts: [(start: CaselessPattern, end: CaselessPattern?)] = [
        ("trang chủ", nil), ("home", nil), ("accueil", nil),
        ("theo dõi", " trên"), ("follow", " on"), ("suivez", " sur"),
    ].map { (CaselessPattern($0.0), $0.1.map(CaselessPattern.init)) }

    /// A breadcrumb ("Trang chủ Tiêu điểm", "Home / Politics") or a "follow us" widget ("Theo dõi Báo Nghệ An
    /// trên", "Follow VnExpress on"): short, no sentence punctuation.
    private static func isSiteWidget(_ text: UTF8Text, _ span: Span) -> Bool {
        let range = span.start..<span.end
        guard !Scalars.isTerminal(text.scalar(before: span.end).value) else { return false }
        return widgetStarts.contains { widget in
            text.hasPrefix(widget.start, in: range) && (widget.end.map { text.hasSuffix($0, in: range) }
                ?? (span.length == widget.start.utf8Count || Scalars.isSpace(text.scalar(at: span.start + widget.start.utf8Count).value)
                    || text.bytes[span.start + widget.start.utf8Count] == 0x2F || text.bytes[span.start + widget.start.utf8Count] == 0x3E))
        } && text.wordCount(in: range) <= 7  // counted last: the whole line is read
    }

    private static let domainEndings = [".vn", ".com", ".net", ".org", ".fr", ".info", ".gov"].map(CaselessPattern.init)

    /// "Dantri.com.vn", "Baoquocte.vn": a site's name as its domain, alone on a line.
    private static func isBareDomain(_ text: UTF8Text, _ span: Span) -> Bool {
        let range = span.start..<span.end
        return span.length <= 40 && domainEndings.contains { text.hasSuffix($0, in: range) }
            && text.wordCount(in: range) == 1
    }

    /// A byline that ends with a time of day: "Pham Bang November 3, 2025 12:54", "Duc Dung DNUM_AGZAGZCACF 11:05".
    static func isTimedByline(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length >= 7, span.length <= 80 else { return false }
        let b = text.bytes
        let end = span.end
        // "HH:MM" (or "H:MM") at the end, after a space.
        guard b[end - 1] >= 0x30 && b[end - 1] <= 0x39, b[end - 2] >= 0x30 && b[end - 2] <= 0x39, b[end - 3] == 0x3A,
              b[end - 4] >= 0x30 && b[end - 4] <= 0x39 else { return false }
        var k = end - 5
        if k > span.start, b[k] >= 0x30 && b[k] <= 0x39 { k -= 1 }
        guard k > span.start, b[k] == 0x20, text.wordCount(in: span.start..<span.end) <= 10 else { return false }
        // Words before it, none ending a sentence.
        var index = span.start
        while index < k {
            let (value, length) = text.scalar(at: index)
            if value == 0x21 || value == 0x3F || value == 0x3B { return false }
            index += length
        }
        return true
    }

    /// "bna_Overview ... Photo by Thanh Duy.jpeg": a scraped image file name.
    static func isImageFileName(_ text: UTF8Text, _ span: Span) -> Bool {
        guard let ext = imageExtensions.first(where: { text.hasSuffix($0, in: span.start..<span.end) }) else {
            return false
        }
        let stem = span.end - ext.utf8Count
        return stem > span.start + 1 && !Scalars.isSpace(text.scalar(before: stem).value)
    }

    /// "0:00 / 0:00", "12:30": an audio or video player's clock.
    private static func isPlayerClock(_ text: UTF8Text, _ span: Span) -> Bool {
        var colon = false
        for offset in span.start..<span.end {
            let byte = text.bytes[offset]
            if byte == 0x3A { colon = true; continue }
            if !(byte >= 0x30 && byte <= 0x39) && byte != 0x2F && byte != 0x20 { return false }
        }
        return colon
    }

    /// "Source : https://…", "Nguồn: https://…".
    static func isSourceLink(_ text: UTF8Text, _ span: Span) -> Bool {
        let range = span.start..<span.end
        return sourceStarts.contains { text.hasPrefix($0, in: range) }
            && webMarkers.contains { text.contains($0, in: range) }
    }

    private static func isBareURL(_ text: UTF8Text, _ span: Span) -> Bool {
        let range = span.start..<span.end
        return webMarkers.contains { text.hasPrefix($0, in: range) } && text.wordCount(in: range) == 1
    }

    /// A short line that carries a date (dd/mm/yyyy, yyyy-mm-dd or dd.mm.yyyy), possibly a time and a site
    /// name glued before it, and no sentence: "Việt NamViệt Nam29/08/2023", "Thứ Hai, 28/08/2023 18:59".
    static func isDateline(_ text: UTF8Text, _ span: Span) -> Bool {
        guard span.length <= 90, !".!?:;".utf8.contains(text.bytes[span.end - 1]),
              text.scalar(before: span.end).value != 0x2026 else {
            return false
        }
        let b = text.bytes
        func digits(_ at: Int, _ n: ClosedRange<Int>) -> Int? {
            var k = at
            while k < span.end, b[k] >= 0x30 && b[k] <= 0x39 { k += 1 }
            return n.contains(k - at) ? k : nil
        }
        for start in span.start..<span.end where b[start] >= 0x30 && b[start] <= 0x39
            && (start == span.start || !(b[start - 1] >= 0x30 && b[start - 1] <= 0x39)) {
            if let a = digits(start, 1...2), a < span.end, b[a] == 0x2F || b[a] == 0x2E || b[a] == 0x2D,
               let m = digits(a + 1, 1...2), m < span.end, b[m] == b[a], digits(m + 1, 4...4) != nil {
                return text.wordCount(in: span.start..<span.end) <= 10
            }
            if let a = digits(start, 4...4), a < span.end, b[a] == 0x2D,
               let m = digits(a + 1, 2...2), m < span.end, b[m] == 0x2D, digits(m + 1, 2...2) != nil {
                return text.wordCount(in: span.start..<span.end) <= 10
            }
        }
        return false
    }

    /// Whether a whole line is a dateline (see ``isDateline(_:_:)``).
    static func isDateline(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { buffer in
            buffer.isEmpty ? false : isDateline(UTF8Text(bytes: buffer), Span(start: 0, end: buffer.count))
        }
    }

    /// Captions marked by a trailing " |" (the layout of some provincial sites).
    private static func endsWithCaptionMark(_ text: UTF8Text, _ span: Span) -> Bool {
        span.length > 2 && text.bytes[span.end - 1] == 0x7C && Scalars.isSpace(text.scalar(before: span.end - 1).value)
    }

    private func isCaptionByCredit(_ span: Span, in text: UTF8Text) -> Bool {
        if Self.endsWithCaptionMark(text, span) { return true }
        var start = max(span.start, span.end - 90)
        // Every credit marker holds "photo" or "ảnh": look for their 'h' before trying the markers.
        var mentionsPhoto = false
        text.forEachOccurrence(of: UInt8(ascii: "h"), in: start + 1..<span.end) { h in
            guard !mentionsPhoto else { return }
            let b = text.bytes
            if b[h - 1] | 0x20 == UInt8(ascii: "p"), h + 3 < span.end, b[h + 1] | 0x20 == UInt8(ascii: "o"),
               b[h + 2] | 0x20 == UInt8(ascii: "t"), b[h + 3] | 0x20 == UInt8(ascii: "o") {
                mentionsPhoto = true
            } else if h >= start + 4, b[h - 1] == UInt8(ascii: "n"), b[h - 4] == 0xE1, b[h - 3] == 0xBA,
                      b[h - 2] == 0xA2 || b[h - 2] == 0xA3 {
                mentionsPhoto = true
            }
        }
        guard mentionsPhoto else { return false }
        while start < span.end && text.bytes[start] & 0xC0 == 0x80 { start += 1 }
        // One pass over the tail; a pattern is tried only where its first letter stands.
        var position = start
        while position < span.end {
            let (value, length) = text.scalar(at: position)
            let lower = Scalars.lowercased(value)
            if Self.creditInitials.contains(lower),
               Self.creditMarkers.contains(where: { $0.scalars[0] == lower && text.matches($0, at: position, limit: span.end) }) {
                return true
            }
            position += length
        }
        return false
    }

    // MARK: Shape and place

    /// Page material known by its place: the first copy of a line the page prints twice (an image's alt text, then
    /// its caption); an author's name next to the date line of a byline ("Hà Lê" above "23/01/2026, 16:24"); a
    /// section label as the page's first line ("Party Building", "Tiêu điểm") above a longer title.
    private func markRepeatsAndBylines(_ kinds: inout [ParagraphKind], _ decided: inout [Bool], paragraphs: [RawParagraph],
                                       text: UTF8Text) {
        let count = paragraphs.count
        // The first line that is not already furniture (after the store's date prefix, a date line).
        let firstContent = (0..<count).first { !(decided[$0] && kinds[$0].isPageFurniture) }
        for k in 0..<count where !decided[k] || kinds[k] == .caption {
            let span = paragraphs[k].span
            if k + 1 < count, span.length >= 20, Self.repeats(span, in: paragraphs[k + 1].span, text: text) {
                kinds[k] = .boilerplate
                decided[k] = true
                continue
            }
            guard !decided[k], Self.isShortLabel(span, in: text) else { continue }
            let nextToDate = [k - 1, k + 1].contains { $0 >= 0 && $0 < count && kinds[$0] == .dateline }
            let firstAboveTitle = k == firstContent && k + 1 < count && paragraphs[k + 1].span.length > 2 * span.length
            if nextToDate || firstAboveTitle {
                kinds[k] = .boilerplate
                decided[k] = true
            }
        }
    }

    /// Whether the text of `span` is the start of `next` (the same line printed twice, or alt text then the caption
    /// with its credit), compared without white-space differences.
    private static func repeats(_ span: Span, in next: Span, text: UTF8Text) -> Bool {
        guard next.length >= span.length else { return false }
        var a = span.start, b = next.start
        while a < span.end {
            guard b < next.end else { return false }
            let (x, xLength) = text.scalar(at: a)
            let (y, yLength) = text.scalar(at: b)
            if Scalars.isSpace(x) && Scalars.isSpace(y) {
                a = text.skippingSpace(from: a, to: span.end)
                b = text.skippingSpace(from: b, to: next.end)
                continue
            }
            guard x == y else { return false }
            a += xLength
            b += yLength
        }
        // The copy must end where a word ends in the longer line.
        return b == next.end || !Scalars.isLetter(text.scalar(at: b).value)
    }

    /// A short label: one to four capitalised words, no digits, no punctuation ("Hà Lê", "Party Building").
    private static func isShortLabel(_ span: Span, in text: UTF8Text) -> Bool {
        guard span.length <= 40, text.wordCount(in: span.start..<span.end) <= 4 else { return false }
        var index = span.start
        var wordStart = true
        while index < span.end {
            let (value, length) = text.scalar(at: index)
            if Scalars.isSpace(value) {
                wordStart = true
            } else {
                if wordStart && !Scalars.isUpper(value) { return false }
                if !Scalars.isLetter(value) && !(value >= 0x300 && value <= 0x36F) { return false }
                wordStart = false
            }
            index += length
        }
        return true
    }

    private func hasLetters(_ span: Span, in text: UTF8Text) -> Bool {
        var index = span.start
        while index < span.end {
            let (value, length) = text.scalar(at: index)
            if Scalars.isLetter(value) { return true }
            index += length
        }
        return false
    }

    /// Whether `span` starts with a round or square bullet (•, ●, ▪), not a dash or an asterisk.
    private func isRoundBulleted(_ span: Span, in text: UTF8Text) -> Bool {
        let first = text.scalar(at: span.start).value
        return first == 0x2022 || first == 0x25CF || first == 0x25AA
    }

    private func isBulleted(_ span: Span, in text: UTF8Text) -> Bool {
        let first = text.scalar(at: span.start).value
        return isRoundBulleted(span, in: text) || first == 0x2013 || first == 0x2D || first == 0x2A
    }

    /// Counts letters and upper-case letters in the first 300 bytes of `span`.
    private func letterCase(_ span: Span, in text: UTF8Text) -> (letters: Int, upper: Int) {
        var letters = 0
        var upper = 0
        var index = span.start
        let end = min(span.end, span.start + 300)
        while index < end {
            let (value, length) = text.scalar(at: index)
            if Scalars.isLetter(value) && !(value >= 0x300 && value <= 0x36F) {
                letters += 1
                if Scalars.isUpper(value) { upper += 1 }
            }
            index += length
        }
        return (letters, upper)
    }

    /// Whether the paragraph ends the way a sentence ends (stop, possibly behind closing quotes), or with : ;
    private func endsLikeSentence(_ span: Span, in text: UTF8Text) -> Bool {
        var end = span.end
        while end > span.start {
            let (value, previous) = text.scalar(before: end)
            if Scalars.isCloser(value) && value != 0xBB && value != 0x201D && value != 0x22 || Scalars.isSpace(value) {
                end = previous
            } else { break }
        }
        guard end > span.start else { return false }
        let last = text.scalar(before: end).value
        return Scalars.isTerminal(last) || last == 0x3A || last == 0x3B || last == 0x2C
    }

    private func stops(in span: Span, text: UTF8Text) -> Int {
        var count = 0
        var index = span.start
        while index < span.end - 1 {
            let byte = text.bytes[index]
            if (byte == 0x2E || byte == 0x21 || byte == 0x3F) && Scalars.isSpace(UInt32(text.bytes[index + 1])) { count += 1 }
            index += 1
        }
        return count
    }

    private func isHeading(_ k: Int, _ paragraphs: [RawParagraph], text: UTF8Text, isFirst: Bool,
                           kinds: [ParagraphKind], decided: [Bool]) -> Bool {
        let paragraph = paragraphs[k]
        let span = paragraph.span
        guard span.length < 320 else { return false }  // every heading rule below wants a short line
        let punctuated = endsLikeSentence(span, in: text)
        // Only the title may end like a sentence.
        guard !punctuated || (isFirst && paragraph.blankAfter) else { return false }
        let (letters, upper) = letterCase(span, in: text)
        guard letters >= 3 else { return false }
        // In capitals: "6 NHIỆM VỤ TRỌNG TÂM", "CRÉER L'UNITÉ, ...".
        if span.length < 240 && upper * 10 >= letters * 8 && letters >= 4 && !punctuated { return true }
        let first = text.scalar(at: span.start).value
        let startsWell = Scalars.isUpper(first) || Scalars.isDigit(first) || Scalars.isOpener(first)
        guard startsWell else { return false }
        // The title: the first line of the article, one sentence, set apart from what follows.
        if isFirst && span.length < 320 && stops(in: span, text: text) == 0
            && (!punctuated || paragraph.blankAfter) {
            return true
        }
        // A short line without final punctuation that introduces a longer paragraph.
        guard !punctuated, span.length < 150, stops(in: span, text: text) == 0, k + 1 < paragraphs.count,
              !decided[k + 1] || kinds[k + 1] == .caption
        else { return false }
        return text.wordCount(in: span.start..<span.end) <= 16 && paragraphs[k + 1].span.length > span.length
    }

    // MARK: Languages

    /// Gives paragraphs without enough evidence of their own the language of their neighbours, as a reader
    /// would ("Source" under an English article is English). Paragraphs with no letters stay undetermined.
    private func settleLanguages(_ languages: inout [Language], kinds: [ParagraphKind],
                                 paragraphs: [RawParagraph], text: UTF8Text) {
        let original = languages
        let count = languages.count
        let informative = (0..<count).map { original[$0].isDetermined && kinds[$0] != .dateline }
        // The nearest informative paragraph before and after each one, in two linear passes.
        var previous = [Int?](repeating: nil, count: count)
        var next = [Int?](repeating: nil, count: count)
        var last: Int?
        for k in 0..<count { previous[k] = last; if informative[k] { last = k } }
        last = nil
        for k in (0..<count).reversed() { next[k] = last; if informative[k] { last = k } }
        for k in languages.indices where !original[k].isDetermined && kinds[k] != .dateline
            && hasLetters(paragraphs[k].span, in: text) {
            let before = previous[k]
            let after = next[k]
            switch (before, after) {
            case let (b?, a?):
                if original[b] == original[a] { languages[k] = original[b] }
                else if kinds[a] == kinds[k] && kinds[b] != kinds[k] { languages[k] = original[a] }
                else { languages[k] = original[b] }
            case let (b?, nil): languages[k] = original[b]
            case let (nil, a?): languages[k] = original[a]
            case (nil, nil): break
            }
        }
    }

    /// A short line in a language other than the page's, next to a line of similar length in the page's
    /// language, with nothing else in its language around it: a caption printed with its translation.
    private func markTranslatedCaptions(_ kinds: inout [ParagraphKind], decided: [Bool], languages: [Language],
                                        paragraphs: [RawParagraph]) {
        var bytes = [0, 0, 0]
        for (k, paragraph) in paragraphs.enumerated() where kinds[k] == .body {
            if let slot = Language.identified.firstIndex(of: languages[k]) { bytes[slot] += paragraph.span.length }
        }
        guard let top = bytes.indices.max(by: { bytes[$0] < bytes[$1] }), bytes[top] > 0 else { return }
        let main = Language.identified[top]
        for k in paragraphs.indices where !decided[k] && kinds[k] == .body && languages[k] != main
            && languages[k].isDetermined && paragraphs[k].span.length < 300 {
            let isolated = [k - 1, k + 1].allSatisfy { $0 < 0 || $0 >= paragraphs.count || languages[$0] != languages[k] }
            guard isolated else { continue }
            for j in [k + 1, k - 1] where j >= 0 && j < paragraphs.count && !decided[j] && kinds[j] == .body
                && languages[j] == main {
                let ratio = Double(paragraphs[j].span.length) / Double(paragraphs[k].span.length)
                if ratio > 0.6 && ratio < 1.8 && paragraphs[j].span.length < 360 {
                    kinds[k] = .caption
                    kinds[j] = .caption
                    break
                }
            }
        }
    }
}
