#!/usr/bin/env python3
"""Writes the seed corpus under Fuzz/Corpus/ from the golden vectors (Tests/MLMDProtosTests/Golden
and GoldenJSON).

fuzz-binary and fuzz-text inputs are one byte, the index of the message type in
FuzzSupport.messageTypes (MetadataStoreService.methods, then MetadataPurgeService.methods, in .proto
order, request then response),
followed by the message in binary or text form; fuzz-json inputs likewise, with the message in JSON. fuzz-filter inputs are filter queries.
Run from anywhere: python3 Fuzz/make-corpus.py (deterministic; rewrites Corpus/).
"""
import pathlib
import re
import shutil

FUZZ = pathlib.Path(__file__).resolve().parent
ROOT = FUZZ.parent
GOLDEN = ROOT / "Tests/MLMDProtosTests/Golden"
GOLDEN_JSON = ROOT / "Tests/MLMDProtosTests/GoldenJSON"
# The services' generated files, in FuzzSupport.messageTypes order, with their packages.
SERVICES = [
    ("ml_metadata", ROOT / "Sources/MLMDProtos/metadata_store_service.pb.swift"),
    ("swift_ml_metadata", ROOT / "Sources/MLMDProtos/purge_service.pb.swift"),
]
CORPUS = FUZZ / "Corpus"

# The text seeds: small `full` messages only, to keep the corpus small.
TEXT_SEED_LIMIT = 1500

FILTER_QUERIES = [
    "uri LIKE '/data/%' AND properties.span.int_value > 5",
    "contexts_a.name = 'x'",
    "events_0.type = INPUT",
    "parent_contexts_p.id = 1",
    "create_time_since_epoch > 10 OR NOT(name IS NULL)",
    "type = 'DataSet' AND state = LIVE",
    "id IN (1, 2, 3) AND name NOT LIKE \"%tmp%\"",
    "custom_properties.`my key`.string_value = 'v\\'q'",
    "last_update_time_since_epoch BETWEEN -1 AND 2.5e3",
    "properties.ok.bool_value AND NOT external_id != 'e'",
    "last_known_state = COMPLETE OR executions_e.last_known_state <> FAILED",
    "child_contexts_c.type = 't' AND artifacts_a.uri LIKE 'gs://%' AND artifacts_a.state = MARKED_FOR_DELETION",
    "((id = 1) OR (id = 2)) AND type_id >= 10 AND events_e.milliseconds_since_epoch < 5",
    "properties.p.double_value = 1.5 AND custom_properties.c.int_value IS NOT NULL AND TRUE",
]


# Inputs fuzzing stopped on (minimized), replayed by every run; Tests/MLMDProtosTests/
# FuzzRegressionTests.swift checks what they must do. (target, file, type, bytes)
REGRESSIONS = [
    # A double property holding a NaN: the round trip keeps its bits, but NaN != NaN.
    ("fuzz-binary", "regression-nan-property", "GetArtifactsResponse",
     bytes.fromhex("0a10" "220e" "0a0139" "1209" "11ffffffffffffffff")),
    # An expanded Any whose Artifact has an unknown field (state 2048) prints it as `6: 2048`.
    ("fuzz-text", "regression-expanded-any-unknown-field", "PutParentContextsRequest",
     rb'parent_contexts { system_metadata { type_url: "type.googleapis.com/ml_metadata.Artifact" value: "0\200\020" } }'),
]


def message_types():
    """The request and response types of the services, in FuzzSupport.messageTypes order, as
    (package, name)."""
    pattern = re.compile(r'ProtoServiceMethod\(name: "\w+", requestType: (\w+)\.self, responseType: (\w+)\.self\)')
    types = []
    for package, source in SERVICES:
        for request, response in pattern.findall(source.read_text()):
            types += [(package, request), (package, response)]
    assert len(types) == 110, len(types)
    return types


def golden(name):
    return (GOLDEN / name).read_bytes()


# Hand-written text inputs of other messages (golden `text-input` cases), wrapped in a
# service message that holds them: (file, service type, text before, text after).
WRAPPED_TEXT = [
    ("ml_metadata.Artifact.text_comments_separators.input.txt", "PutArtifactsRequest", "artifacts {\n", "}\n"),
    ("ml_metadata.Artifact.text_enum_by_number.input.txt", "GetArtifactsResponse", "artifacts {", "}"),
    ("ml_metadata.Artifact.text_escapes.input.txt", "PutArtifactsRequest", "artifacts <\n", ">\n"),
    ("ml_metadata.Artifact.text_integers.input.txt", "GetArtifactsByIDResponse", "artifacts {\n", "}\n"),
    ("ml_metadata.Artifact.text_map_unsorted.input.txt", "PutArtifactsRequest", "artifacts: {\n", "}\n"),
    ("ml_metadata.Artifact.text_message_delimiters.input.txt", "PutArtifactsRequest", "artifacts {\n", "}\n"),
    ("ml_metadata.Artifact.text_string_concat.input.txt", "GetArtifactsByURIResponse", "artifacts {\n", "}\n"),
    ("ml_metadata.ArtifactType.text_enum_map_values.input.txt", "PutArtifactTypeRequest", "artifact_type {\n", "}\n"),
    ("ml_metadata.ArtifactStructType.text_nested_angle.input.txt", "PutExecutionTypeRequest", "execution_type { input_type {\n", "} }\n"),
    ("ml_metadata.Event.text_enums.input.txt", "PutEventsRequest", "events {\n", "}\n"),
    ("ml_metadata.ListOperationOptions.text_int32.input.txt", "GetContextsRequest", "options {\n", "}\n"),
    ("ml_metadata.Value.text_any_expanded.input.txt", "PutArtifactsRequest", "artifacts { properties { key: \"p\" value {\n", "} } }\n"),
    ("ml_metadata.Value.text_double_f_suffix.input.txt", "PutExecutionsRequest", "executions { custom_properties { key: \"d\" value {\n", "} } }\n"),
    ("ml_metadata.GetLineageSubgraphRequest.text_request.input.txt", "GetLineageSubgraphRequest", "", ""),
    ("ml_metadata.PutArtifactsRequest.text_message_lists.input.txt", "PutArtifactsRequest", "", ""),
    ("ml_metadata.PutExecutionRequest.text_bools.input.txt", "PutExecutionRequest", "", ""),
    ("ml_metadata.PutExecutionResponse.text_scalar_lists.input.txt", "PutExecutionResponse", "", ""),
]


def main():
    types = message_types()
    # A name's first position: PurgeResponse answers three methods.
    index = {}
    for position, (_, name) in enumerate(types):
        index.setdefault(name, position)
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    binary, text, filter_dir = (CORPUS / "fuzz-binary", CORPUS / "fuzz-text", CORPUS / "fuzz-filter")
    json = CORPUS / "fuzz-json"
    for directory in (binary, text, filter_dir, json):
        directory.mkdir(parents=True)

    for name, position in index.items():
        package = types[position][0]
        prefix = bytes([position])
        (binary / name).write_bytes(prefix + golden(f"{package}.{name}.full.bin"))
        full_text = golden(f"{package}.{name}.full.txt")
        if len(full_text) <= TEXT_SEED_LIMIT:
            (text / name).write_bytes(prefix + full_text)
    # Non-canonical encodings the decoder must accept (packed runs split, unsorted maps, ...).
    for path in sorted(GOLDEN.glob("ml_metadata.*.input.bin")):
        name, case = path.name[len("ml_metadata."):].split(".", 1)
        if name in index:
            (binary / f"{name}.{case.removesuffix('.input.bin')}").write_bytes(bytes([index[name]]) + path.read_bytes())

    for file, name, before, after in WRAPPED_TEXT:
        case = file[len("ml_metadata."):].removesuffix(".input.txt")
        (text / case).write_bytes(bytes([index[name]]) + before.encode() + golden(file) + after.encode())

    # JSON seeds: what Python's json_format prints for a random message of each type (small ones),
    # and the hand-written inputs of service types.
    for name, position in index.items():
        package = types[position][0]
        printed = (GOLDEN_JSON / f"{package}.{name}.random0.json").read_bytes()
        if len(printed) <= TEXT_SEED_LIMIT:
            (json / name).write_bytes(bytes([position]) + printed)
    for path in sorted(GOLDEN_JSON.glob("*.input.json")):
        package_and_name, case = path.name.removesuffix(".input.json").rsplit(".", 1)
        name = package_and_name.rsplit(".", 1)[1]
        if name in index:
            (json / f"{name}.{case}").write_bytes(bytes([index[name]]) + path.read_bytes())

    for target, file, name, data in REGRESSIONS:
        (CORPUS / target / file).write_bytes(bytes([index[name]]) + data)

    for number, query in enumerate(FILTER_QUERIES):
        (filter_dir / f"query-{number:02}").write_text(query)

    total = sum(path.stat().st_size for path in CORPUS.rglob("*") if path.is_file())
    counts = ", ".join(f"{d.name} {sum(1 for _ in d.iterdir())}" for d in (binary, text, json, filter_dir))
    print(f"{counts} files, {total} bytes")


main()
