import Foundation
import Triglot

/// Settings of a batch run.
public struct BatchOptions: Sendable {
    /// Articles processed at once (default: one per core).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Inputs larger than this are recorded as errors (`too-large`).
    public var maximumBytes = 64 << 20
    /// Groups of inputs known to be versions of one article (paths or keys, as given), honoured before pairing.
    public var manifest: [[String]] = []
    /// Called as each input is read and each record is stored (from the run's own task, in order); the library
    /// writes nothing itself. `nil`: no progress reported.
    public var progress: (@Sendable (BatchProgress) -> Void)?
    /// The segmenter every input goes through.
    public var segmenter = Segmenter()
    /// How documents are grouped into article bundles by shared anchors.
    public var pairer = DocumentPairer()
    /// How each bundle is aligned and its mentions extracted and linked.
    public var processor = ArticleProcessor()

    /// The default settings: one job per core, inputs up to 64 MiB, no manifest, no progress.
    public init() {}
}

/// What a batch run did.
public struct BatchSummary: Sendable, Codable, CustomStringConvertible {
    /// Inputs found.
    public var inputs = 0
    /// Inputs stored as documents in this run.
    public var stored = 0
    /// Inputs skipped because the store already holds them.
    public var skipped = 0
    /// Inputs recorded as errors in this run.
    public var errors = 0
    /// Files inside folders that are not inputs (not `.txt` or `.jsonl`).
    public var ignored = 0
    /// Records written in this run, by number of versions.
    public var singles = 0
    /// Records of two versions written in this run.
    public var pairs = 0
    /// Records of three versions written in this run.
    public var triples = 0
    /// Beads and linked mentions written in this run.
    public var beads = 0
    /// Beads written in this run that link at least two versions.
    public var links = 0
    /// Mentions written in this run.
    public var mentions = 0
    /// Wall-clock time of the run, in seconds.
    public var seconds = 0.0
    /// The errors of this run: input and reason.
    public var failures: [String] = []

    public var description: String {
        var lines = [
            "inputs \(inputs): \(stored) stored, \(skipped) already stored, \(errors) errors" + (ignored > 0 ? " (\(ignored) other files in the folders ignored)" : ""),
            "records \(singles + pairs + triples): \(triples) triples, \(pairs) pairs, \(singles) alone",
            "beads \(beads) (\(links) linking versions), mentions \(mentions)",
            String(format: "time %.2f s", seconds),
        ]
        lines += failures.map { "error: \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// Turns a corpus into a store: reads and segments every input (all cores, in bounded memory), finds which
/// documents are versions of one article, aligns and extracts each bundle, and writes everything to SQLite.
///
/// Resumable and idempotent: inputs already stored are skipped, bundles already written are kept, and since every
/// document and every record is written in its own transaction, a run killed at any moment and run again ends
/// with the same store as an uninterrupted run. Every input ends as a document or as a row in `errors`.
public struct BatchRunner: Sendable {
    /// The settings of the runs.
    public var options: BatchOptions

    /// A runner with `options`.
    public init(options: BatchOptions = BatchOptions()) {
        self.options = options
    }

    /// Reads the files and folders at `paths` into `store`, pairs the documents, and writes a record per article;
    /// returns what the run did. Inputs that cannot be read become rows of `errors` and are counted, not thrown;
    /// it throws only when the store itself fails.
    public func run(_ paths: [String], store: Store) async throws -> BatchSummary {
        let clock = Date()
        var summary = BatchSummary()
        let collection = InputCollector().collect(paths)
        summary.ignored = collection.ignored
        summary.inputs = collection.inputs.count
        for failure in collection.failures {
            try store.record(failure, source: failure.key)
            summary.errors += 1
            summary.failures.append(failure.message)
        }

        // 1. Read and segment what the store lacks; one transaction per document, in input order.
        let known = try store.storedKeys()
        let todo = collection.inputs.filter { !known.contains($0.key) }
        summary.skipped = collection.inputs.count - todo.count
        let reading = ProgressCounter(stage: .reading, total: todo.count, handler: options.progress)
        var profiles: [Int64: PairingProfile] = [:]
        try await prepare(todo) { k, result in
            switch result {
            case .success(let document):
                profiles[try store.insert(document)] = document.profile
                summary.stored += 1
            case .failure(let failure):
                try store.record(failure, source: todo[k].key)
                summary.errors += 1
                summary.failures.append(failure.message)
            }
            reading.update(k + 1)
        }

        // 2. Pair the documents no record holds yet, and plan their records in one transaction.
        let free = try store.unbundledDocuments(known: profiles)
        if !free.isEmpty {
            try store.plan(bundles(of: free))
        }

        // 3. Align and extract each planned record; one transaction per record, in plan order.
        let planned = try store.plannedRecords()
        let processing = ProgressCounter(stage: .aligning, total: planned.count, handler: options.progress)
        let processor = options.processor
        try await forEachInOrder(planned, width: options.jobs, transform: { plan in
            Result { try Self.process(plan, store: store, processor: processor) }
        }, consume: { k, result in
            let completed = try result.get()
            try store.complete(completed)
            switch completed.documents.count {
            case 1: summary.singles += 1
            case 2: summary.pairs += 1
            default: summary.triples += 1
            }
            summary.beads += completed.record.alignment.beads.count
            summary.links += completed.record.alignment.beads.filter(\.isLink).count
            summary.mentions += completed.record.entities.reduce(0) { $0 + $1.mentions.count }
            processing.update(k + 1)
        })
        summary.seconds = Date().timeIntervalSince(clock)
        return summary
    }

    /// Bundles of the free documents: manifest groups, then shared article ids (`article` field, URL id, file name),
    /// then pairing by anchors.
    func bundles(of free: [DocumentSummary]) -> [(documents: [Int64], method: ArticleBundle.Method, score: Double?)] {
        var known: [(members: [Int], method: ArticleBundle.Method)] = []
        let position = Dictionary(free.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        for group in options.manifest {
            let members = group.compactMap { position[($0 as NSString).standardizingPath] ?? position[$0] }
            if members.count > 1 { known.append((members, .manifest)) }
        }
        let byArticle = KnownCorrespondences.groups(free.map { summary in
            summary.articleKey.flatMap { $0.isFileName ? nil : $0 }
        })
        known += byArticle.map { ($0, .articleID) }
        let byFileName = KnownCorrespondences.groups(free.map { summary in
            summary.articleKey.flatMap { $0.isFileName ? $0 : nil }
        })
        known += byFileName.map { ($0, .fileName) }
        var pairer = options.pairer
        pairer.workers = options.jobs
        return pairer.bundles(free.map(\.profile), known: known).map { bundle in
            (bundle.members.map { free[$0].id }, bundle.method, bundle.score)
        }
    }

    /// Reads, checks and segments `inputs` on `options.jobs` workers, handing each result to `consume` in input order.
    func prepare(_ inputs: [ArticleInput], consume: (Int, Result<StoredDocument, InputFailure>) throws -> Void) async throws {
        let reader = TextReader(maximumBytes: options.maximumBytes)
        let segmenter = options.segmenter
        try await forEachInOrder(inputs, width: options.jobs, transform: { input in
            Result { () throws(InputFailure) -> StoredDocument in try Self.prepare(input, reader: reader, segmenter: segmenter) }
        }, consume: consume)
    }

    /// Reads, checks and segments one input.
    static func prepare(_ input: ArticleInput, reader: TextReader, segmenter: Segmenter) throws(InputFailure) -> StoredDocument {
        let article = try input.read(with: reader)
        let document = try article.segmented(with: segmenter, key: input.key)
        guard !document.sentences.isEmpty else {
            throw InputFailure(key: input.key, reason: .noText, message: "\(input.key): no sentence with letters in it")
        }
        var articleKey = article.articleKey
        if articleKey == nil, let url = article.url, let id = KnownCorrespondences.articleID(fromURL: url) { articleKey = .url(id) }
        if articleKey == nil, case .file(let path) = input.location, let stem = KnownCorrespondences.fileNameKey(path) {
            articleKey = .fileName(stem)
        }
        return StoredDocument(key: input.key, url: article.url, articleKey: articleKey, date: article.date,
                              document: document, profile: PairingProfile(document: document))
    }

    /// Loads a planned record's documents as they were stored, aligns and extracts.
    static func process(_ plan: (id: Int64, documents: [Int64]), store: Store, processor: ArticleProcessor) throws -> CompletedRecord {
        var documents: [Document] = []
        var date: DateComponents?
        for id in plan.documents {
            let stored = try store.document(id)
            documents.append(stored.document)
            if date == nil, let given = stored.date { date = ArticleDates.components(given) }
        }
        let record = processor.process(documents, articleDate: date)
        return try CompletedRecord(recordID: plan.id, documentIDs: plan.documents, record: record, documents: documents)
    }
}

/// The bundles found among a set of inputs, without a store.
public struct PairingResult: Sendable {
    /// One bundle: its inputs, their languages, how it was found and its score.
    public struct Found: Sendable, Codable {
        /// The inputs' keys (paths), in input order.
        public var members: [String]
        /// Each member's languages, most text first.
        public var languages: [[Language]]
        /// How the bundle was found.
        public var method: ArticleBundle.Method
        /// The bundle's pairing score (see `ArticleBundle.score`).
        public var score: Double?
    }

    /// The bundles, in input order of their first member; every readable input is in one.
    public var bundles: [Found]
    /// The inputs that could not be read.
    public var failures: [InputFailure]
    /// Every pair's score, when asked for.
    public var scores: [(String, String, Double)] = []
}

extension BatchRunner {
    /// Reads and segments the inputs (all cores) and groups them into article bundles the way a batch does;
    /// with `allScores`, also gives every pair's score (quadratic).
    public func pair(_ paths: [String], allScores: Bool = false) async throws -> PairingResult {
        let collection = InputCollector().collect(paths)
        var summaries: [DocumentSummary] = []
        var failures = collection.failures
        try await prepare(collection.inputs) { _, result in
            switch result {
            case .success(let stored):
                summaries.append(DocumentSummary(id: Int64(summaries.count), key: stored.key, articleKey: stored.articleKey,
                                                 profile: stored.profile))
            case .failure(let failure):
                failures.append(failure)
            }
        }
        let found = bundles(of: summaries).map { bundle in
            PairingResult.Found(members: bundle.documents.map { summaries[Int($0)].key },
                                languages: bundle.documents.map { summaries[Int($0)].profile.languages },
                                method: bundle.method, score: bundle.score)
        }
        let scores = allScores
            ? options.pairer.scores(summaries.map(\.profile)).map { (summaries[$0.first].key, summaries[$0.second].key, $0.score) }
            : []
        return PairingResult(bundles: found, failures: failures, scores: scores)
    }
}
