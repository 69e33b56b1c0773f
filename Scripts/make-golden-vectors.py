#!/usr/bin/env python3
"""Generate the golden test vectors for the ml_metadata protobuf codec.

Run from the repository root (needs `protoc` 3.21 on PATH and a python with the
`ml_metadata` 1.17.1 and `protobuf` packages; Scripts/mlmd-python.sh provides both):

    Scripts/mlmd-python.sh Scripts/make-golden-vectors.py

Writes Tests/MLMDProtosTests/Golden/ (manifest.tsv plus CASE.bin / CASE.txt /
CASE.input.bin / CASE.input.txt files; README.md is left alone). The output is
deterministic: every run produces the same bytes.

Sources of truth:
  * CASE.bin  -- python `SerializeToString(deterministic=True)` (canonical bytes);
  * CASE.txt  -- exactly what `protoc --decode=TYPE FILE.proto` prints for CASE.bin,
                 using a descriptor set compiled from Protos/ by protoc;
  * text-input cases: CASE.input.txt is encoded by `protoc --encode`, then parsed and
    re-serialized deterministically by python to get CASE.bin.

manifest.tsv columns: case_name, full message type name, kind
  binary        CASE.bin + CASE.txt
  binary-input  CASE.input.bin (non-canonical wire bytes) + CASE.bin + CASE.txt
  text-input    CASE.input.txt (hand-written text format) + CASE.bin + CASE.txt
"""
import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import zlib

# Use the pure-python runtime: its deterministic serialization sorts map keys like C++ (signed ints
# numerically, strings bytewise) and keeps unknown varints byte-for-byte. The upb runtime does not
# (it orders int64 keys and the empty string key differently and truncates negative unknown enums).
os.environ['PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION'] = 'python'

from google.protobuf.internal import api_implementation  # noqa: E402
from google.protobuf import any_pb2, field_mask_pb2, struct_pb2
from google.protobuf import descriptor as D
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from ml_metadata.proto import metadata_store_pb2 as ms
from ml_metadata.proto import metadata_store_service_pb2 as mss

assert api_implementation.Type() == 'python', api_implementation.Type()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROTOS = os.path.join(ROOT, 'Protos')
OUT = os.path.join(ROOT, 'Tests', 'MLMDProtosTests', 'Golden')
MAX_DEPTH = 3  # top-level message is depth 0; messages at depth 3 get scalars only

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
ARTIFACT_URL = 'type.googleapis.com/ml_metadata.Artifact'
UNKNOWN_URL = 'type.googleapis.com/foo.Bar'

# ---------------------------------------------------------------------------
# protoc helpers

_tmp = tempfile.TemporaryDirectory()
DESC = os.path.join(_tmp.name, 'mlmd.desc')
PROTO_FILES = ['ml_metadata/proto/metadata_store.proto', 'ml_metadata/proto/metadata_store_service.proto',
               'swift_ml_metadata/purge_service.proto']
subprocess.run(['protoc', '-I' + PROTOS, '--include_imports', '--descriptor_set_out=' + DESC] + PROTO_FILES, check=True)


def load_own_protos():
    """Our own protos have no Python package: their messages come from the descriptor set protoc
    just wrote, added to the default pool beside ml_metadata's."""
    file_set = descriptor_pb2.FileDescriptorSet.FromString(open(DESC, 'rb').read())
    pool = descriptor_pool.Default()
    own = [f for f in file_set.file if f.package == 'swift_ml_metadata']
    for file_proto in own:
        pool.AddSerializedFile(file_proto.SerializeToString())
    return [pool.FindFileByName(f.name) for f in own]


OWN_FILES = load_own_protos()


def protoc(mode, type_name, proto_file, data, *flags):
    r = subprocess.run(['protoc', '--descriptor_set_in=' + DESC, f'--{mode}={type_name}', *flags, proto_file],
                       input=data, capture_output=True)
    if r.returncode != 0 or r.stderr:
        raise SystemExit(f'protoc --{mode}={type_name} failed: {r.stderr.decode(errors="replace")}')
    return r.stdout


# ---------------------------------------------------------------------------
# raw wire helpers (for hand-built non-canonical and unknown-field inputs)

def varint(n):
    n &= (1 << 64) - 1
    out = bytearray()
    while True:
        b = n & 0x7f
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def tag(num, wt):
    return varint((num << 3) | wt)


def f_varint(num, v):
    return tag(num, 0) + varint(v)


def f_fixed64(num, v):
    return tag(num, 1) + struct.pack('<Q', v)


def f_fixed32(num, v):
    return tag(num, 5) + struct.pack('<I', v)


def f_ld(num, payload):
    if isinstance(payload, str):
        payload = payload.encode('utf-8')
    return tag(num, 2) + varint(len(payload)) + payload


def f_group(num, body):
    return tag(num, 3) + body + tag(num, 4)


def f_double(num, v):
    return tag(num, 1) + struct.pack('<d', v)


# ---------------------------------------------------------------------------
# message inventory

def walk_messages(desc, out):
    if desc.GetOptions().map_entry:
        return
    out.append(desc)
    for n in desc.nested_types:
        walk_messages(n, out)


MESSAGES = []
for fd in (ms.DESCRIPTOR, mss.DESCRIPTOR, *OWN_FILES):
    for name in fd.message_types_by_name:
        walk_messages(fd.message_types_by_name[name], MESSAGES)
for cls in (any_pb2.Any, struct_pb2.Struct, struct_pb2.Value, struct_pb2.ListValue, field_mask_pb2.FieldMask):
    MESSAGES.append(cls.DESCRIPTOR)

CLASSES = {}
for mod in (ms, mss, any_pb2, struct_pb2, field_mask_pb2):
    def collect(cls):
        CLASSES[cls.DESCRIPTOR.full_name] = cls
        for n in cls.DESCRIPTOR.nested_types:
            collect(getattr(cls, n.name))
    for name in dir(mod):
        obj = getattr(mod, name)
        if isinstance(obj, type) and hasattr(obj, 'DESCRIPTOR') and isinstance(obj.DESCRIPTOR, D.Descriptor):
            collect(obj)


for fd in OWN_FILES:
    for name in fd.message_types_by_name:
        def collect_own(desc):
            CLASSES[desc.full_name] = message_factory.GetMessageClass(desc)
            for nested in desc.nested_types:
                collect_own(nested)
        collect_own(fd.message_types_by_name[name])


def new(type_name):
    return CLASSES[type_name]()


def is_map(f):
    return f.type == D.FieldDescriptor.TYPE_MESSAGE and f.message_type.GetOptions().map_entry


def is_repeated(f):
    return f.label == D.FieldDescriptor.LABEL_REPEATED


# ---------------------------------------------------------------------------
# deterministic reflective filler

STRINGS = [
    'plain-ascii',
    'ünïcødé 漢字 😀',
    'quote " apostrophe \' backslash \\ end',
    'line1\nline2\r\n\ttabbed',
    'ctrl \x00\x01\x07\x1b\x1f\x7f bytes',
    '',
    'mlmd.Dataset',
    'path/to/thing?x=1&y=2',
    'Ωμέγα — “curly” ‘quotes’',
]
DOUBLES = [0.0, -0.0, 1.5, -2.25, 1e-07, 1e300, 5e-324, 0.1, 1 / 3, 1.7976931348623157e308, -123456.789]
INT64S = [INT64_MIN, INT64_MAX, -1, 0, 1, 300, -123456789012, 1 << 32]
INT32S = [INT32_MIN, INT32_MAX, -1, 0, 127, 128, 16384]


class Filler:
    def __init__(self, seed_name):
        self.rng = random.Random(zlib.crc32(seed_name.encode()))
        self.counters = {}

    def cycle(self, key, seq):
        i = self.counters.get(key, self.rng.randrange(len(seq)))
        self.counters[key] = i + 1
        return seq[i % len(seq)]

    def scalar(self, f):
        T = D.FieldDescriptor
        t = f.type
        if t == T.TYPE_INT64:
            v = self.cycle('i64', INT64S)
            return v if self.rng.random() < 0.7 else self.rng.randrange(INT64_MIN, INT64_MAX)
        if t == T.TYPE_INT32:
            return self.cycle('i32', INT32S)
        if t == T.TYPE_BOOL:
            return self.cycle('bool', [True, False])
        if t == T.TYPE_DOUBLE:
            v = self.cycle('dbl', DOUBLES)
            return v if self.rng.random() < 0.7 else round(self.rng.uniform(-1e6, 1e6), self.rng.randrange(0, 9))
        if t == T.TYPE_STRING:
            return self.cycle('str', STRINGS)
        if t == T.TYPE_BYTES:
            return bytes(self.rng.randrange(256) for _ in range(self.rng.randrange(1, 12)))
        if t == T.TYPE_ENUM:
            vals = [v.number for v in f.enum_type.values]
            return self.cycle('enum:' + f.enum_type.full_name, vals)
        raise ValueError(f'unhandled type {t} for {f.full_name}')

    def map_keys(self, f):
        kf = f.message_type.fields_by_name['key']
        if kf.type == D.FieldDescriptor.TYPE_STRING:
            pool = ['zeta', 'alpha', 'mid', 'Beta', 'é-key', '', 'k"q', '10', '9', 'a\nb']
            keys = self.rng.sample(pool, 3)
        else:
            pool = [7, -3, INT64_MAX, 0, 42, INT64_MIN, 1000]
            keys = self.rng.sample(pool, 3)
        # insertion order deliberately not sorted
        keys_sorted = sorted(keys)
        if keys == keys_sorted:
            keys = [keys_sorted[2], keys_sorted[0], keys_sorted[1]]
        return keys

    def fill(self, msg, depth, choose=None):
        """Set every field of msg (oneofs: one member). choose maps oneof name -> member field name."""
        desc = msg.DESCRIPTOR
        if desc.full_name == 'google.protobuf.Any':
            self.fill_any(msg, depth)
            return msg
        chosen = {}
        for o in desc.oneofs:
            members = [f for f in o.fields if depth < MAX_DEPTH or f.type != D.FieldDescriptor.TYPE_MESSAGE]
            if choose and o.name in choose:
                chosen[o.name] = choose[o.name]
            elif members:
                chosen[o.name] = self.cycle('oneof:' + o.full_name, [f.name for f in members])
        for f in desc.fields:
            if f.containing_oneof is not None and chosen.get(f.containing_oneof.name) != f.name:
                continue
            self.fill_field(msg, f, depth)
        return msg

    def fill_any(self, msg, depth):
        art = ms.Artifact()
        self.fill(art, depth + 1)
        msg.type_url = ARTIFACT_URL
        msg.value = canonical(art)

    def fill_field(self, msg, f, depth):
        T = D.FieldDescriptor
        if is_map(f):
            vf = f.message_type.fields_by_name['value']
            if vf.type == T.TYPE_MESSAGE and depth + 1 > MAX_DEPTH:
                return
            m = getattr(msg, f.name)
            for k in self.map_keys(f):
                if vf.type == T.TYPE_MESSAGE:
                    self.fill(m[k], depth + 1)
                else:
                    m[k] = self.scalar(vf)
            return
        if f.type == T.TYPE_MESSAGE:
            if depth + 1 > MAX_DEPTH:
                return
            if is_repeated(f):
                rep = getattr(msg, f.name)
                for _ in range(3):
                    self.fill(rep.add(), depth + 1)
            else:
                sub = getattr(msg, f.name)
                sub.SetInParent()
                self.fill(sub, depth + 1)
            return
        if is_repeated(f):
            getattr(msg, f.name).extend(self.scalar(f) for _ in range(3))
        else:
            setattr(msg, f.name, self.scalar(f))


def repack_any(msg):
    """Re-serialize the payload of every Any holding a known ml_metadata type deterministically."""
    desc = msg.DESCRIPTOR
    if desc.full_name == 'google.protobuf.Any':
        name = msg.type_url.rsplit('/', 1)[-1]
        if msg.type_url.startswith('type.googleapis.com/') and name in CLASSES:
            inner = new(name)
            inner.ParseFromString(msg.value)
            repack_any(inner)
            msg.value = inner.SerializeToString(deterministic=True)
        return
    for f, v in msg.ListFields():
        if f.type != D.FieldDescriptor.TYPE_MESSAGE:
            continue
        if is_map(f):
            if f.message_type.fields_by_name['value'].type == D.FieldDescriptor.TYPE_MESSAGE:
                for k in v:
                    repack_any(v[k])
        elif is_repeated(f):
            for x in v:
                repack_any(x)
        else:
            repack_any(v)


def canonical(msg):
    repack_any(msg)
    return msg.SerializeToString(deterministic=True)


def parse(type_name, data):
    m = new(type_name)
    m.ParseFromString(data)
    return m


# ---------------------------------------------------------------------------
# case writers

MANIFEST = []
NAMES = set()


def proto_file_of(type_name):
    return CLASSES[type_name].DESCRIPTOR.file.name


def add_case(name, type_name, kind, bin_bytes, input_bytes=None, input_text=None):
    assert name not in NAMES, name
    NAMES.add(name)
    txt = protoc('decode', type_name, proto_file_of(type_name), bin_bytes)
    # the canonical bytes must be a fixed point of python's parse + deterministic re-serialization
    assert canonical(parse(type_name, bin_bytes)) == bin_bytes, name
    base = os.path.join(OUT, name)
    with open(base + '.bin', 'wb') as fh:
        fh.write(bin_bytes)
    with open(base + '.txt', 'wb') as fh:
        fh.write(txt)
    if input_bytes is not None:
        with open(base + '.input.bin', 'wb') as fh:
            fh.write(input_bytes)
    if input_text is not None:
        with open(base + '.input.txt', 'wb') as fh:
            fh.write(input_text.encode('utf-8'))
    MANIFEST.append(f'{name}\t{type_name}\t{kind}')


def add_msg(name, msg):
    add_case(name, msg.DESCRIPTOR.full_name, 'binary', canonical(msg))


def add_raw(name, type_name, raw):
    """Raw wire bytes: 'binary' if already canonical, else 'binary-input' with the canonical form."""
    canon = canonical(parse(type_name, raw))
    if canon == raw:
        add_case(name, type_name, 'binary', raw)
    else:
        add_case(name, type_name, 'binary-input', canon, input_bytes=raw)


def add_noncanonical(name, type_name, raw):
    canon = canonical(parse(type_name, raw))
    assert canon != raw, f'{name}: input is already canonical'
    add_case(name, type_name, 'binary-input', canon, input_bytes=raw)


def add_text(name, type_name, text, encode_file=None):
    encoded = protoc('encode', type_name, encode_file or proto_file_of(type_name), text.encode('utf-8'))
    add_case(name, type_name, 'text-input', canonical(parse(type_name, encoded)), input_text=text)


# ---------------------------------------------------------------------------
# 1. empty / full / per-oneof-member / per-enum-value cases for every message type

def enum_hosts():
    """enum full name -> (message type, field) where a message can carry that enum directly."""
    hosts = {}
    for desc in MESSAGES:
        for f in desc.fields:
            if f.type == D.FieldDescriptor.TYPE_ENUM and f.enum_type.full_name not in hosts:
                hosts[f.enum_type.full_name] = (desc, f, None)
            if is_map(f):
                vf = f.message_type.fields_by_name['value']
                if vf.type == D.FieldDescriptor.TYPE_ENUM and vf.enum_type.full_name not in hosts:
                    hosts[vf.enum_type.full_name] = (desc, f, vf)
    return hosts


def gen_reflective():
    hosts = enum_hosts()
    by_host = {}
    for enum_name in sorted(hosts):
        desc, f, vf = hosts[enum_name]
        by_host.setdefault(desc.full_name, []).append((f, vf))
    for desc in MESSAGES:
        tn = desc.full_name
        add_msg(f'{tn}.empty', new(tn))
        add_msg(f'{tn}.full', Filler(f'{tn}.full').fill(new(tn), 0))
        for o in desc.oneofs:
            for member in o.fields:
                name = f'{tn}.oneof_{member.name}'
                add_msg(name, Filler(name).fill(new(tn), 0, choose={o.name: member.name}))
        for f, vf in by_host.get(tn, []):
            et = (vf or f).enum_type
            for v in et.values:
                m = new(tn)
                if vf is None:
                    setattr(m, f.name, v.number)
                else:
                    getattr(m, f.name)['k'] = v.number
                add_msg(f'{tn}.enum_{f.name}_{v.name}', m)


# ---------------------------------------------------------------------------
# 2. special binary cases

def unknown_fields_blob(base):
    """Unknown fields of every wire type, numbered from base."""
    inner = f_varint(1, 150) + f_ld(2, 'inner') + f_fixed32(3, 7)
    return (f_varint(base, 1 << 63 | 5)               # varint (prints as uint64)
            + f_varint(base + 1, -2)                   # negative int as 10-byte varint
            + f_fixed64(base + 2, 0x0123456789abcdef)  # fixed64
            + f_ld(base + 3, inner)                    # length-delimited that parses as a message
            + f_ld(base + 4, b'\xff\xfe not a message \x00')  # length-delimited, not a message
            + f_ld(base + 5, 'plain text')             # length-delimited, printable
            + f_ld(base + 6, b'')                      # empty length-delimited
            + f_fixed32(base + 7, 0xdeadbeef)          # fixed32
            + f_group(base + 8, f_varint(1, 3) + f_ld(2, 'in group') + f_group(3, f_fixed64(4, 9))))  # group


def gen_special():
    # unknown fields appended to an Artifact
    art = ms.Artifact(id=17, name='with unknowns', state=ms.Artifact.LIVE)
    art.properties['p'].int_value = 5
    add_raw('ml_metadata.Artifact.unknown_wire_types', 'ml_metadata.Artifact', canonical(art) + unknown_fields_blob(1000))

    # unknown fields inside a nested message (a map value) of an Artifact
    val = canonical(ms.Value(string_value='v')) + unknown_fields_blob(100)
    raw = f_varint(1, 3) + f_ld(4, f_ld(1, 'p') + f_ld(2, val)) + f_ld(7, 'nested unknowns')
    add_raw('ml_metadata.Artifact.unknown_wire_types_nested', 'ml_metadata.Artifact', raw)

    # unknown fields in a nested singular message: Event.path and Event.path.steps
    step = f_varint(1, 2) + unknown_fields_blob(50)
    raw = f_varint(1, 1) + f_varint(2, 2) + f_ld(3, f_ld(1, step) + f_varint(9, 9)) + f_varint(4, 3)
    add_raw('ml_metadata.Event.unknown_wire_types_nested', 'ml_metadata.Event', raw)

    # unknown enum numbers (proto2 closed enums go to unknown fields)
    raw = canonical(ms.Artifact(id=1, name='a')) + f_varint(6, 99)
    add_raw('ml_metadata.Artifact.unknown_enum_value', 'ml_metadata.Artifact', raw)
    raw = canonical(ms.Event(artifact_id=1, execution_id=2)) + f_varint(4, 1000)
    add_raw('ml_metadata.Event.unknown_enum_value', 'ml_metadata.Event', raw)
    raw = canonical(ms.Event(artifact_id=1, execution_id=2)) + f_varint(4, -1)
    add_raw('ml_metadata.Event.unknown_enum_negative', 'ml_metadata.Event', raw)
    # Not generated on purpose: an unknown enum number as a map value. Runtimes disagree (C++ generated
    # code moves the whole entry to unknown fields, protoc's DynamicMessage keeps the entry and prints
    # `value: UNKNOWN 2: 99`, python drops the number), so there is no single expected result.

    # double edge values, one case each
    doubles = [('zero', 0.0), ('neg_zero', -0.0), ('1e-07', 1e-07), ('1e300', 1e300), ('min_subnormal', 5e-324),
               ('0.1', 0.1), ('one_third', 1 / 3), ('two_thirds_e20', 2 / 3 * 1e20),
               ('123456789012345678', 123456789012345678.0), ('max', 1.7976931348623157e308),
               ('inf', math.inf), ('neg_inf', -math.inf), ('nan', math.nan),
               ('100', 100.0), ('1e15', 1e15), ('1e16', 1e16), ('neg_1.5e-10', -1.5e-10), ('min_normal', 2.2250738585072014e-308)]
    for label, d in doubles:
        add_msg(f'ml_metadata.Value.double_{label}', ms.Value(double_value=d))
    # the same edge doubles inside google.protobuf.ListValue
    lv = struct_pb2.ListValue()
    for _, d in doubles:
        lv.values.add().number_value = d
    add_msg('google.protobuf.ListValue.double_edges', lv)

    # strings: every ASCII byte, and multi-byte UTF-8
    ascii_all = ''.join(chr(i) for i in range(0x80))
    a = ms.Artifact(name=ascii_all, uri=ascii_all[::-1])
    a.custom_properties[ascii_all].string_value = ascii_all
    add_msg('ml_metadata.Artifact.string_ascii_all', a)
    utf8 = 'é 漢 😀 — Ω ß ñ 中文 🚀🎉 \u00a0\u200b\ufeff \U0010fffd'
    a = ms.Artifact(name='é', uri='漢', external_id='😀', type=utf8)
    a.properties['ключ'].string_value = utf8
    a.properties['é'].int_value = 1
    a.properties['😀'].bool_value = True
    add_msg('ml_metadata.Artifact.string_utf8', a)
    add_msg('google.protobuf.FieldMask.string_utf8', field_mask_pb2.FieldMask(paths=['é', '漢.😀', ascii_all]))

    # Any: packed Artifact, unknown type url, url without a slash, empty value
    full_art = Filler('any.artifact').fill(ms.Artifact(), 1)
    add_msg('google.protobuf.Any.packed_artifact', any_pb2.Any(type_url=ARTIFACT_URL, value=canonical(full_art)))
    add_msg('google.protobuf.Any.unknown_type', any_pb2.Any(type_url=UNKNOWN_URL, value=b'\x08\x96\x01\x12\x03abc\xff\x00\x7f'))
    add_msg('google.protobuf.Any.empty_value', any_pb2.Any(type_url=ARTIFACT_URL))
    v = ms.Value()
    v.proto_value.type_url = UNKNOWN_URL
    v.proto_value.value = bytes(range(256))
    add_msg('ml_metadata.Value.any_unknown_type', v)
    a = ms.Artifact(id=9)
    a.system_metadata.Pack(ms.Artifact(id=10, name='packed'))
    a.properties['u'].proto_value.type_url = UNKNOWN_URL
    a.properties['u'].proto_value.value = b'\x01\x02\x03'
    add_msg('ml_metadata.Artifact.any_fields', a)

    # int edge values
    add_msg('ml_metadata.Artifact.int64_edges', ms.Artifact(id=INT64_MIN, type_id=INT64_MAX, create_time_since_epoch=-1,
                                                             last_update_time_since_epoch=0))
    add_msg('ml_metadata.ListOperationOptions.int32_edges', ms.ListOperationOptions(max_result_size=INT32_MIN))
    add_msg('ml_metadata.ListOperationOptions.int32_max', ms.ListOperationOptions(max_result_size=INT32_MAX))
    add_msg('ml_metadata.ListOperationOptions.int32_neg1', ms.ListOperationOptions(max_result_size=-1))
    # proto2 explicit defaults are still present on the wire
    add_msg('ml_metadata.ListOperationOptions.explicit_defaults',
            ms.ListOperationOptions(max_result_size=20, order_by_field=ms.ListOperationOptions.OrderByField(field=3, is_asc=True)))
    # empty strings / zero values are present in proto2
    add_msg('ml_metadata.Artifact.zero_values', ms.Artifact(id=0, name='', uri='', state=0))
    add_msg('ml_metadata.Value.oneof_empty_struct', ms.Value(struct_value=struct_pb2.Struct()))
    add_msg('google.protobuf.Value.null_only', struct_pb2.Value(null_value=0))

    # packed repeated fields
    add_msg('ml_metadata.PutLineageSubgraphResponse.packed_edges',
            mss.PutLineageSubgraphResponse(execution_ids=[INT64_MIN, -1, 0], artifact_ids=[1, 127, 128, 16383, 16384, INT64_MAX],
                                           context_ids=[]))

    # a large LineageGraph
    g = ms.LineageGraph()
    rng = random.Random(12345)
    g.artifact_types.add(id=1, name='Dataset', base_type=ms.ArtifactType.DATASET).properties['split'] = ms.STRING
    g.execution_types.add(id=2, name='Trainer', base_type=ms.ExecutionType.TRAIN)
    g.context_types.add(id=3, name='Run')
    for i in range(50):
        a = g.artifacts.add(id=i + 1, type_id=1, type='Dataset', uri=f'/data/{i:03d}', state=ms.Artifact.LIVE,
                            name=f'artifact-{i}', create_time_since_epoch=1700000000000 + i * 1000,
                            last_update_time_since_epoch=1700000000000 + i * 1000 + rng.randrange(1000))
        a.properties['split'].string_value = rng.choice(['train', 'eval', 'test'])
        a.custom_properties['rows'].int_value = rng.randrange(1 << 40)
        a.custom_properties['score'].double_value = rng.random()
        e = g.executions.add(id=i + 1, type_id=2, type='Trainer', name=f'exec-{i}', last_known_state=ms.Execution.COMPLETE,
                             create_time_since_epoch=1700000000000 + i)
        e.custom_properties['step'].int_value = i
        ev = g.events.add(artifact_id=i + 1, execution_id=(i * 7) % 50 + 1, type=ms.Event.OUTPUT if i % 2 else ms.Event.INPUT,
                          milliseconds_since_epoch=1700000000000 + i)
        ev.path.steps.add(key='out')
        ev.path.steps.add(index=i)
    for i in range(5):
        g.contexts.add(id=i + 1, type_id=3, name=f'run-{i}')
    for i in range(50):
        g.attributions.add(artifact_id=i + 1, context_id=i % 5 + 1)
        g.associations.add(execution_id=i + 1, context_id=i % 5 + 1)
    g.parent_contexts.add(child_id=2, parent_id=1)
    add_msg('ml_metadata.LineageGraph.large', g)


# ---------------------------------------------------------------------------
# 3. binary-input cases: non-canonical wire input -> canonical bytes

def value_int(n):
    return f_varint(1, n)


def prop_entry(key, value_bytes, value_first=False):
    k, v = f_ld(1, key), f_ld(2, value_bytes)
    return f_ld(4, v + k if value_first else k + v)


def gen_noncanonical():
    # packed field written unpacked
    add_noncanonical('ml_metadata.PutLineageSubgraphResponse.noncanon_unpacked_input', 'ml_metadata.PutLineageSubgraphResponse',
                     f_varint(2, 1) + f_varint(2, -2) + f_varint(2, 300))
    # packed field split in two packed runs plus one unpacked element
    add_noncanonical('ml_metadata.PutLineageSubgraphResponse.noncanon_packed_split', 'ml_metadata.PutLineageSubgraphResponse',
                     f_ld(1, varint(1) + varint(2)) + f_ld(1, varint(3)) + f_varint(1, 4))
    # unpacked repeated int64 written packed
    add_noncanonical('ml_metadata.GetArtifactsByIDRequest.noncanon_packed_input', 'ml_metadata.GetArtifactsByIDRequest',
                     f_ld(1, varint(5) + varint(-1) + varint(1 << 40)))
    # map entries out of key order
    add_noncanonical('ml_metadata.Artifact.noncanon_map_unsorted', 'ml_metadata.Artifact',
                     f_varint(1, 1) + prop_entry('c', value_int(3)) + prop_entry('a', value_int(1)) + prop_entry('b', value_int(2)))
    # int64 map keys out of order (negative keys sort first)
    ctx = lambda i: f_ld(1, f_varint(1, i))
    add_noncanonical('ml_metadata.GetParentContextsByContextsResponse.noncanon_map_unsorted',
                     'ml_metadata.GetParentContextsByContextsResponse',
                     f_ld(2, f_varint(1, 5) + f_ld(2, ctx(50))) + f_ld(2, f_varint(1, -5) + f_ld(2, ctx(-50)))
                     + f_ld(2, f_varint(1, 0) + f_ld(2, ctx(0))))
    # map entry with the value before the key
    add_noncanonical('ml_metadata.Artifact.noncanon_map_value_first', 'ml_metadata.Artifact',
                     prop_entry('k', value_int(7), value_first=True))
    # duplicate map keys: the last one wins
    add_noncanonical('ml_metadata.Artifact.noncanon_map_duplicate_keys', 'ml_metadata.Artifact',
                     prop_entry('a', value_int(1)) + prop_entry('b', value_int(2)) + prop_entry('a', value_int(3)))
    # map entries missing key or value
    add_noncanonical('ml_metadata.Artifact.noncanon_map_missing_key', 'ml_metadata.Artifact',
                     f_ld(4, f_ld(2, value_int(1))))
    add_noncanonical('ml_metadata.Artifact.noncanon_map_missing_value', 'ml_metadata.Artifact',
                     f_ld(4, f_ld(1, 'k')))
    # singular scalar fields repeated: last wins
    add_noncanonical('ml_metadata.Artifact.noncanon_scalar_twice', 'ml_metadata.Artifact',
                     f_varint(1, 1) + f_ld(7, 'first') + f_varint(1, 2) + f_ld(7, 'second') + f_varint(6, 1) + f_varint(6, 2))
    # oneof members given in turn: the last one wins
    add_noncanonical('ml_metadata.Value.noncanon_oneof_last_wins', 'ml_metadata.Value',
                     f_varint(1, 5) + f_ld(3, 'str') + f_double(2, 2.5))
    # singular message field given twice: merged
    add_noncanonical('ml_metadata.ArtifactAndType.noncanon_message_merged', 'ml_metadata.ArtifactAndType',
                     f_ld(1, f_varint(1, 1) + f_ld(7, 'x') + prop_entry('a', value_int(1)))
                     + f_ld(1, f_ld(3, 'uri') + f_ld(7, 'y') + prop_entry('b', value_int(2))))
    add_noncanonical('ml_metadata.Event.noncanon_message_merged', 'ml_metadata.Event',
                     f_ld(3, f_ld(1, f_varint(1, 1))) + f_varint(1, 4) + f_ld(3, f_ld(1, f_ld(2, 'a'))))
    # fields out of number order
    add_noncanonical('ml_metadata.Artifact.noncanon_field_order', 'ml_metadata.Artifact',
                     f_varint(10, 2) + f_varint(9, 1) + f_ld(7, 'n') + f_varint(6, 2) + f_ld(3, 'u') + f_varint(2, 5) + f_varint(1, 4))
    # unknown enum number in the middle: moves behind the known fields
    add_noncanonical('ml_metadata.Artifact.noncanon_unknown_enum_middle', 'ml_metadata.Artifact',
                     f_varint(1, 1) + f_varint(6, 99) + f_ld(7, 'n'))
    # unknown field between known fields: unknown fields go last
    add_noncanonical('ml_metadata.Artifact.noncanon_unknown_middle', 'ml_metadata.Artifact',
                     f_varint(1, 1) + f_varint(500, 5) + f_ld(7, 'n'))
    # over-long varint encodings
    add_noncanonical('ml_metadata.Artifact.noncanon_overlong_varint', 'ml_metadata.Artifact',
                     tag(1, 0) + b'\x81\x80\x80\x00' + tag(6, 0) + b'\x82\x00')
    # bool encoded with a value other than 1
    add_noncanonical('ml_metadata.PutArtifactsRequest.Options.noncanon_bool_2', 'ml_metadata.PutArtifactsRequest.Options',
                     f_varint(1, 2))
    # int32 negative written as a 5-byte (sign-truncated) varint
    add_noncanonical('ml_metadata.ListOperationOptions.noncanon_int32_short_negative', 'ml_metadata.ListOperationOptions',
                     tag(1, 0) + varint(0xffffffff))


# ---------------------------------------------------------------------------
# 4. text-input cases: protobuf text format parsed by protoc

TEXT_CASES = [
    ('ml_metadata.Artifact.text_comments_separators', 'ml_metadata.Artifact', None, '''# A leading comment line.
id: 42  # trailing comment
name: "n1", uri: "u1";
type_id: 7;   # separators may be ',' or ';' or nothing
state: LIVE
external_id: "x" # comment right after a value
'''),
    ('ml_metadata.Artifact.text_message_delimiters', 'ml_metadata.Artifact', None, '''properties { key: "a" value { int_value: 1 } }
properties: { key: "b", value: < string_value: "x" > }
properties < key: "c" value: { double_value: 2.5 } >
custom_properties: <key: "d"; value <bool_value: true>>
system_metadata {}
'''),
    ('ml_metadata.Artifact.text_map_unsorted', 'ml_metadata.Artifact', None, '''custom_properties { key: "zulu" value { int_value: 3 } }
custom_properties { key: "alpha" value { int_value: 1 } }
custom_properties { key: "Mike" value { int_value: 2 } }
custom_properties { key: "" value { } }
properties { value { string_value: "keyless" } }
'''),
    ('ml_metadata.PutExecutionResponse.text_scalar_lists', 'ml_metadata.PutExecutionResponse', None, '''execution_id: 1
artifact_ids: [1, 2, 3]
artifact_ids: 4
artifact_ids: []
context_ids: [0x10, 010, -5, -0x7fffffffffffffff]
'''),
    ('ml_metadata.PutArtifactsRequest.text_message_lists', 'ml_metadata.PutArtifactsRequest', None, '''artifacts: [{id: 1}, <id: 2 name: "two">, {}]
artifacts { id: 4 }
artifacts [ { uri: "five" } ]
options { abort_if_latest_updated_time_changed: true }
update_mask { paths: ["name", "uri"] paths: "external_id" }
'''),
    ('ml_metadata.Artifact.text_enum_by_number', 'ml_metadata.Artifact', None, 'state: 3\n'),
    ('ml_metadata.Event.text_enums', 'ml_metadata.Event', None, '''type: DECLARED_INPUT
path { steps { index: 0 } steps { key: "k" } steps: [{index: -1}, {key: ""}] }
'''),
    ('ml_metadata.ArtifactType.text_enum_map_values', 'ml_metadata.ArtifactType', None, '''name: "T"
properties { key: "b" value: STRING }
properties { key: "a" value: 1 }
base_type: MODEL
'''),
    ('ml_metadata.Artifact.text_string_concat', 'ml_metadata.Artifact', None, '''name: "a" 'b' "c"
uri: 'single "quoted"'
  " + next line"
external_id: ""
type: '' ""
'''),
    ('ml_metadata.Artifact.text_escapes', 'ml_metadata.Artifact', None, r'''name: "nl\n tab\t dq\" sq\' bs\\ oct\101\060\7 hex\x42\x7e\x0"
uri: 'cr\r bell\a bs\b ff\f vt\v q\? single\'s'
external_id: "u: \u00e9 \u6f22 \U0001F600 \U00000041"
type: "mixed é漢😀 raw"
'''),
    ('ml_metadata.Artifact.text_integers', 'ml_metadata.Artifact', None, '''id: 0x7fffffffffffffff
type_id: -9223372036854775808
create_time_since_epoch: 0755
last_update_time_since_epoch: -0x10
'''),
    ('ml_metadata.ListOperationOptions.text_int32', 'ml_metadata.ListOperationOptions', None, '''max_result_size: -2147483648
order_by_field { field: LAST_UPDATE_TIME is_asc: false }
next_page_token: "tok"
'''),
    ('ml_metadata.RetryOptions.text_int32_hex', 'ml_metadata.RetryOptions', None, 'max_num_retries: 0x7FFFFFFF\n'),
    ('google.protobuf.ListValue.text_doubles', 'google.protobuf.ListValue', None, '''values: [
  {number_value: 1.5f}, {number_value: 2F}, {number_value: inf}, {number_value: -inf},
  {number_value: nan}, {number_value: infinity}, {number_value: -Infinity}, {number_value: NaN},
  {number_value: 1e10}, {number_value: -2.5e-3}, {number_value: .5}, {number_value: 10},
  {number_value: -0}, {number_value: 0.1}, {number_value: 1E+300}, {number_value: 4.9406564584124654e-324},
  {number_value: 123456789012345678}, {number_value: 1.7976931348623157e308}
]
'''),
    ('ml_metadata.Value.text_double_f_suffix', 'ml_metadata.Value', None, 'double_value: -1.25f\n'),
    ('ml_metadata.PutExecutionRequest.text_bools', 'ml_metadata.PutExecutionRequest', None, '''options {
  reuse_context_if_already_exist: true
  reuse_artifact_if_already_exist_by_external_id: False
  force_update_time: t
  force_reuse_context: 0
}
execution { id: 1 last_known_state: RUNNING }
artifact_event_pairs { artifact { id: 2 } event { type: OUTPUT path { steps { key: "out" } } } }
contexts: [{name: "ctx"}]
transaction_options {}
'''),
    ('ml_metadata.Value.text_any_expanded', 'ml_metadata.Value', None, '''proto_value {
  [type.googleapis.com/ml_metadata.Artifact] {
    id: 1
    name: "inside any"
    properties { key: "z" value { int_value: 26 } }
    properties { key: "a" value { int_value: 1 } }
  }
}
'''),
    ('google.protobuf.Any.text_any_expanded', 'google.protobuf.Any', 'ml_metadata/proto/metadata_store.proto', '''[type.googleapis.com/ml_metadata.Artifact] <
  id: 5 state: LIVE
  system_metadata { [type.googleapis.com/ml_metadata.Artifact] { id: 6 } }
>
'''),
    ('google.protobuf.Any.text_any_plain', 'google.protobuf.Any', None, '''type_url: "type.googleapis.com/foo.Bar"
value: "\\001\\002\\xff abc"
'''),
    ('google.protobuf.Struct.text_struct', 'google.protobuf.Struct', None, '''fields { key: "n" value { null_value: NULL_VALUE } }
fields { key: "m" value { null_value: 0 } }
fields { key: "l" value { list_value { values: [{string_value: "s"}, {bool_value: true}, {struct_value {}}] } } }
fields { key: "d" value { number_value: -3.5 } }
'''),
    ('google.protobuf.FieldMask.text_paths', 'google.protobuf.FieldMask', None, 'paths: ["a.b", "c"]\npaths: "d_e"\n'),
    ('ml_metadata.ArtifactStructType.text_nested_angle', 'ml_metadata.ArtifactStructType', None, '''union_type <
  candidates { simple { name: "s" id: 1 } }
  candidates: < none {} >
  candidates < dict { properties { key: "p" value { any {} } } none_type_not_required: true extra_properties_type { list { element { tuple { elements: [{ any: {} }] } } } } } >
>
'''),
    ('ml_metadata.ConnectionConfig.text_config', 'ml_metadata.ConnectionConfig', None, '''sqlite { filename_uri: "file:/tmp/x.db?mode=rwc" connection_mode: READWRITE_OPENCREATE }
retry_options { max_num_retries: 3 }
'''),
    ('ml_metadata.GetLineageSubgraphRequest.text_request', 'ml_metadata.GetLineageSubgraphRequest', None, '''lineage_subgraph_query_options {
  starting_artifacts { filter_query: "uri = \\"a\\" AND id > 3" }
  max_num_hops: 2
  direction: BIDIRECTIONAL
  ending_executions { include_ending_nodes: true }
}
read_mask { paths: "artifacts" }
'''),
]


def gen_text():
    for name, type_name, encode_file, text in TEXT_CASES:
        add_text(name, type_name, text, encode_file)


# ---------------------------------------------------------------------------
# 5. maps whose keys are prefixes of one another, in C++'s deterministic order: the bytes are
#    what `protoc --encode --deterministic_output` writes (C++ sorts string keys bytewise, so "a"
#    before "ab" before "b"; Python's upb runtime orders them otherwise).

MAP_PREFIX_CASES = [
    ('ml_metadata.Artifact.map_key_prefixes', 'ml_metadata.Artifact', '''properties { key: "ab" value { int_value: 2 } }
properties { key: "b" value { int_value: 4 } }
properties { key: "a" value { int_value: 1 } }
properties { key: "" value { int_value: 0 } }
properties { key: "abc" value { int_value: 3 } }
properties { key: "a\\001" value { int_value: 5 } }
custom_properties { key: "split_b" value { string_value: "x" } }
custom_properties { key: "split" value { string_value: "y" } }
custom_properties { key: "splitA" value { string_value: "z" } }
'''),
    ('ml_metadata.ArtifactType.map_key_prefixes', 'ml_metadata.ArtifactType', '''name: "T"
properties { key: "xy" value: INT }
properties { key: "x" value: STRING }
properties { key: "xyz" value: DOUBLE }
properties { key: "\\303\\251" value: STRUCT }
properties { key: "e" value: PROTO }
'''),
    ('google.protobuf.Struct.map_key_prefixes', 'google.protobuf.Struct', '''fields { key: "ab" value { bool_value: true } }
fields { key: "a" value { null_value: NULL_VALUE } }
fields { key: "a.b" value { number_value: 1 } }
fields { key: "aB" value { string_value: "s" } }
fields { key: "" value { number_value: 2 } }
'''),
]


def gen_map_prefixes():
    for name, type_name, text in MAP_PREFIX_CASES:
        encoded = protoc('encode', type_name, proto_file_of(type_name), text.encode('utf-8'), '--deterministic_output')
        add_case(name, type_name, 'binary', encoded)


# ---------------------------------------------------------------------------

def main():
    os.makedirs(OUT, exist_ok=True)
    for fn in os.listdir(OUT):
        if fn.endswith(('.bin', '.txt')) or fn == 'manifest.tsv':
            os.remove(os.path.join(OUT, fn))
    gen_reflective()
    gen_special()
    gen_noncanonical()
    gen_text()
    gen_map_prefixes()
    with open(os.path.join(OUT, 'manifest.tsv'), 'w') as fh:
        fh.write('\n'.join(MANIFEST) + '\n')
    kinds = {}
    for line in MANIFEST:
        k = line.rsplit('\t', 1)[1]
        kinds[k] = kinds.get(k, 0) + 1
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f'{len(MANIFEST)} cases {kinds}, {total} bytes in {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
