/* src/store/derivation.h: derivations as Nix stores them.
 *
 * Owns: the derivation record; its `.drv` text in Nix's ATerm form (written byte for byte as
 * Nix writes it) and parsing that form back; the derivation's "hash modulo fixed outputs"
 * (input derivations replaced by their own such hash, fixed-output derivations by a hash of
 * their declared output only, so that changing how a fixed output is fetched does not change
 * its dependents); computing output paths; writing the `.drv` to the store.
 *
 * Every list is kept sorted as Nix keeps it (outputs, input derivations, their output names,
 * sources and environment by byte order; arguments in order). Strings are malloc'd and owned
 * by the record. Errors are returned as malloc'd messages; nothing is printed. */
#ifndef HEARTH_STORE_DERIVATION_H
#define HEARTH_STORE_DERIVATION_H

#include "store/hash.h"
#include "store/store.h"

#include <stdbool.h>
#include <stddef.h>

struct drv_output {
    char *name;
    char *path;      /* "" until computed */
    char *hash_algo; /* "" for input-addressed; "sha256", "r:sha256", ... for fixed outputs */
    char *hash;      /* "" or the fixed output's hash in base-16 */
};

struct drv_input {
    char *drv_path;
    char **outputs; /* the outputs used, sorted, no duplicates */
    size_t noutputs;
};

struct drv_env {
    char *key;
    char *value;
};

struct derivation {
    char *name; /* not part of the ATerm: the store name of the .drv without ".drv" */
    struct drv_output *outputs;
    size_t noutputs;
    struct drv_input *inputs;
    size_t ninputs;
    char **srcs;
    size_t nsrcs;
    char *platform;
    char *builder;
    char **args;
    size_t nargs;
    struct drv_env *env;
    size_t nenv;
};

/* An empty derivation named `name` (platform and builder ""). NULL when out of memory. */
struct derivation *derivation_new(const char *name);
void derivation_free(struct derivation *d);

/* Building one up; each returns 0, or -1 when out of memory. Sets keep their order and
 * ignore duplicates; setting an existing key or output replaces it. */
int derivation_set_platform(struct derivation *d, const char *platform);
int derivation_set_builder(struct derivation *d, const char *builder);
int derivation_add_arg(struct derivation *d, const char *arg);
int derivation_set_env(struct derivation *d, const char *key, const char *value);
const char *derivation_get_env(const struct derivation *d, const char *key);
int derivation_add_output(struct derivation *d, const char *name);
int derivation_set_fixed_output(struct derivation *d, const char *hash_algo, const char *hash);
int derivation_add_input(struct derivation *d, const char *drv_path, const char *output);
int derivation_add_src(struct derivation *d, const char *path);
const struct drv_output *derivation_find_output(const struct derivation *d, const char *name);

/* True when the derivation has exactly one output, "out", with a declared hash. */
bool derivation_is_fixed_output(const struct derivation *d);

/* The ATerm text `Derive(...)`. With `mask_outputs`, output paths are written as "".
 * Malloc'd, NUL-terminated; NULL when out of memory. */
char *derivation_unparse(const struct derivation *d, bool mask_outputs);

/* Parses a `.drv` text. `name` becomes the derivation's name. Returns NULL with *err set
 * (saying where) on malformed input. */
struct derivation *derivation_parse(const char *text, size_t len, const char *name, char **err);

/* Memoised hashes modulo of derivations already in the store, keyed by .drv path. A
 * derivation's hash is recorded when it is written, and read from its .drv otherwise. */
struct drv_hash_cache;
struct drv_hash_cache *drv_hash_cache_new(void);
/* The same with another allocator (`alloc` must return zeroed memory), e.g. the evaluator's
 * garbage-collected heap, for a cache that lives as long as an evaluation. */
struct drv_hash_cache *drv_hash_cache_new_with(void *(*alloc)(size_t), void (*release)(void *));
void drv_hash_cache_free(struct drv_hash_cache *c);
int drv_hash_cache_put(struct drv_hash_cache *c, const char *drv_path, const struct hash *h);

/* The hash modulo fixed outputs of `d` (sha256). Input derivations are looked up in `cache`
 * or read from their .drv files (which must exist then). */
int derivation_hash_modulo(const struct derivation *d, bool mask_outputs,
                           struct drv_hash_cache *cache, struct hash *out, char **err);

/* The hash modulo of the .drv at `drv_path`, through the cache. */
int derivation_hash_of_path(struct drv_hash_cache *cache, const char *drv_path, struct hash *out,
                            char **err);

/* Fills in output paths and the matching environment variables the way `derivationStrict`
 * does: a fixed output's path comes from its hash; otherwise every output's path and
 * variable are blanked, the masked hash modulo is taken, and each output's path made from it.
 * The outputs must have been added (and the fixed hash set) beforehand. */
int derivation_compute_outputs(struct derivation *d, const char *store_dir,
                               struct drv_hash_cache *cache, char **err);

/* The .drv's store path (a text path named NAME.drv referencing the sources and input
 * derivations) and, when `write` is set, writes it to `store`. Records the derivation's hash
 * modulo in `cache`. Returns the malloc'd path or NULL with *err set. */
char *derivation_write(struct derivation *d, struct store *store, bool write,
                       struct drv_hash_cache *cache, char **err);

#endif
