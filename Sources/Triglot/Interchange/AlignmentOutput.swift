import Foundation

/// Ways to write an alignment.
public enum AlignmentFormat: String, CaseIterable, Sendable {
    /// One JSON object per bead: sentence indices, texts, languages, confidence.
    case jsonl
    /// vecalign's lines `[0, 1]:[2]:0.93` (two versions).
    case vecalign
    /// hunalign's ladder: one rung `source<TAB>target<TAB>confidence` where each bead starts, and a last rung
    /// at the ends (two versions).
    case ladder
    /// One bead per line: each version's text, then the confidence, tab-separated.
    case tsv
    /// TMX 1.4b: one `<tu>` per bead that links versions, with every language it holds.
    case tmx
    /// A self-contained review page, the versions side by side (``ReviewPage``).
    case html
}

/// Writes alignments; `sides` are the versions the beads point into.
public enum AlignmentWriter {
    /// A format that cannot hold the alignment given (vecalign lines and ladders hold two versions).
    public struct UnsupportedFormat: Error, CustomStringConvertible {
        public var description: String
    }

    /// The alignment in `format`, as one string; throws ``UnsupportedFormat`` for vecalign lines or a ladder of three versions.
    public static func write(_ alignment: Alignment, sides: [AlignmentSide], format: AlignmentFormat) throws -> String {
        switch format {
        case .jsonl: return jsonLines(alignment, sides: sides)
        case .vecalign:
            guard sides.count == 2 else { throw UnsupportedFormat(description: "vecalign lines hold two versions; use jsonl, tsv or tmx") }
            return alignment.beads.map { VecalignFormat.line($0) + "\n" }.joined()
        case .ladder:
            guard sides.count == 2 else { throw UnsupportedFormat(description: "a ladder holds two versions; use jsonl, tsv or tmx") }
            var lines = alignment.beads.map { "\($0.sentences[0].lowerBound)\t\($0.sentences[1].lowerBound)\t" + String(format: "%.6f", $0.confidence) }
            lines.append("\(alignment.sentenceCounts[0])\t\(alignment.sentenceCounts[1])\t1.000000")
            return lines.map { $0 + "\n" }.joined()
        case .tsv:
            return alignment.beads.map { bead in
                (zip(bead.sentences, sides).map { range, side in flat(range.map { side.sentences[$0] }.joined(separator: " ")) }
                    + [String(format: "%.6f", bead.confidence)]).joined(separator: "\t") + "\n"
            }.joined()
        case .tmx: return tmx(alignment, sides: sides)
        case .html: return ReviewPage(alignment: alignment, sides: sides).html()
        }
    }

    private struct Record: Encodable {
        var sentences: [[Int]]
        var texts: [String]
        var languages: [Language]
        var confidence: Double
    }

    private static func jsonLines(_ alignment: Alignment, sides: [AlignmentSide]) -> String {
        let encoder = JSONEncoder.stable()
        return alignment.beads.map { bead in
            let record = Record(
                sentences: bead.sentences.map { Array($0) },
                texts: zip(bead.sentences, sides).map { range, side in range.map { side.sentences[$0] }.joined(separator: " ") },
                languages: bead.sentences.enumerated().map { version, range in
                    range.isEmpty ? alignment.languages[version] : sides[version].languages[range.lowerBound]
                },
                confidence: (bead.confidence * 1_000_000).rounded() / 1_000_000)
            return String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n"
        }.joined()
    }

    /// TMX 1.4b, valid against its DTD: header attributes, `xml:lang` per variant, escaped text, bead order kept
    /// in `tuid`, confidence in a `prop`.
    private static func tmx(_ alignment: Alignment, sides: [AlignmentSide]) -> String {
        // The source language of every unit, or "*all*" when the first version switches language.
        let first = Set(sides.first?.languages ?? [])
        let source = first.count == 1 ? first.first!.code : "*all*"
        var out = tmxHeader(sourceLanguage: source)
        for (k, bead) in alignment.beads.enumerated() where bead.isLink {
            out += "    <tu tuid=\"\(k + 1)\">\n"
            out += "      <prop type=\"x-confidence\">\(String(format: "%.6f", bead.confidence))</prop>\n"
            for (range, side) in zip(bead.sentences, sides) where !range.isEmpty {
                let text = range.map { side.sentences[$0] }.joined(separator: " ")
                out += "      <tuv xml:lang=\"\(escape(side.languages[range.lowerBound].code))\"><seg>\(escape(flat(text)))</seg></tuv>\n"
            }
            out += "    </tu>\n"
        }
        out += tmxFooter
        return out
    }

    /// The start of a TMX 1.4b document, up to `<body>`: the header with every attribute the DTD requires.
    /// `sourceLanguage` is a language code, or `*all*` when units have no single source language.
    public static func tmxHeader(sourceLanguage: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="Triglot" creationtoolversion="1" segtype="sentence" o-tmf="Triglot" adminlang="en" \
        srclang="\(escape(sourceLanguage))" datatype="plaintext"/>
          <body>

        """
    }

    /// The end of a TMX document.
    public static let tmxFooter = "  </body>\n</tmx>\n"

    /// Text for XML: markup characters escaped, characters XML 1.0 forbids removed.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000 {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The text on one line (tabs and line breaks as spaces), for line-based formats.
    public static func flat(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0 == "\t" || $0 == "\n" || $0 == "\r" || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0x85 ? " " : $0
        }))
    }
}
