"""Checks Protos/tensorflow_metadata against the descriptors of the published tensorflow-metadata package.

usage: python Scripts/check-tfmd-protos.py [PROTO_ROOT]      (PROTO_ROOT defaults to Protos)
Needs protoc and `pip install tensorflow-metadata==1.16.1` (the version TFDV 1.16.1 uses). Compiles our
schema.proto, statistics.proto, path.proto and derived_feature.proto and compares, message by message,
every field (name, number, label, type, type name, default, oneof, packed, deprecated, proto3 optional),
oneof, enum value, reserved range and file option. Comments are ours and are not compared.
Prints 'tensorflow_metadata protos match' and exits 0 when equal; otherwise one line per difference, exit 1.
"""
import os
import subprocess
import sys
import tempfile

from google.protobuf import descriptor_pb2
from tensorflow_metadata.proto.v0 import derived_feature_pb2, path_pb2, schema_pb2, statistics_pb2

MODULES = (path_pb2, derived_feature_pb2, schema_pb2, statistics_pb2)


def published():
    files = {}
    for module in MODULES:
        proto = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(proto)
        files[proto.name] = proto
    return files


def ours(root, names):
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "set.pb")
        subprocess.run(["protoc", f"-I{root}", "--include_imports", f"--descriptor_set_out={out}"] + names, check=True)
        descriptor_set = descriptor_pb2.FileDescriptorSet()
        descriptor_set.ParseFromString(open(out, "rb").read())
        return {f.name: f for f in descriptor_set.file}


def field_facts(field):
    return (field.name, field.number, field.label, field.type, field.type_name,
            field.default_value if field.HasField("default_value") else None,
            field.oneof_index if field.HasField("oneof_index") else None,
            field.options.packed if field.options.HasField("packed") else None,
            field.options.deprecated, field.proto3_optional)


def enum_facts(enum):
    return ([(v.name, v.number, v.options.deprecated) for v in enum.value],
            [(r.start, r.end) for r in enum.reserved_range])


differences = []


def compare_enums(where, expected, actual):
    want = {e.name: enum_facts(e) for e in expected}
    got = {e.name: enum_facts(e) for e in actual}
    for name in sorted(set(want) | set(got)):
        if want.get(name) != got.get(name):
            differences.append(f"{where}.{name}: enum expected {want.get(name)} got {got.get(name)}")


def compare_messages(where, expected, actual):
    want = {f.number: field_facts(f) for f in expected.field}
    got = {f.number: field_facts(f) for f in actual.field}
    for number in sorted(set(want) | set(got)):
        if want.get(number) != got.get(number):
            differences.append(f"{where}: field {number}: expected {want.get(number)} got {got.get(number)}")
    if [o.name for o in expected.oneof_decl] != [o.name for o in actual.oneof_decl]:
        differences.append(f"{where}: oneofs expected {[o.name for o in expected.oneof_decl]} got {[o.name for o in actual.oneof_decl]}")
    for facts in (lambda m: [(r.start, r.end) for r in m.reserved_range],
                  lambda m: [(r.start, r.end) for r in m.extension_range],
                  lambda m: list(m.reserved_name),
                  lambda m: m.options.map_entry):
        if facts(expected) != facts(actual):
            differences.append(f"{where}: expected {facts(expected)} got {facts(actual)}")
    compare_enums(where, expected.enum_type, actual.enum_type)
    compare_message_lists(where + ".", expected.nested_type, actual.nested_type)


def compare_message_lists(prefix, expected, actual):
    want = {m.name: m for m in expected}
    got = {m.name: m for m in actual}
    for name in sorted(set(want) | set(got)):
        if name not in got:
            differences.append(f"{prefix}{name}: missing")
        elif name not in want:
            differences.append(f"{prefix}{name}: not in the published package")
        else:
            compare_messages(prefix + name, want[name], got[name])


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Protos"
    reference = published()
    mine = ours(root, sorted(reference))
    for name, expected in reference.items():
        actual = mine.get(name)
        if actual is None:
            differences.append(f"{name}: missing")
            continue
        for fact in ("package", "syntax"):
            if getattr(expected, fact) != getattr(actual, fact):
                differences.append(f"{name}: {fact} expected {getattr(expected, fact)!r} got {getattr(actual, fact)!r}")
        if list(expected.dependency) != list(actual.dependency):
            differences.append(f"{name}: imports expected {list(expected.dependency)} got {list(actual.dependency)}")
        if expected.options != actual.options:
            differences.append(f"{name}: file options differ")
        compare_message_lists(f"{name}: ", expected.message_type, actual.message_type)
        compare_enums(name, expected.enum_type, actual.enum_type)
        if len(expected.extension) != len(actual.extension) or expected.service != actual.service:
            differences.append(f"{name}: extensions or services differ")
    for line in differences:
        print(line)
    print("tensorflow_metadata protos match" if not differences else f"{len(differences)} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
