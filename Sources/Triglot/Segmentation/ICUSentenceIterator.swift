import Synchronization
import TriglotICU

/// Errors from ICU itself (not from the input): a missing locale or an ICU data problem.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// The ICU call that failed.
    public let operation: String
    /// ICU's error code (`UErrorCode`).
    public let code: Int32
    public var description: String {
        "ICU \(operation) failed: \(String(validatingCString: tg_error_name(code)) ?? "error \(code)")"
    }
}

/// A sentence boundary as ICU reports it: the UTF-8 offset where the next sentence starts, and ICU's rule status
/// (0..<100: after . ! ?; 100..<200: after a line separator).
struct ICUBoundary {
    var offset: Int
    var status: Int32
}

/// ICU's sentence break iterator for one locale, over UTF-8 buffers. Not thread-safe: one per task.
final class ICUSentenceIterator: @unchecked Sendable {  // used by one task at a time (see ICUIteratorPool)
    private let breaker: OpaquePointer
    let locale: String
    private var offsets: [Int64] = []
    private var statuses: [Int32] = []

    init(locale: String) throws {
        var status: Int32 = 0
        guard let breaker = tg_sentence_breaker_open(locale, &status) else {
            throw ICUError(operation: "opening a sentence iterator for \"\(locale)\"", code: status)
        }
        self.breaker = breaker
        self.locale = locale
    }

    deinit { tg_breaker_close(breaker) }

    /// Appends to `result` ICU's sentence boundaries in `bytes[range]`, as UTF-8 offsets into `bytes`, each with its
    /// rule status (the last is `range.upperBound`). ICU reads the range converted to UTF-16, or through its own
    /// UTF-8 reader when `readingUTF8` is set (slower; the same boundaries).
    func appendBoundaries(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, readingUTF8: Bool = false,
                          to result: inout [ICUBoundary]) throws {
        guard !range.isEmpty, let base = bytes.baseAddress else { return }
        var status: Int32 = 0
        let start = base + range.lowerBound
        let length = Int64(range.count)
        var capacity = max(16, range.count / 64)
        while true {
            if offsets.count < capacity {
                offsets = [Int64](repeating: 0, count: capacity)
                statuses = [Int32](repeating: 0, count: capacity)
            }
            let found = offsets.withUnsafeMutableBufferPointer { o in
                statuses.withUnsafeMutableBufferPointer { s in
                    tg_sentence_boundaries(breaker, start, length, readingUTF8 ? 1 : 0, o.baseAddress, s.baseAddress, Int64(o.count), &status)
                }
            }
            if found < 0 { throw ICUError(operation: "sentence breaking", code: status) }
            if found <= offsets.count {
                for k in 0..<Int(found) {
                    result.append(ICUBoundary(offset: range.lowerBound + Int(offsets[k]), status: statuses[k]))
                }
                return
            }
            capacity = Int(found)
        }
    }

    /// The number of ICU sentence boundaries in `bytes`, recording nothing: bare ICU, for benchmarks. ICU reads the
    /// bytes through its UTF-8 reader when `readingUTF8` is set, else converted to UTF-16.
    func countBoundaries(in bytes: UnsafeBufferPointer<UInt8>, readingUTF8: Bool) throws -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var status: Int32 = 0
        let count = tg_count_sentence_boundaries(breaker, base, Int64(bytes.count), readingUTF8 ? 1 : 0, &status)
        if count < 0 { throw ICUError(operation: "sentence breaking", code: status) }
        return Int(count)
    }

    /// The version of the system ICU, e.g. "72.1".
    static var icuVersion: String {
        var buffer = [CChar](repeating: 0, count: 32)
        tg_icu_version(&buffer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// ICU's bare sentence iteration over UTF-8 text, without any of Triglot's corrections: the baseline against
/// which benchmarks measure what segmentation costs on top of ICU.
public struct BareICUSentenceCounter {
    /// How ICU reads the UTF-8 text.
    public enum Reading: Sendable {
        /// Through ICU's UTF-8 text reader (`utext_openUTF8`), which converts to UTF-16 piece by piece as it goes.
        case utf8Reader
        /// Converted to UTF-16 in one go first (the conversion counts in the time), as ``Segmenter`` does.
        case convertedToUTF16
    }

    private let iterator: ICUSentenceIterator
    private let reading: Reading

    /// A counter with ICU's sentence rules for `locale`; throws ``ICUError`` if ICU cannot open them.
    public init(locale: String = "en", reading: Reading = .utf8Reader) throws {
        iterator = try ICUSentenceIterator(locale: locale)
        self.reading = reading
    }

    /// The number of sentences ICU finds in `text`.
    public func count(_ text: String) throws -> Int {
        var text = text
        return try text.withUTF8 { try iterator.countBoundaries(in: $0, readingUTF8: reading == .utf8Reader) }
    }

    /// The version of the system ICU in use, e.g. "72.1".
    public static var icuVersion: String { ICUSentenceIterator.icuVersion }
}

/// Idle ICU iterators by locale, so that segmenting many short articles does not open an iterator for each.
/// An iterator is used by one task at a time: it is taken out of the pool for the length of one segmentation.
final class ICUIteratorPool: Sendable {
    private let idle = Mutex<[String: [ICUSentenceIterator]]>([:])
    /// Iterators kept per locale at most (more are closed when returned).
    private let limit = 16

    /// An iterator for `locale`: an idle one, or a new one.
    func take(locale: String) throws -> ICUSentenceIterator {
        if let iterator = idle.withLock({ $0[locale]?.popLast() }) { return iterator }
        return try ICUSentenceIterator(locale: locale)
    }

    /// Gives iterators back once a segmentation is done with them.
    func giveBack(_ iterators: some Sequence<ICUSentenceIterator>) {
        idle.withLock { idle in
            for iterator in iterators where idle[iterator.locale, default: []].count < limit {
                idle[iterator.locale, default: []].append(iterator)
            }
        }
    }
}
