import MLMDProtos

/// Every RPC method of `MetadataStore` answers its requirement synchronously, so code written
/// against the protocol runs the same on a store in this process and on a `MetadataStoreClient`.
extension MetadataStore: MetadataStoreServiceProtocol {}
