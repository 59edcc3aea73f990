/* src/services/unitdir.h: one generation's directory of systemd user units.
 *
 * Owns: reading a units directory as Home Manager lays it out (GEN/home-files/.config/systemd/
 * user/): unit files (often symlinks into the store), NAME.d/ drop-ins, and the TARGET.wants/ and
 * TARGET.requires/ directories whose entries say which target pulls in which unit, including
 * instances of templates (default.target.wants/foo@bar.service for foo@.service). */
#ifndef HEARTH_SERVICES_UNITDIR_H
#define HEARTH_SERVICES_UNITDIR_H

#include "services/unitfile.h"

#include <stdbool.h>
#include <stddef.h>

struct unit_entry {
    char *name; /* file name, e.g. "foo.service" or the template "foo@.service" */
    struct unit_file file;
};

struct unit_want {
    char *target; /* "default.target" */
    char *unit;   /* "foo.service" or an instance "foo@bar.service" */
};

struct unit_dir {
    struct unit_entry *units;
    size_t n, cap;
    struct unit_want *wants;
    size_t nwants, capwants;
};

/* Loads path; a missing directory (or path NULL) is an empty generation. Returns -1 with the
 * reason (naming the file) in err. */
int unit_dir_load(const char *path, struct unit_dir *d, char *err, size_t errlen);
void unit_dir_free(struct unit_dir *d);

/* The file that defines name: the unit itself, or its template for an instance. NULL if none. */
const struct unit_file *unit_dir_find(const struct unit_dir *d, const char *name);
bool unit_dir_wants(const struct unit_dir *d, const char *target, const char *unit);

/* "service" for "foo.service"; NULL when name has no known unit type suffix. */
const char *unit_name_type(const char *name);
/* True for "foo@.service" (a template, which cannot run by itself). */
bool unit_name_is_template(const char *name);

#endif
