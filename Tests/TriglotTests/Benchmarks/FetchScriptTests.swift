import Foundation
import Testing

/// `Benchmarks/data/fetch.sh`: copies (`--from`) or downloads the public gold sets, lays them out and verifies
/// every file against `Benchmarks/data/sets.tsv`. The download path is exercised against a local mirror (a
/// `file://` base in the raw-file layout OWNER/REPO/COMMIT/PATH) built from the copy of the data beside the checkout.
@Suite(.enabled(if: FetchScript.canRun, "needs bash and ../shared/data/alignment"))
struct FetchScriptTests {
    @Test func copiesASetFromALocalFolderAndVerifiesEveryFile() throws {
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--from", TestPaths.alignmentData.path, "--dest", dest.url.path, "textberg_de-fr"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stdout.contains("textberg_de-fr: installed in"), "\(run.output)")
        let listed = try FetchScript.files(of: "textberg_de-fr")
        #expect(listed.count == 25)
        #expect(run.stdout.contains("\(listed.count) files verified"))
        for path in listed {
            let copy = dest.appending("textberg_de-fr/\(path)")
            let original = TestPaths.alignmentData.appendingPathComponent("textberg_de-fr/\(path)")
            #expect(FileManager.default.contents(atPath: copy.path) == FileManager.default.contents(atPath: original.path),
                    "\(path) differs from the original")
        }
        // Only the listed files: the original's published outputs are not part of the set.
        #expect(!FileManager.default.fileExists(atPath: dest.appending("textberg_de-fr/published_outputs").path))
        #expect(try String(contentsOf: dest.appending(".gitignore"), encoding: .utf8).contains("*"))

        // Run again: the installed set verifies and is kept.
        let again = try FetchScript.run(["--from", TestPaths.alignmentData.path, "--dest", dest.url.path, "textberg_de-fr"])
        #expect(again.status == 0 && again.stdout.contains("already in"), "\(again.output)")
    }

    @Test func refusesACorruptedFileWithAClearMessageAndLeavesNoPartialSet() throws {
        let source = try FetchScript.copyOfSet("textberg_de-fr")
        let corrupted = source.appending("textberg_de-fr/gold/test3.txt")
        var bytes = try Data(contentsOf: corrupted)
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: corrupted)
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--from", source.url.path, "--dest", dest.url.path, "textberg_de-fr"])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stderr.contains("textberg_de-fr: checksum mismatch for gold/test3.txt: expected sha256 "), "\(run.output)")
        #expect(run.stderr.contains("NOT installed"), "\(run.output)")
        let leftovers = try FetchScript.leftovers(in: dest)
        #expect(leftovers.isEmpty, "a partial set was left: \(leftovers)")
    }

    @Test func refusesAMissingFile() throws {
        let source = try FetchScript.copyOfSet("textberg_de-fr")
        try FileManager.default.removeItem(at: source.appending("textberg_de-fr/fr/dev.txt"))
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--from", source.url.path, "--dest", dest.url.path, "textberg_de-fr"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("textberg_de-fr: fr/dev.txt is missing"), "\(run.output)")
        #expect(try FetchScript.leftovers(in: dest).isEmpty)
    }

    @Test func replacesAnInstalledSetThatNoLongerVerifies() throws {
        let dest = try TemporaryFolder("fetch-dest")
        #expect(try FetchScript.run(["--from", TestPaths.alignmentData.path, "--dest", dest.url.path, "hunalign-dtm_hu-en"]).status == 0)
        try Data("changed\n".utf8).write(to: dest.appending("hunalign-dtm_hu-en/en/dtm.txt"))
        let run = try FetchScript.run(["--from", TestPaths.alignmentData.path, "--dest", dest.url.path, "hunalign-dtm_hu-en"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.stderr.contains("does not match sets.tsv; replacing it"), "\(run.output)")
        let restored = try Data(contentsOf: dest.appending("hunalign-dtm_hu-en/en/dtm.txt"))
        #expect(restored == FileManager.default.contents(atPath: TestPaths.alignmentData.appendingPathComponent("hunalign-dtm_hu-en/en/dtm.txt").path))
    }

    @Test func rejectsAnUnknownSet() throws {
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--dest", dest.url.path, "no-such-set"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no set named no-such-set"), "\(run.output)")
    }

    @Test func listsEverySetWithItsSourceAndLicence() throws {
        let run = try FetchScript.run(["--list"])
        #expect(run.status == 0, "\(run.output)")
        for name in ["textberg_de-fr", "parice_en-is", "mac-test_zh-en", "hunalign-1984_hu-en", "hunalign-1984_ro-en",
                     "hunalign-steinbeck_hu-en", "hunalign-dtm_hu-en", "iwslt15-ted_en-vi-seg", "iwslt15-ted_en-vi-resplit",
                     "ted_en-fr-seg", "ted_en-fr-resplit", "news-dev"] {
            #expect(run.stdout.contains(name + "\t"), "\(name) is not listed")
        }
        #expect(run.stdout.contains("licence: CC BY 4.0"))
        #expect(run.stdout.contains("source: https://github.com/thompsonb/vecalign @ f37262758955133d0c9ef1fdff45eba25842a62c"))
    }

    /// The recipes (renaming, re-encoding, ladder to beads, TED XML to segments and re-split sentences) rebuild
    /// the sets byte for byte from their upstream files.
    @Test(.enabled(if: FetchScript.canDownload, "needs curl, iconv and python3"))
    func downloadsLaysOutAndVerifiesSetsFromTheirUpstreamFiles() throws {
        let mirror = try FetchScript.mirror()
        let dest = try TemporaryFolder("fetch-dest")
        let sets = ["textberg_de-fr", "hunalign-dtm_hu-en", "ted_en-fr-seg", "ted_en-fr-resplit"]
        let run = try FetchScript.run(["--dest", dest.url.path] + sets,
                                      environment: ["TRIGLOT_FETCH_RAW_BASE": mirror.url.absoluteString])
        #expect(run.status == 0, "\(run.output)")
        for set in sets {
            #expect(run.stdout.contains("\(set): installed in"), "\(set): \(run.output)")
            let gold = try FileManager.default.contentsOfDirectory(atPath: dest.appending("\(set)/gold").path)
            #expect(!gold.isEmpty)
        }
    }

    @Test(.enabled(if: FetchScript.canDownload, "needs curl, iconv and python3"))
    func refusesADownloadedFileThatDiffersFromTheListedChecksum() throws {
        let mirror = try FetchScript.mirror()
        let commit = try FetchScript.commit(of: "textberg_de-fr")
        let upstream = mirror.appending("thompsonb/vecalign/\(commit)/bleualign_data/test5.fr")
        try (try Data(contentsOf: upstream) + Data("une phrase de trop\n".utf8)).write(to: upstream)
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--dest", dest.url.path, "textberg_de-fr"],
                                      environment: ["TRIGLOT_FETCH_RAW_BASE": mirror.url.absoluteString])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stderr.contains("checksum mismatch for fr/test5.txt"), "\(run.output)")
        #expect(try FetchScript.leftovers(in: dest).isEmpty)
    }

    @Test(.enabled(if: FetchScript.canDownload, "needs curl, iconv and python3"))
    func reportsAFileThatCannotBeDownloaded() throws {
        let mirror = try FetchScript.mirror()
        let commit = try FetchScript.commit(of: "textberg_de-fr")
        try FileManager.default.removeItem(at: mirror.appending("thompsonb/vecalign/\(commit)/bleualign_data/LICENSE"))
        let dest = try TemporaryFolder("fetch-dest")
        let run = try FetchScript.run(["--dest", dest.url.path, "textberg_de-fr"],
                                      environment: ["TRIGLOT_FETCH_RAW_BASE": mirror.url.absoluteString])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.stderr.contains("cannot download https://github.com/thompsonb/vecalign @ \(commit): bleualign_data/LICENSE"),
                "\(run.output)")
        #expect(try FetchScript.leftovers(in: dest).isEmpty)
    }

    @Test func listsAChecksumForEveryFileOfEverySet() throws {
        let manifest = try String(contentsOf: FetchScript.manifest, encoding: .utf8)
        let rows: [[Substring]] = manifest.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let sets = rows.filter { $0.first == "set" }
        #expect(sets.count == 12)
        for set in sets {
            #expect(set.count == 6, "set row: \(set)")
            let files = rows.filter { $0.first == "file" && $0[1] == set[1] }
            #expect(!files.isEmpty, "\(set[1]) lists no files")
            #expect(files.allSatisfy { $0.count == 4 && $0[3].count == 64 && $0[3].allSatisfy(\.isHexDigit) })
        }
    }
}

struct ManifestError: Error, CustomStringConvertible { var description: String }

/// Running the script, and the data it works on.
enum FetchScript {
    static let script = TestPaths.packageRoot.appendingPathComponent("Benchmarks/data/fetch.sh")
    static let manifest = TestPaths.packageRoot.appendingPathComponent("Benchmarks/data/sets.tsv")

    static var canRun: Bool {
        ExternalCommand.isInstalled("bash") && FileManager.default.fileExists(atPath: TestPaths.alignmentData.path)
    }

    static var canDownload: Bool { canRun && ["curl", "iconv", "python3"].allSatisfy(ExternalCommand.isInstalled) }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalCommand.Run {
        try ExternalCommand.run(["bash", script.path] + arguments, environment: environment, timeout: 120)
    }

    /// The paths listed for `set` in sets.tsv.
    static func files(of set: String) throws -> [String] {
        try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            return columns.count == 4 && columns[0] == "file" && columns[1] == set ? String(columns[2]) : nil
        }
    }

    /// The pinned commit of `set` in sets.tsv.
    static func commit(of set: String) throws -> String {
        let lines = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let columns: [Substring] = line.split(separator: "\t", omittingEmptySubsequences: false)
            if columns.count == 6 && columns[0] == "set" && columns[1] == set { return String(columns[3]) }
        }
        throw ManifestError(description: "sets.tsv has no set row for \(set)")
    }

    /// What is left in a destination folder besides its `.gitignore`: sets and staging folders.
    static func leftovers(in dest: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dest.url.path).filter { $0 != ".gitignore" }.sorted()
    }

    /// A writable copy of one set of the shared data, in a folder of its own.
    static func copyOfSet(_ set: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("fetch-source")
        let copy = try ExternalCommand.run(["cp", "-R", TestPaths.alignmentData.appendingPathComponent(set).path, folder.url.path])
        #expect(copy.status == 0, "\(copy.output)")
        #expect(try ExternalCommand.run(["chmod", "-R", "u+w", folder.url.path]).status == 0)
        return folder
    }

    /// Upstream files rebuilt from the shared copies, where GitHub's raw files would be: Text+Berg renamed back,
    /// the DTM texts back in ISO-8859-2 with CR LF line ends, the TED XML files as they are (the shared copies
    /// keep them).
    static func mirror() throws -> TemporaryFolder {
        let mirror = try TemporaryFolder("fetch-mirror")
        let script = """
        set -euo pipefail
        m=$1 s=$2 vecalign=$3 hunalign=$4 parcor=$5
        v="$m/thompsonb/vecalign/$vecalign/bleualign_data"; mkdir -p "$v"
        for f in "$s"/textberg_de-fr/gold/*.txt; do
            d=$(basename "$f" .txt)
            cp "$s/textberg_de-fr/de/$d.txt" "$v/$d.de"; cp "$s/textberg_de-fr/fr/$d.txt" "$v/$d.fr"; cp "$f" "$v/$d.defr"
        done
        cp "$s/textberg_de-fr/LICENSE.bleualign_data" "$v/LICENSE"
        h="$m/danielvarga/hunalign/$hunalign/regtest/handaligns/dtm"; mkdir -p "$h"
        iconv -f UTF-8 -t ISO-8859-2 <"$s/hunalign-dtm_hu-en/hu/dtm.txt" | sed 's/$/\\r/' >"$h/hu.sen"
        iconv -f UTF-8 -t ISO-8859-2 <"$s/hunalign-dtm_hu-en/en/dtm.txt" | sed 's/$/\\r/' >"$h/en.sen"
        cp "$s/hunalign-dtm_hu-en/gold/dtm.hand.ladder" "$h/hand.ladder"
        cp "$s/hunalign-dtm_hu-en/README.upstream.txt" "$h/README"
        p="$m/chardmeier/parcor-full/$parcor/corpus"; mkdir -p "$p/TED/FR/Source" "$p/DiscoMT/FR/Source"
        cp "$s"/ted_en-fr-seg/orig_xml/IWSLT13.* "$p/TED/FR/Source/"
        cp "$s"/ted_en-fr-seg/orig_xml/DiscoMT2015.* "$p/DiscoMT/FR/Source/"
        chmod -R u+w "$m"
        """
        let run = try ExternalCommand.run(["bash", "-c", script, "mirror", mirror.url.path, TestPaths.alignmentData.path,
                                           try commit(of: "textberg_de-fr"), try commit(of: "hunalign-dtm_hu-en"),
                                           try commit(of: "ted_en-fr-seg")])
        #expect(run.status == 0, "\(run.output)")
        return mirror
    }
}
