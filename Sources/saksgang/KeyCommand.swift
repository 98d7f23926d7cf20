import ArgumentParser
import Foundation
import Pseudonymize

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Create a pseudonym key or show a key's id.",
        subcommands: [Init.self, ID.self])

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
}
