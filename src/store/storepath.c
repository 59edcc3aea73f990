/* src/store/storepath.c: see storepath.h. */
#include "store/storepath.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool store_path_name_valid(const char *name, const char **why) {
    size_t len = strlen(name);
    const char *reason = NULL;
    if (len == 0)
        reason = "name must not be empty";
    else if (len > 211)
        reason = "name must be less than 212 characters";
    else if (name[0] == '.')
        reason = "name cannot start with a period";
    else {
        for (size_t i = 0; i < len; i++) {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  strchr("+-._?=", c))) {
                reason = "name contains an invalid character";
                break;
            }
        }
    }
    if (why) *why = reason;
    return reason == NULL;
}

char *store_make_path(const char *store_dir, const char *type, const struct hash *inner,
                      const char *name) {
    if (!store_path_name_valid(name, NULL)) return NULL;
    char hex[HASH_MAX_BYTES * 2 + 1];
    hash_to_base16(inner->bytes, inner->len, hex);
    char *fingerprint = NULL;
    if (asprintf(&fingerprint, "%s:%s:%s:%s:%s", type, hash_algo_name(inner->algo), hex, store_dir,
                 name) < 0)
        return NULL;
    struct hash outer = hash_buffer(HASH_SHA256, fingerprint, strlen(fingerprint));
    free(fingerprint);
    uint8_t compressed[STORE_PATH_HASH_BYTES];
    hash_compress(&outer, compressed, sizeof compressed);
    char b32[STORE_PATH_HASH_CHARS + 1];
    hash_to_base32(compressed, sizeof compressed, b32);
    char *path = NULL;
    if (asprintf(&path, "%s/%s-%s", store_dir, b32, name) < 0) return NULL;
    return path;
}

/* "TYPE:REF1:REF2..." for text and source paths. */
static char *type_with_refs(const char *type, const char *const *refs, size_t nrefs) {
    size_t len = strlen(type) + 1;
    for (size_t i = 0; i < nrefs; i++)
        len += strlen(refs[i]) + 1;
    char *s = malloc(len);
    if (!s) return NULL;
    char *p = stpcpy(s, type);
    for (size_t i = 0; i < nrefs; i++) {
        *p++ = ':';
        p = stpcpy(p, refs[i]);
    }
    return s;
}

static char *make_with_refs(const char *store_dir, const char *type, const struct hash *h,
                            const char *const *refs, size_t nrefs, const char *name) {
    char *t = type_with_refs(type, refs, nrefs);
    if (!t) return NULL;
    char *path = store_make_path(store_dir, t, h, name);
    free(t);
    return path;
}

char *store_make_text_path(const char *store_dir, const struct hash *content_sha256,
                           const char *const *refs, size_t nrefs, const char *name) {
    return make_with_refs(store_dir, "text", content_sha256, refs, nrefs, name);
}

char *store_make_source_path(const char *store_dir, const struct hash *nar_sha256,
                             const char *const *refs, size_t nrefs, const char *name) {
    return make_with_refs(store_dir, "source", nar_sha256, refs, nrefs, name);
}

char *store_make_output_path(const char *store_dir, const char *output_name,
                             const struct hash *drv_hash_modulo, const char *drv_name) {
    char *type = NULL, *name = NULL;
    if (asprintf(&type, "output:%s", output_name) < 0) return NULL;
    int r = strcmp(output_name, "out") == 0 ? asprintf(&name, "%s", drv_name)
                                            : asprintf(&name, "%s-%s", drv_name, output_name);
    if (r < 0) {
        free(type);
        return NULL;
    }
    char *path = store_make_path(store_dir, type, drv_hash_modulo, name);
    free(type);
    free(name);
    return path;
}

char *store_make_fixed_output_path(const char *store_dir, bool recursive, const struct hash *h,
                                   const char *name) {
    if (recursive && h->algo == HASH_SHA256)
        return store_make_source_path(store_dir, h, NULL, 0, name);
    char hex[HASH_MAX_BYTES * 2 + 1];
    hash_to_base16(h->bytes, h->len, hex);
    char *inner = NULL;
    if (asprintf(&inner, "fixed:out:%s%s:%s:", recursive ? "r:" : "", hash_algo_name(h->algo),
                 hex) < 0)
        return NULL;
    struct hash ih = hash_buffer(HASH_SHA256, inner, strlen(inner));
    free(inner);
    return store_make_path(store_dir, "output:out", &ih, name);
}

bool store_path_is_store_path(const char *store_dir, const char *path) {
    size_t n = strlen(store_dir);
    if (strncmp(path, store_dir, n) != 0 || path[n] != '/') return false;
    const char *base = path + n + 1;
    if (strlen(base) < STORE_PATH_HASH_CHARS + 2 || base[STORE_PATH_HASH_CHARS] != '-')
        return false;
    if (strchr(base, '/')) return false;
    return store_path_name_valid(base + STORE_PATH_HASH_CHARS + 1, NULL);
}
