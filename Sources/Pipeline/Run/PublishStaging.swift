import Foundation
import SaksgangCore

/// Where the reports are written before they are moved into the output folder: a folder in
/// the state directory, emptied at the start of every run. Each finished file is renamed into
/// place (the manifest last), so a kill at any moment leaves the previous reports or the new
/// ones, never half a file and never a temporary file in the output folder. When the state
/// and output folders are on different file systems, a file is copied beside its place under
/// a hidden `.saksgang-tmp` name and renamed; such names are removed at the start of a run.
struct PublishStaging {
    let path: String
    let output: String
    static let temporarySuffix = ".saksgang-tmp"

    init(stateDirectory: String, outputDirectory: String) {
        path = stateDirectory + "/publishing"
        output = outputDirectory
    }

    /// Removes what a killed run left: the staging folder, hidden copies in the output folder,
    /// and Foundation's `.dat.nosync` temporaries of earlier versions that wrote in place.
    func cleanUp() {
        let fm = FileManager.default
        try? fm.removeItem(atPath: path)
        guard let names = try? fm.contentsOfDirectory(atPath: output) else { return }
        for name in names where name.hasPrefix(".") && (name.hasSuffix(Self.temporarySuffix) || name.hasPrefix(".dat.nosync")) {
            try? fm.removeItem(atPath: output + "/" + name)
        }
    }

    func prepare() throws(SaksgangError) {
        cleanUp()
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw DiskFull.explain(SaksgangError(.ioError, "cannot create the folder for the reports", at: .init(file: output)),
                                   paths: [path, output])
        }
    }

    /// Moves the named files into the output folder, in order, then removes the staging folder.
    func commit(_ names: [String]) throws(SaksgangError) {
        for name in names {
            let from = path + "/" + name, to = output + "/" + name
            if rename(from, to) == 0 { continue }
            let e = errno
            guard e == EXDEV else { throw failure(name, errno: e) }
            let temporary = output + "/." + name + Self.temporarySuffix
            guard let data = FileManager.default.contents(atPath: from) else { throw failure(name, errno: EIO) }
            do { try data.write(to: URL(fileURLWithPath: temporary)) } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw failure(name, errno: ENOSPC)
            }
            guard rename(temporary, to) == 0 else {
                let e = errno
                try? FileManager.default.removeItem(atPath: temporary)
                throw failure(name, errno: e)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func failure(_ name: String, errno e: Int32) -> SaksgangError {
        let place = SaksgangError.Location(file: output + "/" + name)
        if e == ENOSPC || e == EDQUOT { return DiskFull.error(path: output) }
        return DiskFull.explain(SaksgangError(.ioError, "cannot put the report in place (\(String(cString: strerror(e))))", at: place),
                                paths: [output])
    }
}
