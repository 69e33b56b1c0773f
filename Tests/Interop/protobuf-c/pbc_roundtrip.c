/*
 * pbc-roundtrip: re-encode a protobuf message with protobuf-c, an independent
 * second protobuf implementation used by the interop tests.
 *
 *   pbc-roundtrip FULL.TYPE.NAME < in.bin > out.bin
 *       Unpack stdin as FULL.TYPE.NAME with protobuf_c_message_unpack, pack it
 *       again with protobuf_c_message_pack, write the bytes to stdout.
 *       exit 0 ok; 1 parse (or I/O) failure; 2 unknown type / usage error.
 *   pbc-roundtrip --list
 *       Print the full name of every message type it knows, one per line.
 *
 * The descriptor table (pbc_descriptors / pbc_descriptor_count) is generated
 * at build time from the protoc-c headers by Scripts/build-protobuf-c-roundtrip.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <protobuf-c/protobuf-c.h>

extern const ProtobufCMessageDescriptor *const pbc_descriptors[];
extern const size_t pbc_descriptor_count;

static const ProtobufCMessageDescriptor *find_descriptor(const char *name) {
  if (name[0] == '.') name++; /* accept ".pkg.Type" as well */
  for (size_t i = 0; i < pbc_descriptor_count; i++)
    if (strcmp(pbc_descriptors[i]->name, name) == 0) return pbc_descriptors[i];
  return NULL;
}

static uint8_t *read_all(FILE *f, size_t *len_out) {
  size_t cap = 1 << 16, len = 0;
  uint8_t *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    if (len == cap) {
      uint8_t *nb = realloc(buf, cap *= 2);
      if (!nb) { free(buf); return NULL; }
      buf = nb;
    }
    size_t n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0) break;
  }
  if (ferror(f)) { free(buf); return NULL; }
  *len_out = len;
  return buf;
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--list") == 0) {
    for (size_t i = 0; i < pbc_descriptor_count; i++) printf("%s\n", pbc_descriptors[i]->name);
    return fflush(stdout) == 0 ? 0 : 1;
  }
  if (argc != 2 || argv[1][0] == '-') {
    fprintf(stderr, "usage: pbc-roundtrip FULL.TYPE.NAME < in.bin > out.bin\n"
                    "       pbc-roundtrip --list\n");
    return 2;
  }
  const char *type = argv[1];
  const ProtobufCMessageDescriptor *desc = find_descriptor(type);
  if (!desc) {
    fprintf(stderr, "pbc-roundtrip: unknown message type %s (see pbc-roundtrip --list)\n", type);
    return 2;
  }

  size_t in_len = 0;
  uint8_t *in = read_all(stdin, &in_len);
  if (!in) { fprintf(stderr, "pbc-roundtrip: cannot read stdin\n"); return 1; }

  ProtobufCMessage *msg = protobuf_c_message_unpack(desc, NULL, in_len, in);
  if (!msg) {
    fprintf(stderr, "pbc-roundtrip: cannot parse %s (%zu bytes)\n", type, in_len);
    free(in);
    return 1;
  }

  size_t out_len = protobuf_c_message_get_packed_size(msg);
  uint8_t *out = malloc(out_len ? out_len : 1);
  if (!out) { fprintf(stderr, "pbc-roundtrip: out of memory\n"); return 1; }
  size_t packed = protobuf_c_message_pack(msg, out);
  if (packed != out_len) {
    fprintf(stderr, "pbc-roundtrip: pack size mismatch for %s (%zu != %zu)\n", desc->name, packed, out_len);
    return 1;
  }
  if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
    fprintf(stderr, "pbc-roundtrip: cannot write stdout\n");
    return 1;
  }
  protobuf_c_message_free_unpacked(msg, NULL);
  free(out);
  free(in);
  return 0;
}
