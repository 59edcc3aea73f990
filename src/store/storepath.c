/* src/store/storepath.c: see storepath.h. */
#include "store/storepath.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool store_path_name_valid(const char *name, const char **why) {
    size_t len = strlen(name);
    const char *reason = NULL;
    if (len == 0)
        reason = "has an empty name";
    else if (len > 211)
        reason = "has a name longer than 211 characters";
    else if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strncmp(name, ".-", 2) == 0 ||
             strncmp(name, "..-", 3) == 0)
        /* Names that would read as "." or ".." once the hash is cut off. */
        reason = "has a name that is not valid ('.' or '..' followed by '-' or nothing)";
    else {
        for (size_t i = 0; i < len; i++) {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  strchr("+-._?=", c))) {
                reason = "contains an illegal character";
                break;
            }
        }
    }
    if (why) *why = reason;
    return reason == NULL;
}

char *store_path_name_error(const char *store_dir, const char *store_path) {
    size_t dl = strlen(store_dir);
    const char *base = strncmp(store_path, store_dir, dl) == 0 && store_path[dl] == '/'
                           ? store_path + dl + 1
                           : store_path;
    const char *name = strlen(base) > STORE_PATH_HASH_CHARS ? base + STORE_PATH_HASH_CHARS + 1 : "";
    const char *why = NULL;
    if (store_path_name_valid(name, &why)) return NULL;
    char *msg = NULL;
    int r;
    if (strcmp(why, "contains an illegal character") == 0) {
        size_t bad = 0;
        while (name[bad] &&
               ((name[bad] >= 'a' && name[bad] <= 'z') || (name[bad] >= 'A' && name[bad] <= 'Z') ||
                (name[bad] >= '0' && name[bad] <= '9') || strchr("+-._?=", name[bad])))
            bad++;
        r = asprintf(&msg, "store path '%s' contains illegal character '%c'", base, name[bad]);
    } else {
        r = asprintf(&msg, "store path '%s' %s", base, why);
    }
    return r < 0 ? NULL : msg;
}

static char *make_path(const char *store_dir, const char *type, const struct hash *inner,
                       const char *name, bool check) {
    if (check && !store_path_name_valid(name, NULL)) return NULL;
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

char *store_make_path(const char *store_dir, const char *type, const struct hash *inner,
                      const char *name) {
    return make_path(store_dir, type, inner, name, true);
}

char *store_make_path_unchecked(const char *store_dir, const char *type, const struct hash *inner,
                                const char *name) {
    return make_path(store_dir, type, inner, name, false);
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
                            const char *const *refs, size_t nrefs, const char *name, bool check) {
    char *t = type_with_refs(type, refs, nrefs);
    if (!t) return NULL;
    char *path = make_path(store_dir, t, h, name, check);
    free(t);
    return path;
}

static char *make_output(const char *store_dir, const char *output_name,
                         const struct hash *drv_hash_modulo, const char *drv_name, bool check) {
    char *type = NULL, *name = NULL;
    if (asprintf(&type, "output:%s", output_name) < 0) return NULL;
    int r = strcmp(output_name, "out") == 0 ? asprintf(&name, "%s", drv_name)
                                            : asprintf(&name, "%s-%s", drv_name, output_name);
    if (r < 0) {
        free(type);
        return NULL;
    }
    char *path = make_path(store_dir, type, drv_hash_modulo, name, check);
    free(type);
    free(name);
    return path;
}

static char *make_fixed(const char *store_dir, bool recursive, const struct hash *h,
                        const char *name, bool check) {
    if (recursive && h->algo == HASH_SHA256)
        return make_with_refs(store_dir, "source", h, NULL, 0, name, check);
    char hex[HASH_MAX_BYTES * 2 + 1];
    hash_to_base16(h->bytes, h->len, hex);
    char *inner = NULL;
    if (asprintf(&inner, "fixed:out:%s%s:%s:", recursive ? "r:" : "", hash_algo_name(h->algo),
                 hex) < 0)
        return NULL;
    struct hash ih = hash_buffer(HASH_SHA256, inner, strlen(inner));
    free(inner);
    return make_path(store_dir, "output:out", &ih, name, check);
}

char *store_make_text_path(const char *store_dir, const struct hash *content_sha256,
                           const char *const *refs, size_t nrefs, const char *name) {
    return make_with_refs(store_dir, "text", content_sha256, refs, nrefs, name, true);
}

char *store_make_source_path(const char *store_dir, const struct hash *nar_sha256,
                             const char *const *refs, size_t nrefs, const char *name) {
    return make_with_refs(store_dir, "source", nar_sha256, refs, nrefs, name, true);
}

char *store_make_output_path(const char *store_dir, const char *output_name,
                             const struct hash *drv_hash_modulo, const char *drv_name) {
    return make_output(store_dir, output_name, drv_hash_modulo, drv_name, true);
}

char *store_make_fixed_output_path(const char *store_dir, bool recursive, const struct hash *h,
                                   const char *name) {
    return make_fixed(store_dir, recursive, h, name, true);
}

char *store_make_text_path_unchecked(const char *store_dir, const struct hash *content_sha256,
                                     const char *const *refs, size_t nrefs, const char *name) {
    return make_with_refs(store_dir, "text", content_sha256, refs, nrefs, name, false);
}

char *store_make_source_path_unchecked(const char *store_dir, const struct hash *nar_sha256,
                                       const char *name) {
    return make_with_refs(store_dir, "source", nar_sha256, NULL, 0, name, false);
}

char *store_make_output_path_unchecked(const char *store_dir, const char *output_name,
                                       const struct hash *drv_hash_modulo, const char *drv_name) {
    return make_output(store_dir, output_name, drv_hash_modulo, drv_name, false);
}

char *store_make_fixed_output_path_unchecked(const char *store_dir, bool recursive,
                                             const struct hash *h, const char *name) {
    return make_fixed(store_dir, recursive, h, name, false);
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
