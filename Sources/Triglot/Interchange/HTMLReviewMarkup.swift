import Foundation

/// Writes the markup of a ``ReviewPage``: the summary, the table of beads, and the entity data the script reads.
///
/// One pass over beads and units, appending to one string: linear in the size of the alignment.
struct ReviewMarkup {
    let page: ReviewPage
    private var out = ""

    init(page: ReviewPage) {
        self.page = page
    }

    /// What the summary counts.
    struct Figures {
        var beads = 0
        var links = 0
        var unaligned = 0
        /// Units outside every bead (every unit of a single version).
        var outside = 0
        var shapes: [(shape: String, count: Int)] = []
        var meanLinkConfidence: Double?
        var low: [Int] = []
        var crossing: [Int] = []
        /// Per version: units in beads of that version alone, and units of page furniture.
        var unalignedUnits: [Int] = []
        var furnitureUnits: [Int] = []
    }

    static func figures(of page: ReviewPage, crossing: [Bool]) -> Figures {
        var figures = Figures()
        var shapeCounts: [String: Int] = [:]
        var total = 0.0
        figures.unalignedUnits = Array(repeating: 0, count: page.versions.count)
        figures.furnitureUnits = page.versions.map { $0.units.filter { $0.kind.isPageFurniture }.count }
        for (k, bead) in page.rows.enumerated() {
            guard let confidence = bead.confidence else {
                figures.outside += 1
                continue
            }
            figures.beads += 1
            shapeCounts[bead.shape, default: 0] += 1
            if bead.isLink {
                figures.links += 1
                total += confidence
                if confidence < page.lowConfidence { figures.low.append(k) }
            } else {
                figures.unaligned += 1
                for (v, range) in bead.sentences.enumerated() where v < figures.unalignedUnits.count {
                    figures.unalignedUnits[v] += range.count
                }
            }
            if crossing[k] { figures.crossing.append(k) }
        }
        figures.shapes = shapeCounts.map { ($0.key, $0.value) }.sorted { ($0.count, $1.shape) > ($1.count, $0.shape) }
        figures.meanLinkConfidence = figures.links > 0 ? total / Double(figures.links) : nil
        return figures
    }

    mutating func document() -> String {
        let crossing = page.crossing
        let figures = Self.figures(of: page, crossing: crossing)
        out.reserveCapacity(4096 + page.versions.reduce(0) { $0 + $1.units.reduce(0) { $0 + $1.text.utf8.count + 80 } })
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"Triglot\"/>\n"
        out += "<title>\(escape(page.title))</title>\n"
        out += "<style>/*<![CDATA[*/\n\(ReviewAssets.style)/*]]>*/</style>\n</head>\n<body>\n"
        summary(figures)
        beads(crossing: crossing)
        out += "<div id=\"tip\" role=\"tooltip\" hidden=\"hidden\"></div>\n"
        out += "<script type=\"application/json\" id=\"review-data\">\(entityData())</script>\n"
        out += "<script>//<![CDATA[\n\(ReviewAssets.script)//]]></script>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Summary

    private mutating func summary(_ figures: Figures) {
        out += "<header>\n<h1>\(escape(page.title))</h1>\n<div class=\"summary\">\n"
        out += "<table class=\"versions\"><thead><tr><th>version</th><th>languages</th><th>units</th>"
        out += "<th>unaligned</th><th>boilerplate</th></tr></thead><tbody>\n"
        for (v, version) in page.versions.enumerated() {
            out += "<tr><td>\(v + 1). \(escape(version.label))</td><td>\(escape(languages(of: version)))</td>"
            out += "<td>\(version.units.count)</td><td>\(figures.unalignedUnits[v])</td><td>\(figures.furnitureUnits[v])</td></tr>\n"
        }
        out += "</tbody></table>\n<dl class=\"figures\">\n"
        out += "<dt>beads</dt><dd>\(figures.beads): \(figures.links) links, \(figures.unaligned) unaligned"
        out += (figures.outside > 0 ? "; \(figures.outside) units in no bead" : "") + "</dd>\n"
        out += "<dt>bead shapes</dt><dd>"
        out += figures.shapes.map { "<span class=\"shape\">\($0.shape) ×\($0.count)</span>" }.joined(separator: " ")
        out += "</dd>\n<dt>mean confidence</dt><dd>"
        out += figures.meanLinkConfidence.map { String(format: "%.3f", $0) + " (links)" } ?? "no links"
        out += "</dd>\n<dt>links under \(threshold)</dt><dd class=\"low-list\">\(figures.low.count)\(beadList(figures.low))</dd>\n"
        out += "<dt>crossing links</dt><dd>\(figures.crossing.count)\(beadList(figures.crossing))</dd>\n"
        out += "<dt>entities</dt><dd>\(entitySummary())</dd>\n</dl>\n"
        out += "<div class=\"legend\"><span>confidence</span> <span class=\"scale\" title=\"0 red, 1 green\"></span> "
        out += "<span class=\"muted\">0 → 1</span> <span class=\"sample low-sample\">link under \(threshold)</span> "
        out += "<span class=\"sample unaligned-sample\">unaligned</span> <span class=\"sample furniture-sample\">boilerplate</span> "
        out += "<span class=\"sample\">⤫ crossing</span> "
        for type in MentionType.allCases {
            out += "<mark class=\"e \(type.rawValue)\">\(type.rawValue)</mark> "
        }
        out += "<span class=\"muted\">(hover a mention: its value and its mentions in the other versions)</span>"
        out += "</div>\n<form class=\"filters\" action=\"#\">"
        out += "<label><input type=\"checkbox\" id=\"only-low\"/> only links under \(threshold)</label> "
        out += "<label><input type=\"checkbox\" id=\"hide-unaligned\"/> hide unaligned</label> "
        out += "<label><input type=\"checkbox\" id=\"hide-furniture\"/> hide boilerplate</label></form>\n"
        out += "</div>\n</header>\n"
    }

    private var threshold: String {
        let text = String(format: "%.2f", page.lowConfidence)
        return text.hasPrefix("0.") ? String(text.dropFirst()).replacingOccurrences(of: "0$", with: "", options: .regularExpression) : text
    }

    /// Links to the first beads of `list`.
    private func beadList(_ list: [Int]) -> String {
        guard !list.isEmpty else { return "" }
        let shown = list.prefix(40).map { "<a href=\"#b\($0)\">\($0)</a>" }.joined(separator: " ")
        return ": " + shown + (list.count > 40 ? " …" : "")
    }

    private func languages(of version: ReviewVersion) -> String {
        var counts: [Language: Int] = [:]
        for unit in version.units where unit.language.isDetermined && !unit.kind.isPageFurniture {
            counts[unit.language, default: 0] += unit.text.utf8.count
        }
        let ordered = counts.sorted { ($0.value, $1.key.code) > ($1.value, $0.key.code) }.map(\.key.code)
        return ordered.isEmpty ? "und" : ordered.joined(separator: " ")
    }

    private func entitySummary() -> String {
        guard !page.entities.isEmpty else { return "none" }
        let counts = MentionType.allCases.map { type in (type, page.entities.filter { $0.type == type }.count) }
            .filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", ")
        let linked = page.entities.filter { Set($0.mentions.map(\.version)).count > 1 }.count
        return "\(page.entities.count) (\(counts)); \(linked) linked across versions"
    }

    // MARK: - Beads

    private mutating func beads(crossing: [Bool]) {
        out += "<main>\n<table class=\"beads\">\n<colgroup><col class=\"n\"/><col class=\"c\"/>"
        out += String(repeating: "<col/>", count: page.versions.count) + "</colgroup>\n"
        out += "<thead><tr><th>bead</th><th>conf.</th>"
        for (v, version) in page.versions.enumerated() {
            out += "<th>\(v + 1). \(escape(version.label)) <span class=\"lang\">\(escape(languages(of: version)))</span></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (k, bead) in page.rows.enumerated() {
            var classes = ["bead", bead.isLink ? "link" : "unaligned"]
            if bead.isLink, let confidence = bead.confidence, confidence < page.lowConfidence { classes.append("low") }
            if crossing[k] { classes.append("crossing") }
            let units = bead.sentences.enumerated().flatMap { v, range in
                range.compactMap { s in page.versions.indices.contains(v) && page.versions[v].units.indices.contains(s) ? page.versions[v].units[s] : nil }
            }
            if !units.isEmpty && units.allSatisfy({ $0.kind.isPageFurniture }) { classes.append("furniture") }
            out += "<tr id=\"b\(k)\" class=\"\(classes.joined(separator: " "))\" data-shape=\"\(bead.shape)\">"
            out += "<td class=\"n\"><a href=\"#b\(k)\">\(k)</a></td>"
            if let confidence = bead.confidence {
                out += "<td class=\"c\" style=\"background-color:\(Self.colour(confidence))\">\(String(format: "%.3f", confidence))</td>"
            } else {
                out += "<td class=\"c none\">–</td>"
            }
            for v in page.versions.indices {
                let range = v < bead.sentences.count ? bead.sentences[v] : 0..<0
                guard !range.isEmpty else {
                    out += "<td class=\"v empty\"></td>"
                    continue
                }
                out += "<td class=\"v\">"
                for s in range where page.versions[v].units.indices.contains(s) { unit(page.versions[v].units[s], version: v, index: s) }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</main>\n"
    }

    /// The confidence colour: red at 0, yellow at .5, green at 1.
    static func colour(_ confidence: Double) -> String {
        let hue = Int((max(0, min(1, confidence)) * 120).rounded())
        return "hsl(\(hue),75%,82%)"
    }

    private mutating func unit(_ unit: ReviewVersion.Unit, version: Int, index: Int) {
        out += "<p class=\"u k-\(unit.kind.rawValue)\" data-v=\"\(version)\" data-s=\"\(index)\" lang=\"\(escape(unit.language.code))\">"
        if unit.marks.isEmpty {
            out += escape(unit.text)
        } else {
            let bytes = Array(unit.text.utf8)
            var position = 0
            for mark in unit.marks {
                out += escape(String(decoding: bytes[position..<mark.range.lowerBound], as: UTF8.self))
                let entity = page.entities[mark.entity]
                let alone = Set(entity.mentions.map(\.version)).count < 2 ? " alone" : ""
                out += "<mark class=\"e \(entity.type.rawValue)\(alone)\" data-e=\"\(mark.entity)\" tabindex=\"0\">"
                out += escape(String(decoding: bytes[mark.range], as: UTF8.self)) + "</mark>"
                position = mark.range.upperBound
            }
            out += escape(String(decoding: bytes[position...], as: UTF8.self))
        }
        out += "</p>"
    }

    // MARK: - Data for the script

    private struct PageData: Encodable {
        var versions: [String]
        var entities: [EntityData]
    }

    private struct EntityData: Encodable {
        var type: String
        var value: String
        var mentions: [MentionData]
    }

    private struct MentionData: Encodable {
        var version: Int
        var sentence: Int
        var language: String
        var text: String
        var value: String
    }

    /// The versions' labels and the entities with their mentions, as JSON safe inside a script element and XML.
    private func entityData() -> String {
        let data = PageData(
            versions: page.versions.map(\.label),
            entities: page.entities.map { entity in
                EntityData(type: entity.type.rawValue, value: entity.value, mentions: entity.mentions.map {
                    MentionData(version: $0.version, sentence: $0.sentence, language: $0.language.code, text: $0.text, value: $0.value.flat)
                })
            })
        let json = (try? JSONEncoder.stable().encode(data)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        // `<`, `>` and `&` appear only inside JSON strings, where their escapes mean the same.
        return json.replacingOccurrences(of: "&", with: "\\u0026").replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e")
    }

    private func escape(_ text: String) -> String { AlignmentWriter.escape(text) }
}
