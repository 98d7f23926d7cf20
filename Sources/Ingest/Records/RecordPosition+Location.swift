import SaksgangCore

extension RecordPosition {
    /// The position as an error location in `file`.
    public func location(file: String) -> SaksgangError.Location {
        SaksgangError.Location(file: file, line: line, byteOffset: byteOffset, elementPath: elementPath, record: record)
    }
}
