import Testing

/// `mlmd ls`, `mlmd show` and `mlmd lineage` on a small pipeline.
@Suite struct NodeCommandTests {
    @Test func lsListsOneLinePerNodeWithTypeFilter() throws {
        let store = try StoreFixture()
        #expect(
            try store.run(["ls", "artifacts"]).text == """
                ID  TYPE     NAME   URI             STATE
                1   DataSet  train  data/train.csv  LIVE
                2   Schema   -      schema.pbtxt    -

                """)
        #expect(
            try store.run(["ls", "artifacts", "--type", "Schema"]).text
                == "ID  TYPE    NAME  URI           STATE\n2   Schema  -     schema.pbtxt  -\n")
        #expect(try store.run(["ls", "contexts", "--filter", "name = 'Demo'"]).text == "ID  TYPE        NAME\n1   Experiment  Demo\n")
    }

    @Test func showPrintsTextFormat() throws {
        let store = try StoreFixture()
        let result = try store.run(["show", "execution", "1"])
        #expect(result.status == 0)
        #expect(
            maskingTimes(result.text) == """
                id: 1
                type_id: 12
                last_known_state: COMPLETE
                name: "run \\"1\\""
                type: "Trainer"
                create_time_since_epoch: TIME
                last_update_time_since_epoch: TIME

                """)
        let missing = try store.run(["show", "artifact", "9"])
        #expect(missing.status == 1)
        #expect(missing.error == "mlmd: \(store.path): no artifact with id 9\n")
    }

    @Test func lineageAsTextDotAndMermaid() throws {
        let store = try StoreFixture()
        #expect(
            try store.run(["lineage", "artifact", "1"]).text == """
                [artifact 1: DataSet "train"] --DECLARED_INPUT--> [execution 1: Trainer "run \\"1\\""]
                [execution 1: Trainer "run \\"1\\""] --DECLARED_OUTPUT--> [artifact 2: Schema "schema.pbtxt"]

                """)
        #expect(
            try store.run(["lineage", "artifact", "2", "--format", "dot"]).text == """
                digraph lineage {
                  rankdir=LR;
                  node [fontname="Helvetica"];
                  a1 [shape=ellipse, label="DataSet #1\\ntrain"];
                  a2 [shape=ellipse, label="Schema #2\\nschema.pbtxt", penwidth=3];
                  e1 [shape=box, label="Trainer #1\\nrun \\"1\\""];
                  a1 -> e1 [label="DECLARED_INPUT"];
                  e1 -> a2 [label="DECLARED_OUTPUT"];
                }

                """)
        #expect(
            try store.run(["lineage", "execution", "1", "--format", "mermaid"]).text == """
                flowchart LR
                  a1(["DataSet #1<br>train"])
                  a2(["Schema #2<br>schema.pbtxt"])
                  e1["Trainer #1<br>run #quot;1#quot;"]
                  a1 -->|DECLARED_INPUT| e1
                  e1 -->|DECLARED_OUTPUT| a2
                  style e1 stroke-width:3px

                """)
        #expect(
            try store.run(["lineage", "artifact", "1", "--hops", "1"]).text
                == "[artifact 1: DataSet \"train\"] --DECLARED_INPUT--> [execution 1: Trainer \"run \\\"1\\\"\"]\n")
    }

    @Test func lineageOfAContextIsAUsageError() throws {
        let store = try StoreFixture()
        let result = try store.run(["lineage", "context", "1"])
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("Error: lineage starts at an artifact or an execution, not a context\n"))
    }
}
