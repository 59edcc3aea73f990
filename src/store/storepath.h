/* src/store/storepath.h: computing store paths as Nix does.
 *
 * Owns: the fingerprint `TYPE:sha256:HEX:STOREDIR:NAME` and the path made from it, the text
 * (`toFile`), source (added paths), output and fixed-output variants, and store path names.
 * Results are malloc'd strings the caller frees; NULL means out of memory or a bad name. */
#ifndef HEARTH_STORE_STOREPATH_H
#define HEARTH_STORE_STOREPATH_H

#include "store/hash.h"

#include <stdbool.h>
#include <stddef.h>

/* Bytes of the hash part of a store path, and its length in base-32. */
#define STORE_PATH_HASH_BYTES 20
#define STORE_PATH_HASH_CHARS 32

/* Nix accepts names of 1 to 211 characters from [A-Za-z0-9+-._?=], except ".", ".." and
 * names starting with ".-" or "..-" (current Nix; 2.19 briefly refused every leading '.',
 * 2.8 and 2.20+ accept them, which dotfiles need). `why` says what is wrong. */
bool store_path_name_valid(const char *name, const char **why);

/* For a computed path STOREDIR/HASH-NAME whose name is not valid, Nix's message, e.g.
 * "store path 'HASH-a b' contains illegal character ' '" (malloc'd); NULL when valid. */
char *store_path_name_error(const char *store_dir, const char *store_path);

/* STOREDIR/HASH-NAME where HASH = base32(compress20(sha256("TYPE:sha256:HEX:STOREDIR:NAME"))). */
char *store_make_path(const char *store_dir, const char *type, const struct hash *inner,
                      const char *name);

/* A path for a text file (`builtins.toFile`, `.drv` files): type "text" followed by
 * ":REF" for each of the `nrefs` references (sorted by the caller). */
char *store_make_text_path(const char *store_dir, const struct hash *content_sha256,
                           const char *const *refs, size_t nrefs, const char *name);

/* A path for a source added by NAR hash (`"${./file}"`, `builtins.path`): type "source" with
 * the references as above. */
char *store_make_source_path(const char *store_dir, const struct hash *nar_sha256,
                             const char *const *refs, size_t nrefs, const char *name);

/* An output path of an input-addressed derivation: type "output:OUTPUT", the hash being
 * the derivation's hash modulo fixed outputs. Name is NAME or NAME-OUTPUT for non-"out". */
char *store_make_output_path(const char *store_dir, const char *output_name,
                             const struct hash *drv_hash_modulo, const char *drv_name);

/* The output path of a fixed-output derivation with output hash `h`; `recursive` is
 * outputHashMode = "recursive" (NAR hashing). */
char *store_make_fixed_output_path(const char *store_dir, bool recursive, const struct hash *h,
                                   const char *name);

/* The same without checking the name, to report a bad name the way Nix does (the message
 * names the whole HASH-NAME): pass the result to store_path_name_error. */
char *store_make_path_unchecked(const char *store_dir, const char *type, const struct hash *inner,
                                const char *name);
char *store_make_text_path_unchecked(const char *store_dir, const struct hash *content_sha256,
                                     const char *const *refs, size_t nrefs, const char *name);
char *store_make_source_path_unchecked(const char *store_dir, const struct hash *nar_sha256,
                                       const char *name);
char *store_make_output_path_unchecked(const char *store_dir, const char *output_name,
                                       const struct hash *drv_hash_modulo, const char *drv_name);
char *store_make_fixed_output_path_unchecked(const char *store_dir, bool recursive,
                                             const struct hash *h, const char *name);

/* True when `path` is directly inside store_dir (STOREDIR/HASH-NAME, no further slash). */
bool store_path_is_store_path(const char *store_dir, const char *path);

#endif
