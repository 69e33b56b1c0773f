import MLMDProtos

/// ml-metadata answers some lookups that find nothing (the contexts of an artifact in none, the
/// events of a node without any) with NOT_FOUND rather than an empty list; a page shows none.
func noneIfNotFound<Element: Sendable>(_ lookup: () async throws -> [Element]) async throws -> [Element] {
    do {
        return try await lookup()
    } catch let error as MetadataStoreError where error.code == .notFound {
        return []
    }
}
