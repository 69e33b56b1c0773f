#!/usr/bin/env python3
"""Generate the golden proto3 JSON vectors: what Python protobuf's json_format prints and parses.

Run from the repository root (needs `protoc` on PATH and a python with ml-metadata 1.17.1 and
protobuf; Scripts/mlmd-python.sh provides both):

    Scripts/mlmd-python.sh Scripts/make-json-vectors.py

Writes Tests/MLMDProtosTests/GoldenJSON/ (manifest.tsv, CASE.bin, CASE.json, CASE.input.json).
Deterministic: every run writes the same bytes.

For every message type of Protos/ (ml_metadata, swift_ml_metadata, tensorflow_metadata) and the
well-known types we ship (Any, Struct, Value, ListValue, FieldMask), an empty message and
messages filled at random with every kind of value:
  * CASE.bin  -- the message, serialized deterministically;
  * CASE.json -- exactly what `json_format.MessageToJson(message, indent=2, ensure_ascii=False)`
                 prints for CASE.bin (which `json_format.Parse` reads back to CASE.bin).
json-input cases also have CASE.input.json, hand-written JSON in the forms the parser accepts
besides the printed ones; json_format.Parse reads it to CASE.bin.

manifest.tsv columns: case_name, full message type name, kind (`message`, `json-input`, or
`print-only` for the one JSON that does not read back: an unset Value prints as null).
"""
import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

# The pure-python runtime: its maps iterate in insertion order, so a message parsed from
# deterministic bytes prints its map entries in key order, as protobuf's other runtimes do.
os.environ['PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION'] = 'python'

from google.protobuf.internal import api_implementation  # noqa: E402
from google.protobuf import descriptor as D  # noqa: E402
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory  # noqa: E402
from google.protobuf import any_pb2, field_mask_pb2, struct_pb2  # noqa: E402,F401
from ml_metadata.proto import metadata_store_pb2, metadata_store_service_pb2  # noqa: E402,F401

assert api_implementation.Type() == 'python', api_implementation.Type()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'Tests', 'MLMDProtosTests', 'GoldenJSON')
PROTO_FILES = ['ml_metadata/proto/metadata_store.proto', 'ml_metadata/proto/metadata_store_service.proto',
               'swift_ml_metadata/purge_service.proto', 'tensorflow_metadata/proto/v0/schema.proto',
               'tensorflow_metadata/proto/v0/statistics.proto']
PACKAGES = ('ml_metadata', 'swift_ml_metadata', 'tensorflow.metadata.v0')
WELL_KNOWN = ['google.protobuf.Any', 'google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue',
              'google.protobuf.FieldMask']
MAX_DEPTH = 3

POOL = descriptor_pool.Default()


def load_protos():
    """Adds every file of Protos/ that the default pool lacks (ml_metadata's come with its package)."""
    with tempfile.TemporaryDirectory() as tmp:
        desc = os.path.join(tmp, 'all.desc')
        subprocess.run(['protoc', '-I' + os.path.join(ROOT, 'Protos'), '--include_imports', '--descriptor_set_out=' + desc]
                       + PROTO_FILES, check=True)
        file_set = descriptor_pb2.FileDescriptorSet.FromString(open(desc, 'rb').read())
    for file_proto in file_set.file:
        try:
            POOL.FindFileByName(file_proto.name)
        except KeyError:
            POOL.AddSerializedFile(file_proto.SerializeToString())
    return [f for f in file_set.file if f.package in PACKAGES]


def message_types(files):
    names = []

    def walk(desc):
        if desc.GetOptions().map_entry:
            return
        names.append(desc.full_name)
        for nested in desc.nested_types:
            walk(nested)
    for file_proto in files:
        for message in POOL.FindFileByName(file_proto.name).message_types_by_name.values():
            walk(message)
    return names + WELL_KNOWN


def new(type_name):
    return message_factory.GetMessageClass(POOL.FindMessageTypeByName(type_name))()


def is_map(field):
    return field.type == D.FieldDescriptor.TYPE_MESSAGE and field.message_type.GetOptions().map_entry


def canonical(message):
    return message.SerializeToString(deterministic=True)


# ---------------------------------------------------------------------------
# a reflective filler for every field type

T = D.FieldDescriptor
STRINGS = ['plain', 'ünïcødé 漢字 😀', 'quote " backslash \\ slash /', 'line\nbreak\r\n\ttab \b \f', 'ctrl \x00\x01\x1f\x7f',
           '', 'line sep \u2028 \u2029', '<html> & \'apos\'', 'a' * 40]
INT32S = [-(1 << 31), (1 << 31) - 1, -1, 0, 1, 300]
INT64S = [-(1 << 63), (1 << 63) - 1, -1, 0, 1, 1 << 53, (1 << 53) + 1, -123456789012]
UINT32S = [0, 1, (1 << 32) - 1, 1 << 31]
UINT64S = [0, 1, (1 << 64) - 1, 1 << 63, (1 << 53) + 1]
DOUBLES = [0.0, -0.0, 1.5, 0.1, 1 / 3, 1e-07, 1e-05, 0.0001, 1e15, 1e16, 1e17, 123456789012345678.0, 5e-324,
           2.2250738585072014e-308, 1.7976931348623157e308, -2.5e-10, 100.0, math.inf, -math.inf, math.nan]
FLOATS = [0.0, 0.1, 1.5, 3.4e38, 1.401298464324817e-45, 1.1754943508222875e-38, 16777217.0, 1e10, 1e-07,
          math.inf, -math.inf, math.nan, 0.3]
MASK_PATHS = ['name', 'custom_properties', 'a.b_c', 'x1.y2_z3', 'properties.split', '']
STRING_KEYS = ['zeta', 'alpha', '', 'é-key', 'k"q', '10', '9', 'a\nb', 'a', 'ab']


def to_float32(value):
    return struct.unpack('<f', struct.pack('<f', value))[0]


class Filler:
    def __init__(self, seed_name):
        self.rng = random.Random(zlib.crc32(seed_name.encode()))

    def pick(self, values):
        return values[self.rng.randrange(len(values))]

    def double(self, finite):
        if self.rng.random() < 0.5:
            value = self.pick(DOUBLES)
        else:
            value = self.rng.uniform(-1, 1) * 10.0 ** self.rng.randrange(-30, 30)
        return value if math.isfinite(value) or not finite else 2.5

    def scalar(self, field, container):
        kind = field.type
        if kind in (T.TYPE_INT32, T.TYPE_SINT32, T.TYPE_SFIXED32):
            return self.pick(INT32S) if self.rng.random() < 0.7 else self.rng.randrange(-(1 << 31), 1 << 31)
        if kind in (T.TYPE_INT64, T.TYPE_SINT64, T.TYPE_SFIXED64):
            return self.pick(INT64S) if self.rng.random() < 0.7 else self.rng.randrange(-(1 << 63), 1 << 63)
        if kind in (T.TYPE_UINT32, T.TYPE_FIXED32):
            return self.pick(UINT32S)
        if kind in (T.TYPE_UINT64, T.TYPE_FIXED64):
            return self.pick(UINT64S) if self.rng.random() < 0.7 else self.rng.randrange(1 << 64)
        if kind == T.TYPE_BOOL:
            return self.rng.random() < 0.5
        if kind == T.TYPE_DOUBLE:
            # Value.number_value has no JSON form for NaN and the infinities.
            return self.double(finite=container == 'google.protobuf.Value')
        if kind == T.TYPE_FLOAT:
            if self.rng.random() < 0.5:
                return self.pick(FLOATS)
            return to_float32(self.rng.uniform(-1, 1) * 10.0 ** self.rng.randrange(-30, 30))
        if kind == T.TYPE_STRING:
            return self.pick(MASK_PATHS[:-1]) if container == 'google.protobuf.FieldMask' else self.pick(STRINGS)
        if kind == T.TYPE_BYTES:
            return bytes(self.rng.randrange(256) for _ in range(self.rng.randrange(0, 9)))
        if kind == T.TYPE_ENUM:
            numbers = [v.number for v in field.enum_type.values]
            if not field.enum_type.is_closed and self.rng.random() < 0.2:
                return 77  # an open enum keeps a number it does not name; JSON prints the number
            return self.pick(numbers)
        raise ValueError(f'unhandled type {kind} for {field.full_name}')

    def fill(self, message, depth):
        desc = message.DESCRIPTOR
        if desc.full_name == 'google.protobuf.Any':
            return self.fill_any(message, depth)
        chosen = {}
        for oneof in desc.oneofs:
            # At the depth limit, a member that is not a message: a Value must hold something.
            members = [f for f in oneof.fields if depth < MAX_DEPTH or f.type != T.TYPE_MESSAGE]
            if members:
                chosen[oneof.name] = self.pick(members).name
        for field in desc.fields:
            oneof = field.containing_oneof
            if oneof is not None and chosen.get(oneof.name) != field.name:
                continue
            if oneof is None and self.rng.random() < 0.25:
                continue  # leave some fields unset
            self.fill_field(message, field, depth)
        return message

    def fill_any(self, message, depth):
        choice = self.rng.randrange(6)
        if depth >= MAX_DEPTH or choice == 0:
            return message
        inner = new(['ml_metadata.Artifact', 'google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.FieldMask',
                     'tensorflow.metadata.v0.Feature'][choice - 1])
        self.fill(inner, depth + 1)
        message.type_url = 'type.googleapis.com/' + inner.DESCRIPTOR.full_name
        message.value = canonical(inner)
        return message

    def fill_field(self, message, field, depth):
        count = self.rng.randrange(1, 4)
        if is_map(field):
            key_field = field.message_type.fields_by_name['key']
            value_field = field.message_type.fields_by_name['value']
            if value_field.type == T.TYPE_MESSAGE and depth >= MAX_DEPTH:
                return
            entries = getattr(message, field.name)
            for _ in range(count):
                key = self.pick(STRING_KEYS) if key_field.type == T.TYPE_STRING else self.scalar(key_field, None)
                if value_field.type == T.TYPE_MESSAGE:
                    self.fill(entries[key], depth + 1)
                else:
                    entries[key] = self.scalar(value_field, field.message_type.full_name)
            return
        if field.type in (T.TYPE_MESSAGE, T.TYPE_GROUP):
            if depth >= MAX_DEPTH:
                return
            if field.label == T.LABEL_REPEATED:
                for _ in range(count):
                    self.fill(getattr(message, field.name).add(), depth + 1)
            else:
                sub = getattr(message, field.name)
                sub.SetInParent()
                self.fill(sub, depth + 1)
            return
        container = message.DESCRIPTOR.full_name
        if field.label == T.LABEL_REPEATED:
            getattr(message, field.name).extend(self.scalar(field, container) for _ in range(count))
        else:
            setattr(message, field.name, self.scalar(field, container))


# ---------------------------------------------------------------------------
# cases

MANIFEST = []


def to_json(message):
    return json_format.MessageToJson(message, indent=2, ensure_ascii=False)


def write(name, data):
    with open(os.path.join(OUT, name), 'wb') as fh:
        fh.write(data)


def add_message(name, message):
    type_name = message.DESCRIPTOR.full_name
    data = canonical(message)
    parsed = new(type_name)
    parsed.ParseFromString(data)  # maps now iterate in key order
    text = to_json(parsed)
    kind = 'message'
    if canonical(json_format.Parse(text, new(type_name))) != data:
        # Only an unset google.protobuf.Value: it prints as null, which reads back as null_value.
        if type_name != 'google.protobuf.Value' or data:
            raise SystemExit(f'{name}: json_format does not read back its own JSON to the same message')
        kind = 'print-only'
    write(name + '.bin', data)
    write(name + '.json', text.encode('utf-8'))
    MANIFEST.append(f'{name}\t{type_name}\t{kind}')


def add_input(name, type_name, text):
    parsed = json_format.Parse(text, new(type_name))
    data = canonical(parsed)
    write(name + '.input.json', text.encode('utf-8'))
    write(name + '.bin', data)
    again = new(type_name)
    again.ParseFromString(data)
    write(name + '.json', to_json(again).encode('utf-8'))
    MANIFEST.append(f'{name}\t{type_name}\tjson-input')


INPUT_CASES = [
    ('ml_metadata.Artifact.json_proto_names', 'ml_metadata.Artifact',
     '{"type_id": 7, "create_time_since_epoch": "-5", "external_id": "x", "custom_properties": {"a": {"int_value": 1}}}'),
    ('ml_metadata.Artifact.json_integer_forms', 'ml_metadata.Artifact',
     '{"id": 1e3, "typeId": "9223372036854775807", "createTimeSinceEpoch": -9223372036854775808,'
     ' "lastUpdateTimeSinceEpoch": 12.0}'),
    ('ml_metadata.Artifact.json_enum_by_number', 'ml_metadata.Artifact', '{"state": 3}'),
    ('ml_metadata.Artifact.json_nulls', 'ml_metadata.Artifact',
     '{"id": null, "name": "n", "properties": null, "state": null, "systemMetadata": null}'),
    ('ml_metadata.Artifact.json_whitespace', 'ml_metadata.Artifact', ' \t\r\n{ "id" :\n"1" , "uri":"u" }\n '),
    ('ml_metadata.Artifact.json_escapes', 'ml_metadata.Artifact',
     r'{"name": "\"\\\/\b\f\n\r\t \u00e9 \u6F22 \ud83d\ude00 \u0000", "uri": "raw é 漢 😀"}'),
    ('ml_metadata.Artifact.json_any_type_last', 'ml_metadata.Artifact',
     '{"systemMetadata": {"id": "5", "name": "inner", "@type": "type.googleapis.com/ml_metadata.Artifact"}}'),
    ('ml_metadata.Artifact.json_any_wkt_value', 'ml_metadata.Artifact',
     '{"properties": {"s": {"protoValue": {"@type": "type.googleapis.com/google.protobuf.Struct",'
     ' "value": {"k": [1, "two", null, true, {"n": {}}]}}}}}'),
    ('ml_metadata.Value.json_double_strings', 'ml_metadata.Value', '{"doubleValue": "-Infinity"}'),
    ('ml_metadata.Value.json_double_exponent', 'ml_metadata.Value', '{"doubleValue": -1.5E+3}'),
    ('ml_metadata.Value.json_oneof_null_then_member', 'ml_metadata.Value', '{"intValue": null, "stringValue": "s"}'),
    ('google.protobuf.Value.json_number_integer', 'google.protobuf.Value', '12345678901234567890'),
    ('google.protobuf.Value.json_null', 'google.protobuf.Value', 'null'),
    ('google.protobuf.ListValue.json_nested', 'google.protobuf.ListValue', '[[], {}, [[1]], -0, 0.5e-3]'),
    ('google.protobuf.Struct.json_unsorted', 'google.protobuf.Struct', '{"b": 1, "a": {"z": null, "y": false}, "": "empty"}'),
    ('google.protobuf.FieldMask.json_paths', 'google.protobuf.FieldMask', '"name,customProperties,a.bC"'),
    ('google.protobuf.FieldMask.json_empty', 'google.protobuf.FieldMask', '""'),
    ('google.protobuf.Any.json_empty', 'google.protobuf.Any', '{}'),
    ('ml_metadata.ArtifactType.json_enum_map_by_number', 'ml_metadata.ArtifactType',
     '{"name": "T", "properties": {"b": 1, "a": "STRUCT"}, "baseType": "MODEL"}'),
    ('ml_metadata.GetParentContextsByContextsResponse.json_int_keys', 'ml_metadata.GetParentContextsByContextsResponse',
     '{"contexts": {"5": {"parentContexts": [{"id": "50"}]}, "-5": {}, "0": {"parentContexts": []}}}'),
    ('ml_metadata.PutLineageSubgraphResponse.json_number_lists', 'ml_metadata.PutLineageSubgraphResponse',
     '{"executionIds": ["1", 2, -3e0], "artifactIds": [], "contextIds": null}'),
    ('ml_metadata.PutArtifactsRequest.json_field_mask', 'ml_metadata.PutArtifactsRequest',
     '{"artifacts": [{}, {"id": 2}], "updateMask": "externalId,properties.split"}'),
    ('ml_metadata.ListOperationOptions.json_int32_forms', 'ml_metadata.ListOperationOptions',
     '{"maxResultSize": "-2147483648", "orderByField": {"field": "ID", "isAsc": false}}'),
    ('tensorflow.metadata.v0.FloatDomain.json_float_forms', 'tensorflow.metadata.v0.FloatDomain',
     '{"min": "NaN", "max": 3.4e38, "name": "f"}'),
    ('tensorflow.metadata.v0.Histogram.json_open_enum_number', 'tensorflow.metadata.v0.Histogram',
     '{"type": 9, "numNan": "3", "buckets": [{"lowValue": "Infinity", "sampleCount": 1.5}]}'),
]


def main():
    files = load_protos()
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(('.bin', '.json')) or name == 'manifest.tsv':
            os.remove(os.path.join(OUT, name))
    for type_name in message_types(files):
        add_message(f'{type_name}.empty', new(type_name))
        for round in range(2):
            name = f'{type_name}.random{round}'
            add_message(name, Filler(name).fill(new(type_name), 0))
    for name, type_name, text in INPUT_CASES:
        add_input(name, type_name, text)
    with open(os.path.join(OUT, 'manifest.tsv'), 'w') as fh:
        fh.write('\n'.join(MANIFEST) + '\n')
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f'{len(MANIFEST)} cases, {total} bytes in {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    sys.exit(main())
