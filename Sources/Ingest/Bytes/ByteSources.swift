import SaksgangCore

/// Opens export files as byte sources, decompressing gzip when the content says so.
public enum ByteSources {
    /// The two bytes every gzip member starts with (RFC 1952).
    public static let gzipMagic: [UInt8] = [0x1f, 0x8b]

    /// Opens `path`; if it starts with the gzip magic (whatever its name), wraps it in a
    /// `GzipByteSource` with `limits`. The observer sees the raw (compressed) bytes read from
    /// disk, for hashing the file as delivered. An empty file is `.emptyFile`.
    public static func open(path: String, limits: DecompressionLimits = .standard,
                            observer: ((UnsafeRawBufferPointer) -> Void)? = nil)
        throws(SaksgangError) -> any ByteSource
    {
        let file = try FileByteSource(path: path, observer: observer)
        let prefix = try file.peekPrefix(gzipMagic.count)
        if prefix.isEmpty {
            throw SaksgangError(.emptyFile, "the file is empty",
                                at: .init(file: FileByteSource.fileName(path), byteOffset: 0))
        }
        if prefix == gzipMagic {
            return try GzipByteSource(source: file, limits: limits, fileName: FileByteSource.fileName(path))
        }
        return file
    }
}
