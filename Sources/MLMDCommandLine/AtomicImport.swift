import MLMetadata

/// Runs an import so that it changes all of the store or none of it, though it takes many store
/// calls: they run inside one transaction (`MetadataStore.atomically`), so other writers wait
/// and nothing they write is lost.
enum AtomicImport {
    static func run<T: Sendable>(_ options: StoreOptions, _ body: (MetadataStore) throws -> T) throws -> T {
        let store = try options.openStore(creating: true)
        return try store.atomically { try body(store) }
    }
}
