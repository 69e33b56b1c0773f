"""Checks Protos/ml_metadata against the descriptors of the published ml-metadata package.

usage: Scripts/mlmd-python.sh Scripts/check-mlmd-protos.py [PROTO_ROOT]    (PROTO_ROOT defaults to Protos)
Needs protoc. Compiles our metadata_store.proto and metadata_store_service.proto and compares them
with the ones ml-metadata 1.17.1 ships, field by field (proto_descriptors.py says what is compared).
Prints 'protos match' and exits 0 when equal; otherwise one line per difference, exit 1.
"""
import sys

from ml_metadata.proto import metadata_store_pb2, metadata_store_service_pb2

from proto_descriptors import differences, published


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Protos"
    found = differences(published([metadata_store_pb2, metadata_store_service_pb2]), root)
    for line in found:
        print(line)
    print(f"{len(found)} differences" if found else "protos match")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
