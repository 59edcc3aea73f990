/* src/services/strlist.h: a growable list of owned strings, the one container this module uses.
 *
 * Owns: struct strlist and its helpers. Every string in a list is malloc'd and freed with it. */
#ifndef HEARTH_SERVICES_STRLIST_H
#define HEARTH_SERVICES_STRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct strlist {
    char **v;
    size_t n, cap;
};

/* Appends a copy of s; returns 0, or -1 when out of memory. */
int strlist_add(struct strlist *l, const char *s);
/* Appends s unless an equal string is already there. */
int strlist_add_unique(struct strlist *l, const char *s);
bool strlist_contains(const struct strlist *l, const char *s);
void strlist_sort(struct strlist *l);
void strlist_free(struct strlist *l);

#endif
