/* src/services/strlist.c: see strlist.h. */
#include "services/strlist.h"

#include <stdlib.h>
#include <string.h>

int strlist_add(struct strlist *l, const char *s) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 8;
        char **v = realloc(l->v, cap * sizeof *v);
        if (!v) return -1;
        l->v = v;
        l->cap = cap;
    }
    char *copy = strdup(s);
    if (!copy) return -1;
    l->v[l->n++] = copy;
    return 0;
}

bool strlist_contains(const struct strlist *l, const char *s) {
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0) return true;
    return false;
}

int strlist_add_unique(struct strlist *l, const char *s) {
    return strlist_contains(l, s) ? 0 : strlist_add(l, s);
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void strlist_sort(struct strlist *l) {
    if (l->n > 1) qsort(l->v, l->n, sizeof *l->v, compare_strings);
}

void strlist_free(struct strlist *l) {
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
