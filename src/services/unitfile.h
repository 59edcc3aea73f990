/* src/services/unitfile.h: reading systemd unit files and comparing two versions of one.
 *
 * Owns: the unit file syntax (systemd.syntax(7): sections, Key=Value, comments, backslash
 * continuation lines), merging drop-ins (the .conf files in NAME.d/), and deciding how a unit
 * changed between two generations and how it asks to be switched (X-SwitchMethod and the older
 * X-RestartIfChanged / X-ReloadIfChanged / X-StopIfChanged keys).
 *
 * Values are kept as written (after trimming): a unit is compared by its assignments, not by its
 * bytes, so reformatting, comments and the order of sections do not count as a change. */
#ifndef HEARTH_SERVICES_UNITFILE_H
#define HEARTH_SERVICES_UNITFILE_H

#include <stdbool.h>
#include <stddef.h>

struct unit_assignment {
    char *section;
    char *key;
    char *value;
};

struct unit_file {
    struct unit_assignment *a; /* in file order, drop-ins after the main file */
    size_t n, cap;
};

/* Reads the unit file at path, then its drop-ins (the .conf files in path.d/, in name order). On a
 * syntax error returns -1 and writes "FILE:LINE: why" into err; on an I/O error -1 and the reason.
 */
int unit_file_load(const char *path, struct unit_file *uf, char *err, size_t errlen);
/* Parses text as if read from a file called name (for tests and drop-ins). */
int unit_file_parse(const char *name, const char *text, struct unit_file *uf, char *err,
                    size_t errlen);
void unit_file_free(struct unit_file *uf);

/* The last value assigned to section.key, or NULL: later assignments override earlier ones. */
const char *unit_file_get(const struct unit_file *uf, const char *section, const char *key);
/* systemd's boolean spellings; returns dflt when the key is missing or not a boolean. */
bool unit_file_get_bool(const struct unit_file *uf, const char *section, const char *key,
                        bool dflt);

enum unit_change {
    UNIT_UNCHANGED,
    UNIT_RELOAD_TRIGGERS_CHANGED, /* only [Unit] X-Reload-Triggers differs */
    UNIT_CHANGED,                 /* something that the running unit depends on differs */
};

/* How old became new. Keys that do not affect a running unit are ignored: [Unit] Description
 * and Documentation, and the whole [Install] section (it only decides which *.wants/ links
 * exist, which the switch reads from the directories themselves). */
enum unit_change unit_file_compare(const struct unit_file *old, const struct unit_file *new);

enum unit_switch_method {
    SWITCH_STOP_START, /* stop with the old definition, start with the new (the default) */
    SWITCH_RESTART,    /* one restart with the new definition */
    SWITCH_RELOAD,     /* reload the new definition (restart if the unit cannot reload) */
    SWITCH_KEEP_OLD,   /* leave the running unit alone */
};

/* The method a changed unit asks for. [Unit] X-SwitchMethod wins; otherwise the older keys:
 * X-RestartIfChanged=false means keep-old, X-ReloadIfChanged=true reload, X-StopIfChanged=false
 * restart. An unknown X-SwitchMethod value returns -1 (the caller reports it). */
int unit_file_switch_method(const struct unit_file *uf, enum unit_switch_method *out);
const char *unit_switch_method_name(enum unit_switch_method m);

#endif
