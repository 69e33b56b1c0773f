/// The three families of types, with the `type_kind` numbers ml-metadata stores (never to change).
enum TypeKind: Int64, Sendable {
    case execution = 0
    case artifact = 1
    case context = 2
}
