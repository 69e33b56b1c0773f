import MLMDProtos
import ProtoWire

/// ml-metadata's rules for putting a type: a new (name, version) creates it; an existing one must
/// agree with the stored properties, may gain properties with `canAddFields`, may leave some out with
/// `canOmitFields`, and never changes a property's type or its base type.
struct TypeUpsert {
    let access: TypeAccess
    let canAddFields: Bool
    let canOmitFields: Bool

    /// Stores `type` and returns its id.
    func put<T: StoredType>(_ type: T) throws -> Int64 {
        try validate(type)
        if type.hasExternalID, !type.externalID.isEmpty,
            let stored = try access.find(T.self, externalIDs: [type.externalID]).first,
            stored.name != type.name || stored.storedVersion != type.storedVersion
        {
            throw MetadataStoreError(
                .alreadyExists,
                "Conflict of external_id: \(type.externalID) is already used by type \(stored.name) (id \(stored.id))")
        }
        guard let stored = try access.find(T.self, name: type.name, version: type.storedVersion) else {
            if type.asksToUnsetBaseType { throw MetadataStoreError(.unimplemented, "base_type deletion is not supported yet") }
            return try access.insert(type)
        }
        let added = try checkConsistency(of: type, with: stored)
        if !added.isEmpty { try access.addProperties(added, to: stored.id) }
        if type.asksToUnsetBaseType { throw MetadataStoreError(.unimplemented, "base_type deletion is not supported yet") }
        if let base = type.baseTypeName, base != stored.baseTypeName {
            guard stored.baseTypeName == nil else { throw MetadataStoreError(.unimplemented, "base_type update is not supported yet") }
            try access.link(stored.id, toBaseType: base)
        }
        if type.hasExternalID, !type.externalID.isEmpty, type.externalID != stored.externalID {
            try access.setExternalID(type.externalID, of: stored.id)
        }
        return stored.id
    }

    private func validate<T: StoredType>(_ type: T) throws {
        guard !type.name.isEmpty else { throw MetadataStoreError(.invalidArgument, "No type name is specified.") }
        if let unknown = type.properties.first(where: { $0.value == .unknown }) {
            throw MetadataStoreError(.invalidArgument, "Property \(unknown.key) is UNKNOWN.")
        }
    }

    /// The properties `type` adds to `stored`, after checking that nothing else differs.
    private func checkConsistency<T: StoredType>(of type: T, with stored: T) throws -> [(name: String, type: PropertyType)] {
        for (name, storedType) in stored.properties {
            if let given = type.properties[name], given != storedType {
                throw conflict("Conflicting property value type found in stored and given types", stored)
            }
        }
        let added = type.properties.filter { stored.properties[$0.key] == nil }.map { (name: $0.key, type: $0.value) }
        if !added.isEmpty && !canAddFields {
            throw conflict("can_add_fields is false while the given type has more properties", stored)
        }
        if !canOmitFields && stored.properties.contains(where: { type.properties[$0.key] == nil }) {
            throw conflict("can_omit_fields is false while stored type has more properties", stored)
        }
        return added
    }

    private func conflict<T: StoredType>(_ reason: String, _ stored: T) -> MetadataStoreError {
        MetadataStoreError(
            .alreadyExists, "Type already exists with different properties: \(reason): stored type: \(stored.textFormatString())")
    }
}
