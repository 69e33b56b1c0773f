import MLMDProtos

extension MetadataStore {
    /// Parses `filterQuery` and plans it as SQL for artifacts, executions and contexts, in that
    /// order, as `getArtifacts`, `getExecutions` and `getContexts` do before they query, but
    /// without a database: each result is success or the error that call would throw.
    ///
    /// The entry point of the filter-query fuzz target (`Fuzz/`), not API: import it with
    /// `@_spi(Fuzzing) import MLMetadata`.
    @_spi(Fuzzing)
    public static func planFilterQuery(_ filterQuery: String) -> [Result<Void, MetadataStoreError>] {
        [TypeKind.artifact, .execution, .context].map { kind in
            do {
                _ = try FilterQueryPlan(filterQuery, kind: kind)
                return .success(())
            } catch let error as MetadataStoreError {
                return .failure(error)
            } catch {
                return .failure(MetadataStoreError(.internal, "\(error)"))
            }
        }
    }
}
