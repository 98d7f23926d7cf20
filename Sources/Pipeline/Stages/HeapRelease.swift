import CSaksgangMalloc

/// Hands the heap's free memory back to the system between stages. Ingest runs three threads
/// per file and the measure scan two, and glibc gives each thread that allocates at once an
/// arena of its own; what a stage freed stays in its arenas, counted in the run's resident
/// memory, until something asks for it back. Trimmed after ingest and after the scan, the
/// million-case run's peak stays under 500 MB (Benchmarks/README.md, "Throughput").
enum HeapRelease {
    /// Returns the free memory of every arena (glibc's `malloc_trim`, all arenas since 2.8).
    static func trim() {
        _ = malloc_trim(0)
    }
}
