#!/usr/bin/env bash
# Regenerates the Swift messages from Protos/: the well-known types in Sources/ProtoWire/WellKnownTypes,
# the ml_metadata messages in Sources/MLMDProtos, tensorflow_metadata's Schema and statistics in
# Sources/TFMetadataProtos, gRPC's health protocol in Sources/MLMDServer/Health, and the OpenAPI document of the
# HTTP listener in Sources/MLMDServer/HTTP.
# Needs protoc (apt-get install -y protobuf-compiler).
# Usage: Scripts/generate-protos.sh        (CI runs it and fails if any generated file changed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v protoc >/dev/null || { echo "generate-protos: protoc missing: apt-get install -y protobuf-compiler" >&2; exit 2; }
work=$(mktemp -d)
protoc -IProtos --include_imports --include_source_info --descriptor_set_out="$work/mlmd.desc" \
  ml_metadata/proto/metadata_store.proto ml_metadata/proto/metadata_store_service.proto swift_ml_metadata/purge_service.proto \
  grpc/health/v1/health.proto \
  tensorflow_metadata/proto/v0/schema.proto tensorflow_metadata/proto/v0/statistics.proto
# The generator links ProtoWire, which holds generated well-known types: build it without any
# generated file, so a broken generated file can never stop its own regeneration.
mkdir -p "$work/old" Sources/ProtoWire/WellKnownTypes Sources/MLMDProtos Sources/TFMetadataProtos Sources/MLMDServer/Health Sources/MLMDServer/HTTP
generated=$(ls Sources/ProtoWire/WellKnownTypes/*.pb.swift Sources/MLMDProtos/*.pb.swift Sources/TFMetadataProtos/*.pb.swift \
  Sources/MLMDServer/Health/*.pb.swift Sources/MLMDServer/HTTP/*.pb.swift 2>/dev/null || true)
restore() {
  for f in $generated; do [ -f "$f" ] || cp "$work/old/$(echo "$f" | tr / _)" "$f"; done
  rm -f Sources/MLMDProtos/Bootstrap.swift Sources/TFMetadataProtos/Bootstrap.swift
}
trap 'restore; rm -rf "$work"' EXIT
for f in $generated; do mv "$f" "$work/old/$(echo "$f" | tr / _)"; done
for module in MLMDProtos TFMetadataProtos; do
  echo "// Stands in for the generated messages while the generator builds." > "Sources/$module/Bootstrap.swift"
done
swift build --product mlmd-protogen >&2
"$(swift build --show-bin-path)/mlmd-protogen" "$work/mlmd.desc" Sources
