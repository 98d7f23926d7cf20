import Foundation
import SaksgangCore

/// Where a PostgreSQL store is: a `postgresql://USER@HOST:PORT/DB` URL (`postgres://` too),
/// handed to libpq as it is. A password belongs in `~/.pgpass` or `PGPASSWORD`, not in the
/// pipeline file; one in the URL is accepted but never shown: `description` leaves it out,
/// and errors and logs only ever use `description`.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The URL as given, for libpq only.
    let url: String
    /// The URL without a password (user, host, port, database and query parameters).
    public let description: String

    /// nil when `text` is not a `postgresql://` or `postgres://` URL.
    public init?(_ text: String) {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://"),
              var parts = URLComponents(string: text) else { return nil }
        url = text
        if parts.password != nil { parts.password = nil }
        parts.queryItems = parts.queryItems?.filter { $0.name != "password" }
        if parts.queryItems?.isEmpty == true { parts.queryItems = nil }
        description = parts.string ?? "postgresql://"
    }
}
