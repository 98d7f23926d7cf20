import SaksgangCore

/// The run manifest (`manifest.json`, operations.md "Reproducible"): which program read
/// which files under which pipeline and key, and which files it wrote, each with its hash.
/// It names the key by its id, never the key.
public struct Manifest: Sendable, Equatable, Codable {
    public struct Program: Sendable, Equatable, Codable {
        public var name: String
        public var version: String
        public init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// The pipeline file the run followed.
    public struct PipelineFile: Sendable, Equatable, Codable {
        public var name: String
        public var sha256: String
        public init(name: String, sha256: String) {
            self.name = name
            self.sha256 = sha256
        }
    }

    public var program: Program
    public var pipeline: PipelineFile
    /// The short id of the pseudonym key (privacy.md §1).
    public var keyID: String
    public var threshold: Int
    public var asOf: LocalDate?
    public var inputs: [InputFileRecord]
    public var outputs: [OutputFile]
    /// The quarantine file's name, when the run set records aside.
    public var quarantineFile: String?

    public init(program: Program, pipeline: PipelineFile, keyID: String, threshold: Int,
                asOf: LocalDate?, inputs: [InputFileRecord], outputs: [OutputFile],
                quarantineFile: String? = nil) {
        self.program = program
        self.pipeline = pipeline
        self.keyID = keyID
        self.threshold = threshold
        self.asOf = asOf
        self.inputs = inputs
        self.outputs = outputs
        self.quarantineFile = quarantineFile
    }

    /// Every input file reconciles.
    public var reconciled: Bool { inputs.allSatisfy(\.reconciled) }

    enum CodingKeys: String, CodingKey {
        case program, pipeline, threshold, inputs, outputs, reconciled
        case keyID = "key_id", asOf = "as_of", quarantineFile = "quarantine_file"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var asOf: LocalDate?
        if let text = try c.decodeIfPresent(String.self, forKey: .asOf) {
            guard let date = LocalDate(iso: text) else {
                throw DecodingError.dataCorruptedError(forKey: .asOf, in: c,
                                                       debugDescription: "not an ISO date")
            }
            asOf = date
        }
        self.init(program: try c.decode(Program.self, forKey: .program),
                  pipeline: try c.decode(PipelineFile.self, forKey: .pipeline),
                  keyID: try c.decode(String.self, forKey: .keyID),
                  threshold: try c.decode(Int.self, forKey: .threshold),
                  asOf: asOf,
                  inputs: try c.decode([InputFileRecord].self, forKey: .inputs),
                  outputs: try c.decode([OutputFile].self, forKey: .outputs),
                  quarantineFile: try c.decodeIfPresent(String.self, forKey: .quarantineFile))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(program, forKey: .program)
        try c.encode(pipeline, forKey: .pipeline)
        try c.encode(keyID, forKey: .keyID)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(asOf?.description, forKey: .asOf)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(outputs, forKey: .outputs)
        try c.encode(quarantineFile, forKey: .quarantineFile)
        try c.encode(reconciled, forKey: .reconciled)
    }
}
