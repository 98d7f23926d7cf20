import Foundation

/// Locations inside the repository, for tests over the committed fixtures and pipelines.
public enum RepoPaths {
    /// The package root, found from this source file's location.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()
    public static var fixtures: URL { root.appendingPathComponent("Fixtures") }
    public static var pipelines: URL { root.appendingPathComponent("Pipelines") }

    /// A fresh temporary directory, removed by the caller when done.
    public static func temporaryDirectory(_ name: String = "saksgang-test") -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
