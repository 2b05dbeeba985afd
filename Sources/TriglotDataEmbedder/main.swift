// Turns the data files of `Sources/Triglot/Resources/` into Swift source, so that the library carries them in its
// code and the `triglot` executable needs nothing beside it. Run at build time by the `EmbedBundledData` plugin:
//
//     TriglotDataEmbedder FOLDER OUTPUT.swift FILE...
//
// Each FILE (a path inside FOLDER) becomes one entry of `BundledData.embedded`, named by its path relative to
// FOLDER, holding its exact bytes as a static string literal (no copy at run time). A file that cannot be read, is
// not UTF-8, or (for `.json`) is not JSON stops the build with a message naming the file.
import Foundation

/// A failure that names the data file at fault, in the `path: error: message` form build logs highlight.
struct EmbedError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): error: \(message)" }
}

/// The Swift string literal holding `text` exactly: every scalar that is not printable, plus `"` and `\`, escaped.
func literal(_ text: String) -> String {
    var out = "\""
    out.reserveCapacity(text.utf8.count + text.utf8.count / 8 + 2)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// The offset of the first byte that does not decode as UTF-8.
func firstInvalidUTF8(in data: Data) -> Int {
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = data.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &bytes) {
        case .valid(let encoded): offset += encoded.count
        case .emptyInput, .error: return offset
        }
    }
}

/// The text of the data file at `path`, checked.
func checkedText(of path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw EmbedError(path: path, message: "cannot read this data file")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
        throw EmbedError(path: path, message: "not UTF-8 text (first bad byte at offset \(firstInvalidUTF8(in: data))); "
                         + "Triglot's data files are UTF-8")
    }
    if path.hasSuffix(".json") {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw EmbedError(path: path, message: "not valid JSON: \(error.localizedDescription)")
        }
    }
    return text
}

func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count >= 3 else {
        throw EmbedError(path: arguments.first ?? "TriglotDataEmbedder", message: "usage: TriglotDataEmbedder FOLDER OUTPUT.swift FILE...")
    }
    let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL.path
    let output = arguments[2]
    var entries: [(name: String, text: String)] = []
    for path in arguments.dropFirst(3) {
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard full.hasPrefix(folder + "/") else { throw EmbedError(path: path, message: "not inside \(folder)") }
        entries.append((String(full.dropFirst(folder.count + 1)), try checkedText(of: full)))
    }
    entries.sort { $0.name < $1.name }
    var source = """
        // Generated at build time by TriglotDataEmbedder from the files of Sources/Triglot/Resources/.
        // Do not edit: edit the data files themselves and rebuild.

        extension BundledData {
            /// Every data file of `Resources/`, by its path inside that folder, in name order, as its exact UTF-8 bytes.
            static let embedded: [(name: String, contents: StaticString)] = [

        """
    for entry in entries {
        source += "        (\(literal(entry.name)), \(literal(entry.text))),\n"
    }
    source += "    ]\n}\n"
    let data = Data(source.utf8)
    // Unchanged output is not rewritten, so that the library is not recompiled for nothing.
    if FileManager.default.contents(atPath: output) != data {
        try data.write(to: URL(fileURLWithPath: output), options: .atomic)
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
