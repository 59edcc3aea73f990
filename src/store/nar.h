/* src/store/nar.h: Nix Archive (NAR) serialisation of files, directories and symlinks.
 *
 * Owns: writing the NAR form of a path on disk into a byte sink (usually a hash), with an
 * optional filter that prunes entries (`builtins.filterSource`, `builtins.path { filter }`).
 * A NAR records only what Nix keeps: the tree shape, entry names in byte order, file contents,
 * whether a file is executable (owner x bit) and symlink targets; never times or owners.
 * Errors are returned as a malloc'd message naming the path; nothing is printed. */
#ifndef HEARTH_STORE_NAR_H
#define HEARTH_STORE_NAR_H

#include "store/hash.h"

#include <stdbool.h>
#include <stddef.h>

/* The kind of a file-system object, named as in NAR and in `builtins.readDir`. */
enum nar_type { NAR_REGULAR, NAR_DIRECTORY, NAR_SYMLINK, NAR_UNKNOWN };
const char *nar_type_name(enum nar_type t);

/* Called for each entry below the root (never for the root itself, as Nix does) with its
 * full path. Returns 1 to keep the entry, 0 to drop it, -1 to abort with *err set (malloc'd). */
typedef int (*nar_filter_fn)(void *ud, const char *path, enum nar_type type, char **err);

/* Receives the NAR bytes in order. */
typedef void (*nar_sink_fn)(void *ud, const void *data, size_t len);

/* Serialises `path` (not following a symlink at `path` itself) into `sink`.
 * Returns 0, or -1 with *err set (malloc'd) on I/O errors, unsupported file types
 * (sockets, devices) or a filter failure. */
int nar_dump(const char *path, nar_filter_fn filter, void *filter_ud, nar_sink_fn sink,
             void *sink_ud, char **err);

/* The NAR's hash with `algo`; also returns the NAR's size in *nar_size when not NULL. */
int nar_hash_path(const char *path, enum hash_algo algo, nar_filter_fn filter, void *filter_ud,
                  struct hash *out, unsigned long long *nar_size, char **err);

/* The plain hash of a regular file's contents (for flat fixed-output and `hashFile`); errors
 * read "opening file 'PATH': REASON" as in Nix. */
int hash_file(const char *path, enum hash_algo algo, struct hash *out, char **err);

#endif
