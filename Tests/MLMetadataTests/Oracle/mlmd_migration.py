"""ml-metadata 1.17.1's own schema migrations, for the Swift store's migration tests.

usage: Scripts/mlmd-python.sh mlmd_migration.py < COMMANDS

Reads one command a line and prints one line for each, `ok` or `error: MESSAGE` (on one line), so
that one process runs a whole batch:

  populate DB         a version-10 store with varied records (every property kind, proto and
                      struct values, a 70000-character string, events with paths, relations)
  downgrade DB V      metadata_store.downgrade_schema(config, V)
  upgrade DB          open with enable_upgrade_migration=True
  open DB             open without migration options

DB is an SQLite file path, postgresql://USER:PASSWORD@HOST:PORT/DBNAME or
mysql://USER:PASSWORD@HOST:PORT/DATABASE.
"""
import os
import sys

from google.protobuf import any_pb2, struct_pb2
from ml_metadata import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb

# The repository's Scripts/ holds the module that reads store names.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'Scripts'))
from mlmd_connection import connection_config  # noqa: E402


def packed(message):
    value = any_pb2.Any()
    value.Pack(message)
    return value


def structure(fields):
    value = struct_pb2.Struct()
    value.update(fields)
    return value


def populate(db):
    store = metadata_store.MetadataStore(connection_config(db))
    data_set = pb.ArtifactType(name='DataSet', version='v1', description='rows of examples',
                               external_id='type-dataset', base_type=pb.ArtifactType.DATASET)
    for name, kind in [('day', pb.INT), ('ratio', pb.DOUBLE), ('split', pb.STRING),
                       ('meta', pb.STRUCT), ('schema', pb.PROTO), ('ok', pb.BOOLEAN)]:
        data_set.properties[name] = kind
    data_set_id = store.put_artifact_type(data_set)
    model = pb.ArtifactType(name='Model')
    model.properties['framework'] = pb.STRING
    model_id = store.put_artifact_type(model)
    trainer = pb.ExecutionType(name='Trainer', version='v2', description='trains models',
                               external_id='type-trainer', base_type=pb.ExecutionType.TRAIN)
    trainer.properties['steps'] = pb.INT
    trainer.input_type.any.SetInParent()
    trainer.output_type.none.SetInParent()
    trainer_id = store.put_execution_type(trainer)
    pipeline = pb.ContextType(name='Pipeline', version='v3', description='pipelines', external_id='type-pipeline')
    pipeline.properties['owner'] = pb.STRING
    pipeline_id = store.put_context_type(pipeline)
    run_id = store.put_context_type(pb.ContextType(name='Run'))

    first = pb.Artifact(type_id=data_set_id, uri='/data/train', name='train', external_id='artifact-train',
                        state=pb.Artifact.LIVE)
    first.properties['day'].int_value = 42
    first.properties['ratio'].double_value = 2.5
    first.properties['split'].string_value = 'train'
    first.properties['meta'].struct_value.CopyFrom(structure({'k': [1, 'x', True]}))
    first.properties['schema'].proto_value.CopyFrom(packed(pb.Artifact(uri='packed')))
    first.properties['ok'].bool_value = True
    first.custom_properties['count'].int_value = -7
    first.custom_properties['loss'].double_value = 1e-3
    first.custom_properties['note'].string_value = "it's \"quoted\""
    first.custom_properties['tree'].struct_value.CopyFrom(structure({'a': {'b': None}}))
    first.custom_properties['any'].proto_value.CopyFrom(packed(pb.Execution(name='packed')))
    first.custom_properties['flag'].bool_value = False
    first.custom_properties['day'].int_value = 99
    second = pb.Artifact(type_id=data_set_id, uri='/data/eval')
    second.properties['split'].string_value = 'L' * 70000
    third = pb.Artifact(type_id=model_id, uri='/models/3', name='m3', state=pb.Artifact.PENDING)
    third.properties['framework'].string_value = 'tf'
    fourth = pb.Artifact(type_id=model_id, uri='/models/4', name='m4')
    artifacts = store.put_artifacts([first, second, third, fourth])

    training = pb.Execution(type_id=trainer_id, name='training', external_id='execution-training',
                            last_known_state=pb.Execution.COMPLETE)
    training.properties['steps'].int_value = 100
    training.custom_properties['note'].string_value = 'ok'
    training.custom_properties['flag'].bool_value = True
    executions = store.put_executions([training, pb.Execution(type_id=trainer_id)])

    main = pb.Context(type_id=pipeline_id, name='main', external_id='context-main')
    main.properties['owner'].string_value = 'alice'
    main.custom_properties['spec'].proto_value.CopyFrom(packed(pb.Context(name='spec')))
    main.custom_properties['weight'].double_value = 3.25
    contexts = store.put_contexts([main, pb.Context(type_id=run_id, name='run-1'), pb.Context(type_id=run_id, name='run-2')])

    read = pb.Event(artifact_id=artifacts[0], execution_id=executions[0], type=pb.Event.INPUT,
                    milliseconds_since_epoch=1700000000123)
    read.path.steps.add().key = 'examples'
    read.path.steps.add().index = 0
    wrote = pb.Event(artifact_id=artifacts[2], execution_id=executions[0], type=pb.Event.OUTPUT,
                     milliseconds_since_epoch=1700000000456)
    wrote.path.steps.add().key = 'model'
    declared = pb.Event(artifact_id=artifacts[1], execution_id=executions[1], type=pb.Event.DECLARED_INPUT,
                        milliseconds_since_epoch=5)
    store.put_events([read, wrote, declared])
    store.put_attributions_and_associations(
        [pb.Attribution(context_id=contexts[0], artifact_id=artifacts[0]),
         pb.Attribution(context_id=contexts[1], artifact_id=artifacts[2])],
        [pb.Association(context_id=contexts[0], execution_id=executions[0]),
         pb.Association(context_id=contexts[1], execution_id=executions[1])])
    store.put_parent_contexts([pb.ParentContext(child_id=contexts[1], parent_id=contexts[0]),
                               pb.ParentContext(child_id=contexts[2], parent_id=contexts[0])])


def run(command):
    words = command.split()
    if words[0] == 'populate':
        populate(words[1])
    elif words[0] == 'downgrade':
        metadata_store.downgrade_schema(connection_config(words[1]), int(words[2]))
    elif words[0] == 'upgrade':
        metadata_store.MetadataStore(connection_config(words[1]), enable_upgrade_migration=True)
    elif words[0] == 'open':
        metadata_store.MetadataStore(connection_config(words[1]))
    else:
        raise ValueError('unknown command ' + words[0])


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        run(line.strip())
        print('ok', flush=True)
    except Exception as error:  # every failure is a result to compare, not a crash
        print('error: ' + ' '.join(str(error).split()), flush=True)
