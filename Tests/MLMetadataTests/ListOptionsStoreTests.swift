import MLMDProtos
import MLMetadata
import Testing

/// Paging and ordering with `ListOperationOptions` on every backend.
@Suite struct ListOptionsStoreTests {
    static func store(_ backend: StoreBackend, artifacts count: Int) throws -> MetadataStore {
        let store = try backend.makeStore()
        _ = try store.putArtifactType(.with { $0.name = "A" })
        try insert(count, into: store, prefix: "a")
        return store
    }

    static func insert(_ count: Int, into store: MetadataStore, prefix: String) throws {
        var start = 0
        while start < count {
            let batch = (start..<min(start + 1000, count)).map { index in
                Artifact.with {
                    $0.typeID = 10; $0.uri = "\(prefix)\(index)"
                }
            }
            _ = try store.putArtifacts(batch)
            start += 1000
        }
    }

    static func options(
        _ field: ListOperationOptions.OrderByField.Field, ascending: Bool, size: Int32 = 100, token: String = ""
    ) -> ListOperationOptions {
        .with {
            $0.maxResultSize = size
            $0.orderByField = .with {
                $0.field = field; $0.isAsc = ascending
            }
            if !token.isEmpty { $0.nextPageToken = token }
        }
    }

    static let orders: [(ListOperationOptions.OrderByField.Field, Bool)] = [
        (.id, true), (.id, false), (.createTime, true), (.createTime, false), (.lastUpdateTime, true), (.lastUpdateTime, false),
    ]

    @Test(arguments: StoreBackend.allCases)
    func pagingVisitsEveryNodeOnceInEveryOrderWhileRowsAreAdded(_ backend: StoreBackend) throws {
        let store = try Self.store(backend, artifacts: 10_000)
        for (field, ascending) in Self.orders {
            var listed: [Artifact] = []
            var token = ""
            var pages = 0
            repeat {
                let response = try store.getArtifacts(.with { $0.options = Self.options(field, ascending: ascending, token: token) })
                listed += response.artifacts
                token = response.nextPageToken
                #expect(token.count < 64, "tokens stay small")
                pages += 1
                if pages % 10 == 0 { try Self.insert(3, into: store, prefix: "new\(field)\(ascending)\(pages)-") }
            } while !token.isEmpty
            let originals = listed.filter { $0.uri.hasPrefix("a") }
            #expect(originals.count == 10_000, "\(field) ascending: \(ascending)")
            #expect(Set(listed.map(\.id)).count == listed.count, "no node listed twice")
            let keys = listed.map { artifact -> [Int64] in
                switch field {
                case .createTime: [artifact.createTimeSinceEpoch, artifact.id]
                case .lastUpdateTime: [artifact.lastUpdateTimeSinceEpoch, artifact.id]
                default: [artifact.id]
                }
            }
            #expect(keys == keys.sorted { ascending ? $0.lexicographicallyPrecedes($1) : $1.lexicographicallyPrecedes($0) })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pageSizesFollowMLMetadata(_ backend: StoreBackend) throws {
        let store = try Self.store(backend, artifacts: 250)
        let first = try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 7) })
        #expect(first.artifacts.map(\.id) == Array(1...7))
        let second = try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 7, token: first.nextPageToken) })
        #expect(second.artifacts.map(\.id) == Array(8...14))
        // As ml-metadata: above 100, one page of at most 101 rows and no token.
        let large = try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 500) })
        #expect(large.artifacts.count == 101 && large.nextPageToken.isEmpty)
        // Options without a size use ml-metadata's default of 20.
        let defaulted = try store.getArtifacts(.with { $0.options = ListOperationOptions() })
        #expect(defaulted.artifacts.count == 20 && !defaulted.nextPageToken.isEmpty)
        expectStoreError(.invalidArgument) {
            try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 0) })
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func foreignOrDamagedTokensAreInvalidArguments(_ backend: StoreBackend) throws {
        let store = try Self.store(backend, artifacts: 50)
        let token = try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 10) }).nextPageToken
        expectStoreError(.invalidArgument) {
            try store.getArtifacts(.with { $0.options = Self.options(.createTime, ascending: true, size: 10, token: token) })
        }
        expectStoreError(.invalidArgument) {
            try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: false, size: 10, token: token) })
        }
        var damaged = Array(token)
        damaged[damaged.count / 2] = damaged[damaged.count / 2] == "A" ? "B" : "A"
        for bad in [String(damaged), "not a token!", "AAAA"] {
            expectStoreError(.invalidArgument) {
                try store.getArtifacts(.with { $0.options = Self.options(.id, ascending: true, size: 10, token: bad) })
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func typeAndContextListsPageToo(_ backend: StoreBackend) throws {
        let store = try Self.store(backend, artifacts: 30)
        _ = try store.putContextType(.with { $0.name = "C" })
        _ = try store.putContexts([
            .with {
                $0.typeID = 11; $0.name = "c"
            }
        ])
        _ = try store.putAttributionsAndAssociations(
            .with {
                $0.attributions = (1...25).map { id in
                    .with {
                        $0.contextID = 1; $0.artifactID = Int64(id)
                    }
                }
            })
        let byType = try store.getArtifactsByType(
            .with {
                $0.typeName = "A"; $0.options = Self.options(.id, ascending: false, size: 4)
            })
        #expect(byType.artifacts.map(\.id) == [30, 29, 28, 27] && !byType.nextPageToken.isEmpty)
        let byContext = try store.getArtifactsByContext(
            .with {
                $0.contextID = 1; $0.options = Self.options(.id, ascending: false, size: 10)
            })
        #expect(byContext.artifacts.map(\.id) == Array((16...25).reversed()))
        let next = try store.getArtifactsByContext(
            .with {
                $0.contextID = 1
                $0.options = Self.options(.id, ascending: false, size: 10, token: byContext.nextPageToken)
            })
        #expect(next.artifacts.map(\.id) == Array((6...15).reversed()))
    }
}
