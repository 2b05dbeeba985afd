import Foundation

/// Correspondences the input already states, honoured before any pairing by anchors.
public enum KnownCorrespondences {
    /// The article a file name stands for when it carries a language code before its extension
    /// (`1029-TB-TU.vi.txt`, `1029-TB-TU_en.txt`, `1029-TB-TU-fr.txt` → `1029-TB-TU`), with the folder kept so that
    /// files in different folders never match. `nil` for names without a language code.
    public static func fileNameKey(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        for separator: Character in [".", "_", "-"] {
            guard let cut = stem.lastIndex(of: separator) else { continue }
            let code = stem[stem.index(after: cut)...].lowercased()
            let base = stem[..<cut]
            guard !base.isEmpty, Self.languageCodes.contains(code) else { continue }
            return url.deletingLastPathComponent().path + "/" + base
        }
        return nil
    }

    /// The article id in a news URL: the last run of at least five digits in its path, which news sites keep
    /// across their language editions (`baonghean.vn/en/...-10262346.html`, `baonghean.vn/fr/...-10262346.html`),
    /// qualified by the site's host without `www.` and language subdomains. `nil` when the URL has no such id.
    public static func articleID(fromURL text: String) -> String? {
        guard let url = URL(string: text.trimmingSpaces), var host = url.host?.lowercased() else {
            return nil
        }
        let labels = host.split(separator: ".")
        if labels.count > 2, let first = labels.first, first == "www" || Self.languageCodes.contains(String(first)) {
            host = labels.dropFirst().joined(separator: ".")
        }
        let best = url.path.split { !($0.isASCII && $0.isNumber) }.last { $0.count >= 5 }
        return best.map { host + "#" + $0 }
    }

    /// Groups the items that share a key, keeping input order; items without a key and keys held by one item only
    /// are left out.
    public static func groups<Key: Hashable>(_ keys: [Key?]) -> [[Int]] {
        var order: [Key] = []
        var members: [Key: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            guard let key else { continue }
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(index)
        }
        return order.compactMap { members[$0]!.count > 1 ? members[$0] : nil }
    }

    private static let languageCodes: Set<String> = ["vi", "fr", "en", "vn", "de", "zh", "ja", "ko", "ru", "es", "lo", "km"]
}
