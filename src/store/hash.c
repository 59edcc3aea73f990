/* src/store/hash.c: see hash.h. */
#include "store/hash.h"

#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

/* Nix's base-32 alphabet: digits and letters without e, o, u, t (to avoid words). */
static const char base32_chars[] = "0123456789abcdfghijklmnpqrsvwxyz";
static const char base64_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool hash_algo_from_name(const char *name, enum hash_algo *out) {
    static const struct {
        const char *name;
        enum hash_algo algo;
    } names[] = {
        {"md5", HASH_MD5}, {"sha1", HASH_SHA1}, {"sha256", HASH_SHA256}, {"sha512", HASH_SHA512}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].algo;
            return true;
        }
    }
    return false;
}

const char *hash_algo_name(enum hash_algo algo) {
    switch (algo) {
    case HASH_MD5: return "md5";
    case HASH_SHA1: return "sha1";
    case HASH_SHA256: return "sha256";
    case HASH_SHA512: return "sha512";
    }
    return "?";
}

size_t hash_algo_size(enum hash_algo algo) {
    switch (algo) {
    case HASH_MD5: return 16;
    case HASH_SHA1: return 20;
    case HASH_SHA256: return 32;
    case HASH_SHA512: return 64;
    }
    return 0;
}

static const EVP_MD *evp_for(enum hash_algo algo) {
    switch (algo) {
    case HASH_MD5: return EVP_md5();
    case HASH_SHA1: return EVP_sha1();
    case HASH_SHA256: return EVP_sha256();
    case HASH_SHA512: return EVP_sha512();
    }
    return NULL;
}

struct hash_ctx {
    enum hash_algo algo;
    EVP_MD_CTX *md;
};

struct hash_ctx *hash_ctx_new(enum hash_algo algo) {
    struct hash_ctx *ctx = malloc(sizeof *ctx);
    if (!ctx) return NULL;
    ctx->algo = algo;
    ctx->md = EVP_MD_CTX_new();
    if (!ctx->md || EVP_DigestInit_ex(ctx->md, evp_for(algo), NULL) != 1) {
        EVP_MD_CTX_free(ctx->md);
        free(ctx);
        return NULL;
    }
    return ctx;
}

void hash_ctx_update(struct hash_ctx *ctx, const void *data, size_t len) {
    EVP_DigestUpdate(ctx->md, data, len);
}

struct hash hash_ctx_finish(struct hash_ctx *ctx) {
    struct hash h = {.algo = ctx->algo, .len = hash_algo_size(ctx->algo)};
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx->md, h.bytes, &n);
    EVP_MD_CTX_free(ctx->md);
    free(ctx);
    return h;
}

struct hash hash_buffer(enum hash_algo algo, const void *data, size_t len) {
    struct hash h = {.algo = algo, .len = hash_algo_size(algo)};
    unsigned int n = 0;
    EVP_Digest(data, len, h.bytes, &n, evp_for(algo), NULL);
    return h;
}

size_t hash_base16_len(size_t nbytes) {
    return nbytes * 2;
}

size_t hash_base32_len(size_t nbytes) {
    return (nbytes * 8 - 1) / 5 + 1;
}

size_t hash_base64_len(size_t nbytes) {
    return ((4 * nbytes / 3) + 3) & ~(size_t)3;
}

void hash_to_base16(const uint8_t *bytes, size_t n, char *out) {
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hex[bytes[i] >> 4];
        out[2 * i + 1] = hex[bytes[i] & 0xf];
    }
    out[2 * n] = '\0';
}

/* Nix's base-32 reads the hash as one little-endian number and prints its 5-bit digits
 * most significant first. */
void hash_to_base32(const uint8_t *bytes, size_t n, char *out) {
    size_t len = hash_base32_len(n);
    for (size_t k = 0; k < len; k++) {
        size_t digit = len - 1 - k;
        size_t bit = digit * 5;
        size_t i = bit / 8, j = bit % 8;
        unsigned c = bytes[i] >> j;
        if (i + 1 < n) c |= (unsigned)bytes[i + 1] << (8 - j);
        out[k] = base32_chars[c & 0x1f];
    }
    out[len] = '\0';
}

void hash_to_base64(const uint8_t *bytes, size_t n, char *out) {
    size_t o = 0;
    unsigned data = 0;
    int nbits = 0;
    for (size_t i = 0; i < n; i++) {
        data = data << 8 | bytes[i];
        nbits += 8;
        while (nbits >= 6) {
            nbits -= 6;
            out[o++] = base64_chars[(data >> nbits) & 0x3f];
        }
    }
    if (nbits > 0) out[o++] = base64_chars[(data << (6 - nbits)) & 0x3f];
    while (o % 4)
        out[o++] = '=';
    out[o] = '\0';
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool hash_parse(enum hash_algo algo, const char *text, struct hash *out) {
    size_t n = hash_algo_size(algo);
    size_t len = strlen(text);
    memset(out, 0, sizeof *out);
    out->algo = algo;
    out->len = n;
    if (len == hash_base16_len(n)) {
        for (size_t i = 0; i < n; i++) {
            int hi = hex_value(text[2 * i]), lo = hex_value(text[2 * i + 1]);
            if (hi < 0 || lo < 0) return false;
            out->bytes[i] = (uint8_t)(hi << 4 | lo);
        }
        return true;
    }
    if (len == hash_base32_len(n)) {
        for (size_t k = 0; k < len; k++) {
            const char *p = strchr(base32_chars, text[k]);
            if (!p || !*p) return false;
            unsigned digit = (unsigned)(p - base32_chars);
            size_t bit = (len - 1 - k) * 5;
            size_t i = bit / 8, j = bit % 8;
            out->bytes[i] |= (uint8_t)(digit << j);
            if (i + 1 < n) {
                out->bytes[i + 1] |= (uint8_t)(digit >> (8 - j));
            } else if (digit >> (8 - j)) {
                return false; /* bits beyond the hash's size */
            }
        }
        return true;
    }
    if (len == hash_base64_len(n)) {
        unsigned data = 0;
        int nbits = 0;
        size_t o = 0;
        for (size_t k = 0; k < len && text[k] != '='; k++) {
            const char *p = strchr(base64_chars, text[k]);
            if (!p || !*p) return false;
            data = data << 6 | (unsigned)(p - base64_chars);
            nbits += 6;
            if (nbits >= 8) {
                nbits -= 8;
                if (o >= n) return false;
                out->bytes[o++] = (uint8_t)(data >> nbits);
            }
        }
        return o == n;
    }
    return false;
}

void hash_compress(const struct hash *h, uint8_t *out, size_t out_len) {
    memset(out, 0, out_len);
    for (size_t i = 0; i < h->len; i++)
        out[i % out_len] ^= h->bytes[i];
}

static int hash_err(char **err, const char *fmt, const char *a, const char *b) {
    if (err && asprintf(err, fmt, a, b) < 0) *err = NULL;
    return -1;
}

/* Standard base-64 with '=' padding; false on a bad character or a length that is not a
 * whole number of groups. */
static bool base64_decode(const char *s, uint8_t *out, size_t cap, size_t *n_out) {
    size_t len = strlen(s), n = 0;
    unsigned data = 0;
    int nbits = 0;
    if (len % 4) return false;
    for (size_t k = 0; k < len; k++) {
        if (s[k] == '=') {
            for (size_t j = k; j < len; j++)
                if (s[j] != '=') return false;
            break;
        }
        const char *p = strchr(base64_chars, s[k]);
        if (!p || !*p) return false;
        data = data << 6 | (unsigned)(p - base64_chars);
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            if (n >= cap) return false;
            out[n++] = (uint8_t)(data >> nbits);
        }
    }
    *n_out = n;
    return true;
}

int hash_parse_any(const char *text, const enum hash_algo *algo, struct hash *out, char **err) {
    const char *rest = text;
    bool sri = false, have_prefix = false;
    enum hash_algo parsed = HASH_SHA256;
    const char *sep = strchr(text, ':');
    if (!sep) {
        sep = strchr(text, '-');
        sri = sep != NULL;
    }
    if (sep) {
        char name[16] = "";
        size_t n = (size_t)(sep - text);
        if (n < sizeof name) {
            memcpy(name, text, n);
            name[n] = '\0';
        }
        if (n >= sizeof name || !hash_algo_from_name(name, &parsed)) {
            char *prefix = strndup(text, n);
            hash_err(err, "unknown hash algorithm '%s'%s", prefix ? prefix : "", "");
            free(prefix);
            return -1;
        }
        have_prefix = true;
        rest = sep + 1;
    }
    if (!*text) {
        if (!algo) return hash_err(err, "empty hash requires explicit hash type%s%s", "", "");
        memset(out, 0, sizeof *out);
        out->algo = *algo;
        out->len = hash_algo_size(*algo);
        return 0;
    }
    if (!have_prefix && !algo)
        return hash_err(err,
                        "hash '%s' does not include a type, nor is the type otherwise known "
                        "from context%s",
                        rest, "");
    if (have_prefix && algo && parsed != *algo)
        return hash_err(err, "hash '%s' should have type '%s'", text, hash_algo_name(*algo));
    enum hash_algo a = have_prefix ? parsed : *algo;
    size_t size = hash_algo_size(a), len = strlen(rest);
    memset(out, 0, sizeof *out);
    out->algo = a;
    out->len = size;
    if (!sri && len == hash_base16_len(size)) {
        if (!hash_parse(a, rest, out))
            return hash_err(err, "invalid base-16 hash '%s'%s", text, "");
        return 0;
    }
    if (!sri && len == hash_base32_len(size)) {
        if (!hash_parse(a, rest, out))
            return hash_err(err, "invalid base-32 hash '%s'%s", text, "");
        return 0;
    }
    if (sri || len == hash_base64_len(size)) {
        uint8_t buf[HASH_MAX_BYTES + 3];
        size_t n = 0;
        if (!base64_decode(rest, buf, sizeof buf, &n) || n != size)
            return hash_err(err, "invalid %s hash '%s'", sri ? "SRI" : "base-64", rest);
        memcpy(out->bytes, buf, size);
        return 0;
    }
    return hash_err(err, "hash '%s' has wrong length for hash type '%s'", rest, hash_algo_name(a));
}
