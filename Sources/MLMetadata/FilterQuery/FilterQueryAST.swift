/// A parsed `filter_query`: ml-metadata's boolean expression over node attributes, properties and
/// related nodes.
indirect enum FilterExpression: Equatable {
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
    case compare(FilterOperand, String, FilterOperand)
    case isIn(FilterOperand, [FilterOperand], negated: Bool)
    case like(FilterOperand, FilterOperand, negated: Bool)
    case isNull(FilterOperand, negated: Bool)
    case between(FilterOperand, FilterOperand, FilterOperand, negated: Bool)
    /// A bare operand used as a condition, e.g. `properties.ok.bool_value`.
    case truth(FilterOperand)
}

/// A value in a filter: a column path, a literal, or a bare word (an enum name such as `LIVE`).
enum FilterOperand: Equatable {
    case column([String], position: Int)
    case integer(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case word(String, position: Int)
    case parenthesized(FilterExpression)
}
