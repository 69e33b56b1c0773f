/// What one CSV column holds, gathered cell by cell in one pass.
///
/// The column's type is only known at the end (one text cell makes the whole column text), so the
/// accumulator keeps both the numeric sums, valid while every value is a number, and the count of
/// each distinct cell, which string statistics need.
struct ColumnAccumulator {
    /// A column's type as TFDV's CSV decoder infers it; later cases win over earlier ones.
    enum ValueType: Int, Comparable {
        case unknown, integer, float, string

        static func < (lhs: ValueType, rhs: ValueType) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private(set) var type = ValueType.unknown
    private(set) var presentCount = 0
    private(set) var missingCount = 0
    /// How often each distinct cell occurs.
    private(set) var cellCounts: [String: Int] = [:]
    /// The numbers as 64-bit doubles: what an INT column's statistics use.
    private(set) var numbers = NumericSummary()
    /// The numbers rounded to 32-bit floats, as TFDV's CSV decoder stores a FLOAT column's values.
    private(set) var float32Numbers = NumericSummary()

    /// Count, mean and spread (Welford's running form, which keeps its precision on large values
    /// such as census tract numbers), zeros and bounds of a column's numbers.
    struct NumericSummary {
        var count = 0
        var mean = 0.0
        /// The sum of squared differences from the mean.
        var squaredDeviations = 0.0
        var zeros = 0
        var minimum = Double.infinity
        var maximum = -Double.infinity

        /// The population standard deviation.
        var standardDeviation: Double { count > 0 ? (squaredDeviations / Double(count)).squareRoot() : 0 }

        mutating func add(_ value: Double) {
            count += 1
            let delta = value - mean
            mean += delta / Double(count)
            squaredDeviations += delta * (value - mean)
            if value == 0 { zeros += 1 }
            // NaN never replaces a bound, as numpy's nanmin/nanmax skip it.
            if value < minimum { minimum = value }
            if value > maximum { maximum = value }
        }
    }

    /// Counts one cell; an empty cell is a missing value.
    mutating func add(_ cell: String) {
        guard !cell.isEmpty else {
            missingCount += 1
            return
        }
        presentCount += 1
        cellCounts[cell, default: 0] += 1
        guard type != .string else { return }
        switch PythonNumberSyntax.integer(cell[...].utf8) {
        case .value(let integer):
            type = max(type, .integer)
            numbers.add(Double(integer))
            float32Numbers.add(Double(Float(integer)))
        case .outOfRange:
            type = .string
        case .notAnInteger:
            if let value = PythonNumberSyntax.float(cell[...].utf8) {
                type = max(type, .float)
                numbers.add(value)
                float32Numbers.add(Double(Float(value)))
            } else {
                type = .string
            }
        }
    }
}
