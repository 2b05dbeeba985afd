import Triglot

/// What an input itself says about the article it is a version of, honoured before any pairing by content:
/// documents with equal keys are versions of one article.
enum ArticleKey: Hashable, Sendable {
    /// The article a JSONL line names in its `article` field.
    case named(String)
    /// The article id in the page's URL (``KnownCorrespondences/articleID(fromURL:)``).
    case url(String)
    /// The file's name without its language code (``KnownCorrespondences/fileNameKey(_:)``).
    case fileName(String)

    /// The form stored in the `article_id` column of `documents`: `article:…`, `url:…` or `file:…`.
    var stored: String {
        switch self {
        case .named(let id): return "article:" + id
        case .url(let id): return "url:" + id
        case .fileName(let stem): return "file:" + stem
        }
    }

    /// Reads the stored form; nil for text without one of the three prefixes.
    init?(stored: String) {
        guard let colon = stored.firstIndex(of: ":") else { return nil }
        let value = String(stored[stored.index(after: colon)...])
        switch stored[..<colon] {
        case "article": self = .named(value)
        case "url": self = .url(value)
        case "file": self = .fileName(value)
        default: return nil
        }
    }

    /// Whether the key comes from a file name, which is weaker evidence than an article id (its bundles say so).
    var isFileName: Bool {
        if case .fileName = self { return true }
        return false
    }
}
