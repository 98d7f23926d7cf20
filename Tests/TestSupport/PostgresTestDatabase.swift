import CSaksgangPQ
import Foundation
import XCTest

/// A fresh database for one test on the PostgreSQL server that `SAKSGANG_TEST_POSTGRES_URL`
/// names (`postgresql://USER@HOST:PORT/DB`; the role may create databases), dropped again
/// by `drop()`. Without the variable the test is skipped, except under CI (`CI` set), where
/// it fails: CI never passes by silently skipping the PostgreSQL store.
public struct PostgresTestDatabase {
    public static let variable = "SAKSGANG_TEST_POSTGRES_URL"
    /// The database's URL.
    public let url: String
    let name: String
    let server: String

    public init() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let server = environment[Self.variable], !server.isEmpty else {
            if environment["CI"] != nil {
                throw Failure("\(Self.variable) is not set under CI: the PostgreSQL store's tests must run")
            }
            throw XCTSkip("\(Self.variable) is not set: the PostgreSQL store's tests are skipped")
        }
        guard var parts = URLComponents(string: server) else { throw Failure("\(Self.variable) is not a URL") }
        self.server = server
        name = "saksgang_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        parts.path = "/" + name
        url = parts.string ?? server
        try Self.execute("CREATE DATABASE \(name)", on: server)
    }

    /// Drops the database (closing any connection a test left open).
    public func drop() {
        try? Self.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: server)
    }

    /// Runs fixed SQL on the database `url` names.
    public static func execute(_ sql: String, on url: String) throws {
        guard let conn = PQconnectdb(url), PQstatus(conn) == CONNECTION_OK else {
            throw Failure("cannot connect to the test server \(variable) names")
        }
        defer { PQfinish(conn) }
        let result = PQexec(conn, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK else {
            throw Failure("\(sql.prefix(40)): \(String(cString: PQerrorMessage(conn)))")
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
