"""Our .proto files against the descriptors a published Python package ships: what
check-mlmd-protos.py and check-tfmd-protos.py share.

Compared: every message (nested too) with its fields by number (name, number, label, type, type
name, default, oneof index, options such as packed and deprecated, proto3 optional), oneof names,
reserved ranges and names, extension ranges and options; every enum with its values (and their
options), reserved ranges and options; extensions; services with their methods (name, input,
output, streaming, options); a file's package, syntax, imports and options. Comments are not
compared, nor the order of declarations except for enum values (the first is the default).
"""
import os
import subprocess
import sys
import tempfile

from google.protobuf import descriptor_pb2, text_format


def published(modules):
    """The FileDescriptorProtos of generated `*_pb2` modules, by file name."""
    files = {}
    for module in modules:
        proto = descriptor_pb2.FileDescriptorProto()
        module.DESCRIPTOR.CopyToProto(proto)
        files[proto.name] = proto
    return files


def compiled(root, names):
    """protoc's FileDescriptorProtos for `names` under `root`, imports included, by file name."""
    with tempfile.TemporaryDirectory() as scratch:
        out = os.path.join(scratch, "set.pb")
        command = ["protoc", f"-I{root}", "--include_imports", f"--descriptor_set_out={out}"] + names
        if subprocess.run(command).returncode != 0:
            sys.exit("protoc could not compile our files (its errors are above)")
        descriptor_set = descriptor_pb2.FileDescriptorSet()
        with open(out, "rb") as f:
            descriptor_set.ParseFromString(f.read())
        return {f.name: f for f in descriptor_set.file}


def options(message):
    # As text, so that a difference reads as the option that differs (custom options included).
    return text_format.MessageToString(message, as_one_line=True) or None


def optional(message, field):
    return getattr(message, field) if message.HasField(field) else None


def field_facts(field):
    names = descriptor_pb2.FieldDescriptorProto
    return dict(name=field.name, number=field.number, label=names.Label.Name(field.label),
                type=names.Type.Name(field.type), type_name=field.type_name, extendee=field.extendee,
                default=optional(field, "default_value"), oneof=optional(field, "oneof_index"),
                options=options(field.options), proto3_optional=field.proto3_optional)


def ranges(items):
    return [(r.start, r.end) for r in items]


class Comparison:
    def __init__(self):
        self.differences = []

    def differ(self, where, what, expected, actual):
        if expected != actual:
            self.differences.append(f"{where}: {what} expected {expected!r} got {actual!r}")

    def named(self, where, kind, expected, actual, compare):
        """Pairs `expected` and `actual` by name; reports what only one side has."""
        want = {item.name: item for item in expected}
        got = {item.name: item for item in actual}
        for name in sorted(set(want) | set(got)):
            if name not in got:
                self.differences.append(f"{where}{name}: {kind} missing")
            elif name not in want:
                self.differences.append(f"{where}{name}: {kind} not in the published package")
            else:
                compare(where + name, want[name], got[name])

    def fields(self, where, kind, expected, actual):
        want = {f.number: field_facts(f) for f in expected}
        got = {f.number: field_facts(f) for f in actual}
        for number in sorted(set(want) | set(got)):
            if number not in got:
                self.differences.append(f"{where}: {kind} {number} ({want[number]['name']}) missing")
            elif number not in want:
                self.differences.append(f"{where}: {kind} {number} ({got[number]['name']}) not in the published package")
            else:
                for fact in want[number]:
                    self.differ(where, f"{kind} {number} {fact}", want[number][fact], got[number][fact])

    def enum(self, where, expected, actual):
        facts = lambda e: {v.number: (v.name, options(v.options)) for v in e.value}
        want, got = facts(expected), facts(actual)
        for number in sorted(set(want) | set(got)):
            self.differ(where, f"value {number}", want.get(number), got.get(number))
        self.differ(where, "value order", [v.name for v in expected.value], [v.name for v in actual.value])
        self.differ(where, "reserved ranges", ranges(expected.reserved_range), ranges(actual.reserved_range))
        self.differ(where, "reserved names", list(expected.reserved_name), list(actual.reserved_name))
        self.differ(where, "options", options(expected.options), options(actual.options))

    def message(self, where, expected, actual):
        self.fields(where, "field", expected.field, actual.field)
        self.differ(where, "oneofs", [o.name for o in expected.oneof_decl], [o.name for o in actual.oneof_decl])
        self.differ(where, "reserved ranges", ranges(expected.reserved_range), ranges(actual.reserved_range))
        self.differ(where, "reserved names", list(expected.reserved_name), list(actual.reserved_name))
        self.differ(where, "extension ranges", ranges(expected.extension_range), ranges(actual.extension_range))
        self.differ(where, "options", options(expected.options), options(actual.options))
        self.fields(where, "extension", expected.extension, actual.extension)
        self.named(where + ".", "enum", expected.enum_type, actual.enum_type, self.enum)
        self.named(where + ".", "message", expected.nested_type, actual.nested_type, self.message)

    def service(self, where, expected, actual):
        facts = lambda s: {m.name: (m.input_type, m.output_type, m.client_streaming, m.server_streaming,
                                    options(m.options)) for m in s.method}
        want, got = facts(expected), facts(actual)
        for name in sorted(set(want) | set(got)):
            self.differ(where, f"method {name}", want.get(name), got.get(name))
        self.differ(where, "options", options(expected.options), options(actual.options))

    def file(self, name, expected, actual):
        self.differ(name, "package", expected.package, actual.package)
        # protoc leaves `syntax` empty for proto2.
        self.differ(name, "syntax", expected.syntax or "proto2", actual.syntax or "proto2")
        self.differ(name, "imports", list(expected.dependency), list(actual.dependency))
        self.differ(name, "options", options(expected.options), options(actual.options))
        self.named(f"{name}: ", "message", expected.message_type, actual.message_type, self.message)
        self.named(f"{name}: ", "enum", expected.enum_type, actual.enum_type, self.enum)
        self.fields(name, "extension", expected.extension, actual.extension)
        self.named(f"{name}: ", "service", expected.service, actual.service, self.service)


def differences(reference, root):
    """One line per difference between the published files `reference` (by name) and ours under `root`."""
    ours = compiled(root, sorted(reference))
    comparison = Comparison()
    for name, expected in sorted(reference.items()):
        comparison.file(name, expected, ours[name])
    return comparison.differences
