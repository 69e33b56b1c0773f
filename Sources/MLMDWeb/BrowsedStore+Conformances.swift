import MLMDClient
import MLMDProtos
import MLMetadata

extension MetadataStore: BrowsedStore {
    /// The census of the database, every count exact.
    public func overview() async throws -> StoreOverview {
        StoreOverview(try census())
    }
}

extension StoreOverview {
    /// What a database's census says, every count exact.
    public init(_ census: StoreCensus) {
        self.init(
            backend: "\(census.backend) (\(census.location))", schemaVersion: census.schemaVersion,
            nodesByType: census.nodesByType.mapValues { .exactly($0) })
    }
}

extension MetadataStoreClient: BrowsedStore {
    /// Counts by reading one page of each type: an MLMD server has no call that counts, and
    /// reading all of a big store's nodes to count them would take minutes.
    public func overview() async throws -> StoreOverview {
        let page = ListOperationOptions.with { $0.maxResultSize = Self.countedPage }
        var counts: [Int64: StoreOverview.Count] = [:]
        func count(_ typeID: Int64, _ found: Int, _ nextPageToken: String) {
            guard found > 0 else { return }
            counts[typeID] = nextPageToken.isEmpty ? .exactly(Int64(found)) : .atLeast(Int64(found))
        }
        for type in try await getArtifactTypes(GetArtifactTypesRequest()).artifactTypes {
            let response = try await getArtifactsByType(
                .with {
                    $0.typeName = type.name; if type.hasVersion { $0.typeVersion = type.version }; $0.options = page
                })
            count(type.id, response.artifacts.count, response.nextPageToken)
        }
        for type in try await getExecutionTypes(GetExecutionTypesRequest()).executionTypes {
            let response = try await getExecutionsByType(
                .with {
                    $0.typeName = type.name; if type.hasVersion { $0.typeVersion = type.version }; $0.options = page
                })
            count(type.id, response.executions.count, response.nextPageToken)
        }
        for type in try await getContextTypes(GetContextTypesRequest()).contextTypes {
            let response = try await getContextsByType(
                .with {
                    $0.typeName = type.name; if type.hasVersion { $0.typeVersion = type.version }; $0.options = page
                })
            count(type.id, response.contexts.count, response.nextPageToken)
        }
        return StoreOverview(backend: "an MLMD server, through gRPC", schemaVersion: nil, nodesByType: counts)
    }

    /// The most nodes an ml-metadata server returns in one page.
    private static let countedPage: Int32 = 100
}
