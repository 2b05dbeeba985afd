import Foundation
import PackagePlugin

/// Compiles the data files of a target's `Resources/` folder into the target, as generated Swift source
/// (`BundledData.embedded`), so that no resource bundle has to travel with the executable.
///
/// Every file of the folder is taken, whatever its name (hidden files excepted), so that a new data file needs no
/// code change; the files stay plain data files in the source tree, and editing one rebuilds the library.
@main
struct EmbedBundledData: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Resources")
        let files = try Self.dataFiles(in: folder)
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledData+Embedded.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) data files of \(target.name)/Resources",
                executable: try context.tool(named: "TriglotDataEmbedder").url,
                arguments: [folder.path, output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }

    /// The regular files under `folder`, hidden ones (editor swap files, `.DS_Store`) left out, in path order.
    static func dataFiles(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw PluginError(message: "\(folder.path): cannot list the data files")
        }
        var files: [URL] = []
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// A failure of the plugin itself, shown by the build.
struct PluginError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
