"""ml-metadata 1.17.1 on one side of a deployment's switch to `metadata_store_server`: it makes an
older store, upgrades its own copy, and reads a store through a database or through a server with
the official client, so that both sides' reads can be compared.

usage: Scripts/mlmd-python.sh deployment_switch.py prepare DB VERSION  # records at 10, then downgraded (unless 10)
       Scripts/mlmd-python.sh deployment_switch.py upgrade DB          # ml-metadata's own upgrade
       Scripts/mlmd-python.sh deployment_switch.py dump DB [no-times]  # every record, one a line

DB is an SQLite file, mysql://USER:PASSWORD@HOST:PORT/DATABASE, or (for dump) grpc://HOST:PORT, read
with a MetadataStoreClientConfig as TFX and Kubeflow read a server.
"""
import os
import sys

from ml_metadata import metadata_store
from ml_metadata.proto import metadata_store_pb2 as pb

# The repository's Scripts/ holds the module that reads store names.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'Scripts'))
from mlmd_connection import connection_config  # noqa: E402


def prepare(db, version):
    """Records every schema version from 7 on keeps: typed and custom int, double and string
    properties, events with paths, attributions, associations and parent contexts."""
    store = metadata_store.MetadataStore(connection_config(db))
    data_set = pb.ArtifactType(name='DataSet', version='v1', description='rows')
    data_set.properties['split'] = pb.STRING
    data_set.properties['day'] = pb.INT
    data_set_type = store.put_artifact_type(data_set)
    trainer = pb.ExecutionType(name='Trainer')
    trainer.properties['epochs'] = pb.INT
    trainer_type = store.put_execution_type(trainer)
    run_type = store.put_context_type(pb.ContextType(name='PipelineRun'))
    artifacts = []
    for index in range(6):
        artifact = pb.Artifact(type_id=data_set_type, uri=f'/data/{index}.csv', name=f'part-{index}',
                               state=pb.Artifact.LIVE)
        artifact.properties['split'].string_value = 'train' if index % 2 else 'eval'
        artifact.properties['day'].int_value = index
        artifact.custom_properties['rows'].double_value = index / 4
        artifact.custom_properties['note'].string_value = f'naïve {index}'
        artifacts.append(artifact)
    artifact_ids = store.put_artifacts(artifacts)
    execution = pb.Execution(type_id=trainer_type, name='train', last_known_state=pb.Execution.COMPLETE)
    execution.properties['epochs'].int_value = 3
    execution_ids = store.put_executions([execution, pb.Execution(type_id=trainer_type, name='eval')])
    context_ids = store.put_contexts([pb.Context(type_id=run_type, name=f'run-{index}') for index in range(3)])
    events = []
    for index, artifact_id in enumerate(artifact_ids):
        event = pb.Event(artifact_id=artifact_id, execution_id=execution_ids[index % 2],
                         type=pb.Event.INPUT if index < 3 else pb.Event.OUTPUT, milliseconds_since_epoch=index + 1)
        event.path.steps.add().key = f'slot-{index}'
        event.path.steps.add().index = index
        events.append(event)
    store.put_events(events)
    store.put_attributions_and_associations(
        [pb.Attribution(context_id=context_ids[index % 3], artifact_id=artifact_id)
         for index, artifact_id in enumerate(artifact_ids)],
        [pb.Association(context_id=context_ids[0], execution_id=execution_id) for execution_id in execution_ids])
    store.put_parent_contexts([pb.ParentContext(child_id=context_ids[1], parent_id=context_ids[0]),
                               pb.ParentContext(child_id=context_ids[2], parent_id=context_ids[0])])
    if int(version) != 10:
        metadata_store.downgrade_schema(connection_config(db), int(version))


def upgrade(db):
    metadata_store.MetadataStore(connection_config(db), enable_upgrade_migration=True)


def dump(db, times='times'):
    """Types, nodes, every node's events, every context's members and parents, by id, as
    `kind<TAB>id<TAB>hex of the deterministic serialization`; with `no-times`, nodes without their
    create and update times (for two stores made apart, which only those tell apart)."""
    store = metadata_store.MetadataStore(connection_config(db))
    ids = list(range(1, 100))
    rows = [('type', t.id, t) for t in store.get_artifact_types_by_id(ids)]
    rows += [('type', t.id, t) for t in store.get_execution_types_by_id(ids)]
    rows += [('type', t.id, t) for t in store.get_context_types_by_id(ids)]
    rows.sort(key=lambda row: row[1])
    artifacts = sorted(store.get_artifacts(), key=lambda node: node.id)
    executions = sorted(store.get_executions(), key=lambda node: node.id)
    contexts = sorted(store.get_contexts(), key=lambda node: node.id)
    rows += [('artifact', node.id, node) for node in artifacts]
    rows += [('execution', node.id, node) for node in executions]
    rows += [('context', node.id, node) for node in contexts]
    events = store.get_events_by_artifact_ids([node.id for node in artifacts])
    rows += [('event', event.artifact_id, event)
             for event in sorted(events, key=lambda event: (event.artifact_id, event.execution_id, event.type))]
    for context in contexts:
        rows += [('member artifact', context.id, node) for node in sorted(store.get_artifacts_by_context(context.id), key=lambda n: n.id)]
        rows += [('member execution', context.id, node) for node in sorted(store.get_executions_by_context(context.id), key=lambda n: n.id)]
        rows += [('parent', context.id, node) for node in sorted(store.get_parent_contexts_by_context(context.id), key=lambda n: n.id)]
    for kind, row_id, message in rows:
        if times == 'no-times' and kind in ('artifact', 'execution', 'context', 'member artifact', 'member execution', 'parent'):
            message.ClearField('create_time_since_epoch')
            message.ClearField('last_update_time_since_epoch')
        print(f'{kind}\t{row_id}\t{message.SerializeToString(deterministic=True).hex()}')


{'prepare': prepare, 'upgrade': upgrade, 'dump': dump}[sys.argv[1]](*sys.argv[2:])
