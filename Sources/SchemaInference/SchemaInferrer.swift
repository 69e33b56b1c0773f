import TFMetadataProtos

/// Infers a `Schema` from feature statistics with the rules of TensorFlow Data Validation's
/// `infer_schema` (TFDV 1.16), for the statistics a CSV file gives (one value or none per cell):
///
/// - type: INT and FLOAT statistics give INT and FLOAT features, STRING and BYTES give BYTES;
/// - presence: `min_count` 1 when any example has the feature (0 otherwise), `min_fraction` 1 when
///   none misses it;
/// - shape: a feature that no example misses and that always has the same number of values gets a
///   fixed `shape` (when `inferFeatureShape`); otherwise a `value_count` (min and max when every
///   example has the same number of values, else min 1);
/// - domain: see `DomainInference`.
///
/// Features keep the order of the statistics, and string domains follow in the order of their features.
public struct SchemaInferrer {
    /// A string feature with at most this many distinct values is categorical (TFDV's `max_string_domain_size`).
    public var maxStringDomainSize: Int
    /// Whether fully present, fixed-size features get a `shape` rather than a `value_count`.
    public var inferFeatureShape: Bool

    /// TFDV's defaults: string domains of up to 100 values, shapes inferred.
    public init(maxStringDomainSize: Int = 100, inferFeatureShape: Bool = true) {
        self.maxStringDomainSize = maxStringDomainSize
        self.inferFeatureShape = inferFeatureShape
    }

    /// The schema of the first data set in `statistics` (TFDV's default slice when there is one).
    public func schema(from statistics: DatasetFeatureStatisticsList) -> Schema {
        var schema = Schema()
        guard let dataset = statistics.datasets.first else { return schema }
        for statistics in dataset.features {
            guard let common = Self.commonStatistics(statistics) else {
                // TFDV drops features whose statistics lack the common part.
                continue
            }
            var feature = Feature()
            feature.name = statistics.path.step.last ?? statistics.name
            feature.type = Self.featureType(statistics.type)
            inferPresenceAndShape(common, into: &feature)
            DomainInference(maxStringDomainSize: maxStringDomainSize).inferDomain(of: statistics, into: &feature, schema: &schema)
            schema.feature.append(feature)
        }
        return schema
    }

    static func featureType(_ type: FeatureNameStatistics.TypeEnum) -> FeatureType {
        switch type {
        case .int: return .int
        case .float: return .float
        case .string, .bytes: return .bytes
        case .struct: return .struct
        case .unrecognized: return .typeUnknown
        }
    }

    static func commonStatistics(_ statistics: FeatureNameStatistics) -> CommonStatistics? {
        switch statistics.stats {
        case .numStats(let numeric)?: return numeric.hasCommonStats ? numeric.commonStats : nil
        case .stringStats(let string)?: return string.hasCommonStats ? string.commonStats : nil
        case .bytesStats(let bytes)?: return bytes.hasCommonStats ? bytes.commonStats : nil
        case .structStats(let structure)?: return structure.hasCommonStats ? structure.commonStats : nil
        case nil: return nil
        }
    }

    private func inferPresenceAndShape(_ common: CommonStatistics, into feature: inout Feature) {
        let present = common.numNonMissing
        feature.presence.minCount = present < 1 ? 0 : 1
        guard present > 0 else { return }
        if common.numMissing == 0 { feature.presence.minFraction = 1 }
        // TFDV reads the counts as C++ ints.
        let minValues = Int64(clamping: common.minNumValues)
        let maxValues = Int64(clamping: common.maxNumValues)
        if inferFeatureShape, common.numMissing == 0, minValues == maxValues, minValues > 0 {
            feature.shape = FixedShape.with { $0.dim = [FixedShape.Dim.with { $0.size = minValues }] }
            return
        }
        guard minValues > 0 else { return }
        feature.valueCount = ValueCount.with {
            $0.min = minValues == maxValues ? minValues : 1
            if minValues == maxValues { $0.max = maxValues }
        }
    }
}
