"""Checks Protos/tensorflow_metadata against the descriptors of the published tensorflow-metadata package.

usage: python Scripts/check-tfmd-protos.py [PROTO_ROOT]      (PROTO_ROOT defaults to Protos)
Needs protoc and `pip install tensorflow-metadata==1.16.1` (the version TFDV 1.16.1 uses). Compiles our
schema.proto, statistics.proto, path.proto and derived_feature.proto and compares them with the published
ones, message by message and field by field (proto_descriptors.py says what is compared). Comments are
ours and are not compared.
Prints 'tensorflow_metadata protos match' and exits 0 when equal; otherwise one line per difference, exit 1.
"""
import sys

from tensorflow_metadata.proto.v0 import derived_feature_pb2, path_pb2, schema_pb2, statistics_pb2

from proto_descriptors import differences, published


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Protos"
    found = differences(published([path_pb2, derived_feature_pb2, schema_pb2, statistics_pb2]), root)
    for line in found:
        print(line)
    print(f"{len(found)} differences" if found else "tensorflow_metadata protos match")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
