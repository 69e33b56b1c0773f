"""ml-metadata 1.17.1's C++ store behind a gRPC server: the reference our server is compared with.

usage: Scripts/mlmd-python.sh Scripts/ml-metadata-server.py PORT [STORE]

STORE is an SQLite file (created if missing), postgresql://USER:PASSWORD@HOST:PORT/DBNAME or
mysql://USER:PASSWORD@HOST:PORT/DATABASE; without it, an in-memory database. Listens on
127.0.0.1:PORT (PORT 0: a free one) and prints `ready PORT` once it does. Serves
ml_metadata.MetadataStoreService with the store the PyPI package wraps for its Python client: the
bytes of each request go to the core as they came and its answer goes back as it is, so nothing
here parses a message. The three methods the package does not wrap (GetLineageGraph,
GetParentContextsByContexts, GetChildrenContextsByContexts) answer UNIMPLEMENTED. One worker thread
runs every call, as one store is one database connection.
"""
import sys
from concurrent import futures

import grpc
from ml_metadata.metadata_store.pywrap.metadata_store_extension import metadata_store as core
from ml_metadata.proto import metadata_store_pb2 as pb
from ml_metadata.proto import metadata_store_service_pb2
from mlmd_connection import connection_config

STATUS = {code.value[0]: code for code in grpc.StatusCode}


def handler(store, call):
    def answer(request, context):
        response, message, code = call(store, request)
        if code != 0:
            context.abort(STATUS.get(code, grpc.StatusCode.UNKNOWN), message.decode("utf-8", "replace"))
        return response
    # No (de)serializers: the handler gets and returns the wire bytes.
    return grpc.unary_unary_rpc_method_handler(answer)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[1])
    port = int(sys.argv[1])
    config = connection_config(sys.argv[2] if len(sys.argv) == 3 else None)
    try:
        store = core.CreateMetadataStore(config.SerializeToString(), pb.MigrationOptions().SerializeToString())
    except RuntimeError as error:
        sys.exit(f"ml-metadata-server: cannot open the store: {error}")

    service = metadata_store_service_pb2.DESCRIPTOR.services_by_name["MetadataStoreService"]
    methods = {m.name: handler(store, getattr(core, m.name)) for m in service.methods if hasattr(core, m.name)}
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=1))
    server.add_generic_rpc_handlers([grpc.method_handlers_generic_handler(service.full_name, methods)])
    bound = server.add_insecure_port(f"127.0.0.1:{port}")
    if bound == 0:
        sys.exit(f"ml-metadata-server: cannot listen on 127.0.0.1:{port}")
    server.start()
    print(f"ready {bound}", flush=True)
    try:
        server.wait_for_termination()
    except KeyboardInterrupt:
        server.stop(0)


if __name__ == "__main__":
    main()
