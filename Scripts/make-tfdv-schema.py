"""Makes the reference schema that `mlmd infer-schema` must reproduce: TensorFlow Data Validation's own.

usage: python Scripts/make-tfdv-schema.py [CSV] [OUT]
  CSV defaults to Sources/MLMDCommandLine/Resources/chicago_taxi/data.csv,
  OUT to Tests/SchemaInferenceTests/Golden/chicago_taxi.schema.pbtxt.
Needs TFDV 1.16.1 (the newest that installs on Python 3.11). Its full dependency set makes pip
backtrack for a long time; this pinned install takes a few minutes:
  pip install --no-deps tensorflow-data-validation==1.16.1 tfx-bsl==1.16.1 tensorflow-metadata==1.16.1
  pip install tensorflow==2.16.2 apache-beam==2.60.0 'pyarrow>=10,<11' 'pandas<2' 'numpy<2' \
      'protobuf>=4.25.2,<5' 'absl-py<2' joblib pyfarmhash six tensorflow-serving-api==2.16.1
Runs generate_statistics_from_csv and infer_schema with their defaults and writes the schema in
text format as `protoc --decode` prints it (C++ TextFormat, the canonical form our codec prints too:
`min_fraction: 1`, where Python's text_format would print `1.0`), decoding with the package's own
descriptors. Needs protoc.
"""
import os
import subprocess
import sys
import tempfile

import tensorflow_data_validation as tfdv
from google.protobuf import any_pb2, descriptor_pb2
from tensorflow_metadata.proto.v0 import derived_feature_pb2, path_pb2, schema_pb2


def protoc_text(message, modules):
    """`message` as protoc --decode prints it, given the modules that define it and its imports."""
    descriptors = descriptor_pb2.FileDescriptorSet()
    for module in modules:
        module.DESCRIPTOR.CopyToProto(descriptors.file.add())
    with tempfile.TemporaryDirectory() as scratch:
        descriptor_path = os.path.join(scratch, "set.pb")
        with open(descriptor_path, "wb") as f:
            f.write(descriptors.SerializeToString())
        return subprocess.run(
            ["protoc", f"--descriptor_set_in={descriptor_path}", f"--decode={message.DESCRIPTOR.full_name}"],
            input=message.SerializeToString(deterministic=True), capture_output=True, check=True).stdout

csv = sys.argv[1] if len(sys.argv) > 1 else "Sources/MLMDCommandLine/Resources/chicago_taxi/data.csv"
out = sys.argv[2] if len(sys.argv) > 2 else "Tests/SchemaInferenceTests/Golden/chicago_taxi.schema.pbtxt"
statistics = tfdv.generate_statistics_from_csv(data_location=csv)
schema = tfdv.infer_schema(statistics)
with open(out, "wb") as f:
    f.write(protoc_text(schema, [any_pb2, path_pb2, derived_feature_pb2, schema_pb2]))
print(f"{out}: {len(schema.feature)} features, {len(schema.string_domain)} string domains")
