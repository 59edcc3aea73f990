/* src/store/hash.h: cryptographic hashes and their textual forms as Nix writes them.
 *
 * Owns: computing md5/sha1/sha256/sha512 (through libcrypto), base-16, Nix's base-32 and
 * base-64 renderings, and Nix's hash compression (XOR-folding to a shorter length). */
#ifndef HEARTH_STORE_HASH_H
#define HEARTH_STORE_HASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum hash_algo { HASH_MD5, HASH_SHA1, HASH_SHA256, HASH_SHA512 };

#define HASH_MAX_BYTES 64

struct hash {
    enum hash_algo algo;
    size_t len; /* bytes in `bytes` */
    uint8_t bytes[HASH_MAX_BYTES];
};

/* "md5", "sha1", "sha256", "sha512" -> algo; false for anything else. */
bool hash_algo_from_name(const char *name, enum hash_algo *out);
const char *hash_algo_name(enum hash_algo algo);
size_t hash_algo_size(enum hash_algo algo);

/* One-shot hash of a buffer. */
struct hash hash_buffer(enum hash_algo algo, const void *data, size_t len);

/* Incremental hashing, for NAR streams and large files. */
struct hash_ctx;
struct hash_ctx *hash_ctx_new(enum hash_algo algo);
void hash_ctx_update(struct hash_ctx *ctx, const void *data, size_t len);
/* Finishes and frees ctx. */
struct hash hash_ctx_finish(struct hash_ctx *ctx);

/* Length of the text forms of an n-byte hash, without the terminating NUL. */
size_t hash_base16_len(size_t nbytes);
size_t hash_base32_len(size_t nbytes);
size_t hash_base64_len(size_t nbytes);

/* Writers: `out` must hold the length above plus one byte for the NUL. */
void hash_to_base16(const uint8_t *bytes, size_t n, char *out);
void hash_to_base32(const uint8_t *bytes, size_t n, char *out);
void hash_to_base64(const uint8_t *bytes, size_t n, char *out);

/* Parses a hash in base-16, Nix base-32 or base-64 of the size `algo` wants.
 * Returns false when the text is none of those. */
bool hash_parse(enum hash_algo algo, const char *text, struct hash *out);

/* Parses a hash the way Nix reads `outputHash`, `builtins.path`'s sha256 and similar: "ALGO:HASH",
 * SRI "ALGO-BASE64", or a bare base-16, Nix base-32 or base-64 hash when `algo` (may be NULL)
 * gives the type. An empty text is the all-zero hash of `algo` (Nix warns and uses it).
 * Returns 0, or -1 with *err set to Nix's message (malloc'd). */
int hash_parse_any(const char *text, const enum hash_algo *algo, struct hash *out, char **err);

/* XOR-folds `h` into `out_len` bytes, as Nix does to make 160-bit store path hashes. */
void hash_compress(const struct hash *h, uint8_t *out, size_t out_len);

#endif
