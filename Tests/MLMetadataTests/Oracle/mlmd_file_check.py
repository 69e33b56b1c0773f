"""The real ml-metadata 1.17.1 on an SQLite file, for the Swift store's file-compatibility tests.

usage: mlmd-oracle python mlmd_file_check.py write FILE   # create types with ml-metadata in FILE
       mlmd-oracle python mlmd_file_check.py dump FILE    # print what ml-metadata reads from FILE

`dump` prints every artifact, execution and context type (built-ins included, by id) as
`id<TAB>kind<TAB>text format on one line`, so both implementations' views can be compared.
"""
import sys

from ml_metadata.metadata_store import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb


def open_store(path):
    config = pb.ConnectionConfig()
    config.sqlite.filename_uri = path
    config.sqlite.connection_mode = pb.SqliteMetadataSourceConfig.READWRITE_OPENCREATE
    return metadata_store.MetadataStore(config)


def write(path):
    store = open_store(path)
    data_set = pb.ArtifactType(name='DataSet', version='v1', description='rows', external_id='ds')
    data_set.properties['day'] = pb.INT
    data_set.properties['split'] = pb.STRING
    data_set.base_type = pb.ArtifactType.DATASET
    store.put_artifact_type(data_set)
    trainer = pb.ExecutionType(name='Trainer', base_type=pb.ExecutionType.TRAIN)
    trainer.properties['epochs'] = pb.INT
    store.put_execution_type(trainer)
    store.put_context_type(pb.ContextType(name='Experiment'))


def dump(path):
    store = open_store(path)
    ids = list(range(1, 100))
    rows = [(t.id, 'artifact', t) for t in store.get_artifact_types_by_id(ids)]
    rows += [(t.id, 'execution', t) for t in store.get_execution_types_by_id(ids)]
    rows += [(t.id, 'context', t) for t in store.get_context_types_by_id(ids)]
    for type_id, kind, message in sorted(rows, key=lambda row: row[0]):
        # Deterministic bytes, hex: independent of text-format details and map order.
        print(f'{type_id}\t{kind}\t{message.SerializeToString(deterministic=True).hex()}')


if __name__ == '__main__':
    {'write': write, 'dump': dump}[sys.argv[1]](sys.argv[2])
