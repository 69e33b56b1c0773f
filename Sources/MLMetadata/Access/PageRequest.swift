import MLMDProtos
import ProtoWire

/// `ListOperationOptions` made ready for SQL: page size, order, and where the page starts.
///
/// Page tokens are keyset-based: they hold the sort key and id of the last row listed (plus the
/// order they belong to and a checksum), so a token stays a few dozen bytes however far one pages,
/// and rows inserted between pages are neither skipped nor repeated.
struct PageRequest {
    enum Column: String {
        case id, createTime = "create_time_since_epoch", lastUpdateTime = "last_update_time_since_epoch"
    }

    /// Rows to fetch: one more than the page, to learn whether another page follows.
    let fetchLimit: Int
    /// Rows to return.
    let pageSize: Int
    let column: Column
    let ascending: Bool
    /// The last row of the previous page: its sort key and id.
    let after: (key: Int64, id: Int64)?
    /// The `filter_query`, if any.
    let filterQuery: String?
    private let order: ListOperationOptions.OrderByField

    /// Validates `options`.
    ///
    /// - Throws: INVALID_ARGUMENT for a page size below 1, or a token that is corrupt or was made
    ///   for another order.
    init(_ options: ListOperationOptions) throws {
        guard options.maxResultSize > 0 else {
            throw MetadataStoreError(
                .invalidArgument,
                "max_result_size field value is required to be greater than 0 and less than or equal to 100. Set value: \(options.maxResultSize)"
            )
        }
        filterQuery = options.filterQuery.isEmpty ? nil : options.filterQuery
        // As ml-metadata: at most 101 rows are fetched, so a page size above 100 returns up to 101
        // rows and no token.
        fetchLimit = min(Int(options.maxResultSize) + 1, 101)
        pageSize = min(Int(options.maxResultSize), 101)
        order = options.orderByField
        switch options.orderByField.field {
        case .createTime: column = .createTime
        case .lastUpdateTime: column = .lastUpdateTime
        case .id, .fieldUnspecified: column = .id
        }
        ascending = options.orderByField.isAsc
        after = options.nextPageToken.isEmpty ? nil : try Self.decode(options.nextPageToken, for: options.orderByField)
    }

    /// The condition (over alias `N`) that starts the page after the token's row.
    var keysetCondition: (sql: String, values: [DatabaseValue])? {
        guard let after else { return nil }
        let comparison = ascending ? ">" : "<"
        if column == .id { return (#"N."id" \#(comparison) ?"#, [.integer(after.id)]) }
        return (
            #"(N."\#(column.rawValue)" \#(comparison) ? OR (N."\#(column.rawValue)" = ? AND N."id" \#(comparison) ?))"#,
            [.integer(after.key), .integer(after.key), .integer(after.id)]
        )
    }

    var orderBy: String {
        let direction = ascending ? "ASC" : "DESC"
        return column == .id ? #"N."id" \#(direction)"# : #"N."\#(column.rawValue)" \#(direction), N."id" \#(direction)"#
    }

    /// The token for the page after a page that ended with this row.
    func token(afterKey key: Int64, id: Int64) -> String {
        var token = ListOperationNextPageToken()
        token.idOffset = id
        token.fieldOffset = key
        token.setOptions = .with { $0.orderByField = order }
        var bytes = token.serializedBytes()
        bytes += Self.checksum(bytes)
        return Base64.encode(bytes).urlSafeWithoutPadding
    }

    private static func decode(_ text: String, for order: ListOperationOptions.OrderByField) throws -> (key: Int64, id: Int64) {
        let invalid = MetadataStoreError(.invalidArgument, "Invalid next_page_token: \(text.prefix(40))")
        guard let bytes = Base64.decode(text.standardBase64), bytes.count > 4,
            Array(bytes.suffix(4)) == checksum(Array(bytes.dropLast(4))),
            let token = try? ListOperationNextPageToken(serializedBytes: Array(bytes.dropLast(4)))
        else { throw invalid }
        guard token.setOptions.orderByField.field == order.field, token.setOptions.orderByField.isAsc == order.isAsc else {
            throw MetadataStoreError(.invalidArgument, "the next_page_token was made for another ordering than the request's")
        }
        return (token.fieldOffset, token.idOffset)
    }

    /// FNV-1a over the token, so a damaged token is refused instead of misread.
    private static func checksum(_ bytes: [UInt8]) -> [UInt8] {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return (0..<4).map { UInt8(truncatingIfNeeded: hash >> (8 * $0)) }
    }
}

private extension String {
    /// Base64 → base64url without padding, as ml-metadata's tokens look.
    var urlSafeWithoutPadding: String {
        String(map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 }.filter { $0 != "=" })
    }

    /// Base64url, padded or not → padded standard base64.
    var standardBase64: String {
        let standard = String(map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 })
        return standard + String(repeating: "=", count: (4 - standard.count % 4) % 4)
    }
}
