"""The real ml-metadata 1.17.1 on an SQLite file (or a postgresql:// or mysql:// database), for the Swift store's
compatibility tests.

usage: Scripts/mlmd-python.sh mlmd_file_check.py write FILE   # create types with ml-metadata in FILE
       Scripts/mlmd-python.sh mlmd_file_check.py dump FILE    # print what ml-metadata reads from FILE
       Scripts/mlmd-python.sh mlmd_file_check.py put-many FILE N PREFIX  # N one-artifact put calls (type 10)
       Scripts/mlmd-python.sh mlmd_file_check.py filter FILE KIND       # one filter_query per stdin line
       Scripts/mlmd-python.sh mlmd_file_check.py lineage FILE           # one GetLineageSubgraphRequest (text) per stdin line

`dump` prints every type (built-ins included) and every artifact, execution and context, by id,
as `kind<TAB>id<TAB>hex of the deterministic serialization`, so both implementations' views can be
compared byte for byte.
"""
import os
import sys

from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb

# The repository's Scripts/ holds the module that reads store names.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'Scripts'))
from mlmd_connection import connection_config  # noqa: E402


def open_store(path):
    return metadata_store.MetadataStore(connection_config(path))


def write(path):
    store = open_store(path)
    data_set = pb.ArtifactType(name='DataSet', version='v1', description='rows', external_id='ds')
    data_set.properties['day'] = pb.INT
    data_set.properties['split'] = pb.STRING
    data_set.base_type = pb.ArtifactType.DATASET
    store.put_artifact_type(data_set)
    trainer = pb.ExecutionType(name='Trainer', base_type=pb.ExecutionType.TRAIN)
    trainer.properties['epochs'] = pb.INT
    examples = trainer.input_type.dict.properties['examples'].simple
    examples.name = 'Examples'
    examples.id = 3
    examples.properties['span'] = pb.INT
    examples.base_type = pb.ArtifactType.DATASET
    trainer.input_type.dict.properties['model'].union_type.candidates.add().none.SetInParent()
    trainer.input_type.dict.none_type_not_required = True
    trainer.output_type.list.element.any.SetInParent()
    store.put_execution_type(trainer)
    store.put_context_type(pb.ContextType(name='Experiment'))
    artifact = pb.Artifact(type_id=10, name='train.csv', uri='/data/train.csv', external_id='a1', state=pb.Artifact.LIVE)
    artifact.properties['day'].int_value = 3
    artifact.properties['split'].string_value = 'train'
    artifact.custom_properties['rows'].double_value = 0.5
    artifact.custom_properties['note'].string_value = 'naïve café ✓'
    artifact.custom_properties['ok'].bool_value = True
    artifact.custom_properties['meta'].struct_value['k'] = 'v'
    artifact.custom_properties['any'].proto_value.Pack(pb.Artifact(id=5))
    store.put_artifacts([artifact, pb.Artifact(type_id=10)])
    store.put_executions([pb.Execution(type_id=11, last_known_state=pb.Execution.COMPLETE)])
    store.put_contexts([pb.Context(type_id=12, name='run-1')])


def dump(path):
    store = open_store(path)
    ids = list(range(1, 100))
    rows = [(t.id, 'artifact', t) for t in store.get_artifact_types_by_id(ids)]
    rows += [(t.id, 'execution', t) for t in store.get_execution_types_by_id(ids)]
    rows += [(t.id, 'context', t) for t in store.get_context_types_by_id(ids)]
    rows.sort(key=lambda row: row[0])
    # By id: PostgreSQL lists rows in the order it keeps them, which an update changes.
    rows += [(a.id, 'Artifact', a) for a in sorted(store.get_artifacts(), key=lambda n: n.id)]
    rows += [(e.id, 'Execution', e) for e in sorted(store.get_executions(), key=lambda n: n.id)]
    rows += [(c.id, 'Context', c) for c in sorted(store.get_contexts(), key=lambda n: n.id)]
    for row_id, kind, message in rows:
        # Deterministic bytes, hex: independent of text-format details and map order.
        print(f'{kind}\t{row_id}\t{message.SerializeToString(deterministic=True).hex()}')


def put_many(path, count, prefix):
    import time
    store = open_store(path)
    for index in range(int(count)):
        store.put_artifacts([pb.Artifact(type_id=10, uri=f'{prefix}/{index}')])
        time.sleep(0.002)  # a client's think time, so the other writer gets turns too


def filter_ids(path, kind):
    """For each line of stdin (a filter_query), the ids ml-metadata lists for it (all pages), or ERROR."""
    from ml_metadata import errors
    from ml_metadata.metadata_store import ListOptions
    store = open_store(path)
    get = {'artifacts': store.get_artifacts, 'executions': store.get_executions, 'contexts': store.get_contexts}[kind]
    for line in sys.stdin.read().splitlines():
        try:
            ids = sorted(node.id for node in get(list_options=ListOptions(filter_query=line)))
            print(' '.join(map(str, ids)))
        except errors.StatusError as error:
            print(f'ERROR {error.error_code}')


def lineage(path):
    """For each line of stdin (a GetLineageSubgraphRequest in text format), a summary of the subgraph
    the core returns for exactly that request (the Python client would rewrite the read mask)."""
    from google.protobuf import text_format
    from ml_metadata import errors
    from ml_metadata.proto import metadata_store_service_pb2 as service_pb
    store = open_store(path)
    for line in sys.stdin.read().splitlines():
        request = text_format.Parse(line, service_pb.GetLineageSubgraphRequest())
        response = service_pb.GetLineageSubgraphResponse()
        try:
            store._call('GetLineageSubgraph', request, response)
        except errors.StatusError as error:
            print(f'ERROR {error.error_code}')
            continue
        graph = response.lineage_subgraph
        ids = lambda nodes: ','.join(str(i) for i in sorted(n.id for n in nodes))
        events = ','.join(f'{a}-{e}-{t}' for a, e, t in sorted((v.artifact_id, v.execution_id, v.type) for v in graph.events))
        attributions = ','.join(f'{x.artifact_id}-{x.context_id}' for x in graph.attributions)
        associations = ','.join(f'{x.execution_id}-{x.context_id}' for x in graph.associations)
        skeletons = all(len(n.ListFields()) == 1 for n in [*graph.artifacts, *graph.executions, *graph.contexts])
        print(f'{"ids" if skeletons else "full"} A:{ids(graph.artifacts)} E:{ids(graph.executions)} C:{ids(graph.contexts)} ev:{events} '
              f'T:{ids(graph.artifact_types)}/{ids(graph.execution_types)}/{ids(graph.context_types)} '
              f'at:{attributions} as:{associations}')


if __name__ == '__main__':
    {'write': write, 'dump': dump, 'put-many': put_many, 'filter': filter_ids, 'lineage': lineage}[sys.argv[1]](*sys.argv[2:])
