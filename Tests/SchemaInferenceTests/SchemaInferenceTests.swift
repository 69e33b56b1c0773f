import TFMetadataProtos
import Testing

@testable import SchemaInference

/// TFDV's infer_schema rules on small CSV inputs, checked on the exact text-format schema.
@Suite struct SchemaInferenceTests {
    private func schemaText(_ csv: String, maxStringDomainSize: Int = 100) throws -> String {
        let statistics = try CSVStatistics.compute(csv: Array(csv.utf8))
        return SchemaInferrer(maxStringDomainSize: maxStringDomainSize).schema(from: statistics).textFormatString()
    }

    @Test func fullyPresentColumnsGetMinFractionAndAShape() throws {
        #expect(
            try schemaText("n,x\n1,2.5\n3,4\n") == """
                feature {
                  name: "n"
                  type: INT
                  presence {
                    min_fraction: 1
                    min_count: 1
                  }
                  shape {
                    dim {
                      size: 1
                    }
                  }
                }
                feature {
                  name: "x"
                  type: FLOAT
                  presence {
                    min_fraction: 1
                    min_count: 1
                  }
                  shape {
                    dim {
                      size: 1
                    }
                  }
                }

                """)
    }

    // In a one-column file an empty line is skipped, as TFDV skips it; `""` is the empty cell.
    @Test func columnsWithEmptyCellsGetAValueCountAndNoMinFraction() throws {
        #expect(
            try schemaText("n\n5\n\n\"\"\n7\n") == """
                feature {
                  name: "n"
                  value_count {
                    min: 1
                    max: 1
                  }
                  type: INT
                  presence {
                    min_count: 1
                  }
                }

                """)
    }

    @Test func aColumnWithoutValuesIsBytesWithMinCountZero() throws {
        #expect(
            try schemaText("a,b\n1,\n2,\n").hasSuffix(
                """
                feature {
                  name: "b"
                  type: BYTES
                  presence {
                    min_count: 0
                  }
                }

                """))
    }

    @Test func categoricalTextGetsASortedStringDomain() throws {
        #expect(
            try schemaText("pay\nCash\nCard\nCash\n\"\"\nb\n") == """
                feature {
                  name: "pay"
                  value_count {
                    min: 1
                    max: 1
                  }
                  type: BYTES
                  domain: "pay"
                  presence {
                    min_count: 1
                  }
                }
                string_domain {
                  name: "pay"
                  value: "Card"
                  value: "Cash"
                  value: "b"
                }

                """)
    }

    @Test func textWithMoreDistinctValuesThanTheLimitGetsNoDomain() throws {
        let text = try schemaText("id\nx1\nx2\nx3\n", maxStringDomainSize: 2)
        #expect(!text.contains("domain"))
        #expect(try schemaText("id\nx1\nx2\n", maxStringDomainSize: 2).contains("domain: \"id\""))
    }

    @Test func integersBetweenZeroAndOneGetABoolDomain() throws {
        #expect(try schemaText("flag\n0\n1\n1\n").contains("  type: INT\n  bool_domain {\n  }\n"))
        #expect(try schemaText("flag\n1\n1\n").contains("bool_domain"))
        #expect(try !schemaText("flag\n0\n0\n").contains("bool_domain"))
        #expect(try !schemaText("flag\n0\n2\n").contains("bool_domain"))
    }

    @Test func trueAndFalseSpellingsGetABoolDomainNamingThem() throws {
        #expect(
            try schemaText("ok\ntrue\nFALSE\n").contains(
                """
                  type: BYTES
                  bool_domain {
                    true_value: "true"
                    false_value: "FALSE"
                  }
                """))
        #expect(try schemaText("ok\nclear\n").contains("bool_domain {\n    false_value: \"clear\"\n  }"))
        // Two true spellings are not a boolean: they become a string domain.
        #expect(try schemaText("ok\ntrue\nTRUE\n").contains("domain: \"ok\""))
    }

    @Test func integersTooBigForInt64AreTextWithAStringDomain() throws {
        #expect(try schemaText("big\n99999999999999999999\n").contains("type: BYTES\n  domain: \"big\""))
    }

    @Test func textStatisticsWhoseValuesAllSpellIntegersGetAnEmptyIntDomain() {
        // From CSV this needs more than 1000 distinct values, the rare non-integers falling outside
        // the rank histogram; the rule itself reads the histogram's labels, as TFDV's does.
        var statistics = FeatureNameStatistics()
        statistics.path = Path.with { $0.step = ["code"] }
        statistics.type = .string
        statistics.stringStats = StringStatistics.with {
            $0.commonStats = CommonStatistics.with {
                $0.numNonMissing = 3; $0.minNumValues = 1; $0.maxNumValues = 1
            }
            $0.rankHistogram.buckets = [" 12", "-7", "+3"].map { label in RankHistogram.Bucket.with { $0.label = label } }
        }
        let list = DatasetFeatureStatisticsList.with { $0.datasets = [DatasetFeatureStatistics.with { $0.features = [statistics] }] }
        let feature = SchemaInferrer().schema(from: list).feature[0]
        #expect(feature.hasIntDomain)
        #expect(feature.intDomain == IntDomain())
    }

    @Test func domainNamesAreQuotedPathsWhenTheNameHasDots() throws {
        // protoc's text format escapes the single quotes.
        #expect(try schemaText("a.b\nx\n").contains("domain: \"\\'a.b\\'\""))
        #expect(try schemaText("it's\nx\n").contains("domain: \"\\'it\\'\\'s\\'\""))
    }
}
