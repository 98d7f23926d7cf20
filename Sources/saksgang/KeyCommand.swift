import ArgumentParser
import Foundation
import Pipeline
import Pseudonymize

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Create a pseudonym key or show a key's id.",
        subcommands: [Init.self, ID.self, Rotate.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init", abstract: "Write a fresh random key (32 bytes, hex) to FILE with mode 0600.")
        @Argument(help: "Where to write the key. Keep it outside the repository and the report folder.")
        var file: String

        func run() throws {
            let key = try PseudonymKey.create(atPath: file)
            print("Wrote key \(key.id) to \(file) (mode 0600). Back it up: without it no pseudonym can be recomputed.")
        }
    }

    struct ID: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "id", abstract: "Print the public id of the key in FILE (never the key).")
        @Argument var file: String

        func run() throws {
            print(try PseudonymKey(contentsOfFile: file).id)
        }
    }

    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate",
            abstract: "Rebuild the state store under a new key from the archived exports.",
            discussion: """
                Pseudonyms under a new key cannot be linked to the old ones, so every archived export \
                is ingested again under the new key into a fresh store. Only when that succeeds is the \
                old state folder renamed to <state>.retired-<old key id> and the new one put in its \
                place. On a PostgreSQL store the fresh store is built in the schema \
                saksgang_rebuilding_<new key id> of the same database while the run lock is held, and \
                one transaction then moves the old tables into saksgang_retired_<old key id> and the \
                new ones in their place. Afterwards, point `key:` in the pipeline file (on every \
                machine that uses the store) at the new key file: until then the nightly run refuses \
                to start (the store's key id no longer matches).
                """)
        @Argument(help: "The pipeline file.") var pipeline: String
        @Option(help: "The new key file (create it with `saksgang key init`).") var newKey: String
        @Option(help: "The folder of archived exports to rebuild from (default: the pipeline's input).") var archive: String?

        func run() throws {
            let loaded: LoadedPipeline
            do { loaded = try LoadedPipeline.load(path: pipeline) } catch { throw RunCommand.failure(error) }
            let logger = Logging.bootstrap(logFile: loaded.stateDirectory + "/logs/saksgang.log", level: .info, quiet: false)
            do {
                let outcome = try KeyRotation(pipeline: loaded, newKeyPath: newKey, archive: archive, logger: logger,
                                              programVersion: Saksgang.version).run()
                print("Rebuilt \(outcome.rebuild.casesInStore) cases under key \(outcome.newKeyID).")
                if let retired = outcome.retiredState { print("The old state (key \(outcome.oldKeyID ?? "?")) is kept at \(retired).") }
                if let schema = outcome.retiredSchema {
                    print("The old store's tables are kept in the schema \(schema) of the database; drop it (DROP SCHEMA \(schema) CASCADE) once it is no longer needed.")
                }
                print("Now set `key: \(newKey)` in \(pipeline).")
            } catch {
                throw RunCommand.failure(error)
            }
        }
    }
}
