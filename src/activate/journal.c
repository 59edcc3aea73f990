/* src/activate/journal.c: see journal.h. */
#include "activate/journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int write_all(int fd, const char *s, size_t n) {
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int journal_begin(struct journal *j, const char *path, const char *new_gen, const char **olds,
                  size_t nold) {
    j->fd = -1;
    if (asprintf(&j->tmp_path, "%s.tmp", path) < 0) {
        j->tmp_path = NULL;
        return -1;
    }
    j->fd = open(j->tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (j->fd < 0) return -1;
    if (write_all(j->fd, "hearth-journal 1\n", 17) != 0) return -1;
    if (journal_add(j, "new", new_gen) != 0) return -1;
    for (size_t i = 0; i < nold; i++)
        if (journal_add(j, "old", olds[i]) != 0) return -1;
    return 0;
}

int journal_add(struct journal *j, const char *key, const char *value) {
    if (j->fd < 0) return 0;
    size_t kl = strlen(key), vl = strlen(value);
    char stackbuf[512];
    char *buf = kl + vl + 2 <= sizeof stackbuf ? stackbuf : malloc(kl + vl + 2);
    if (!buf) return -1;
    memcpy(buf, key, kl);
    buf[kl] = ' ';
    memcpy(buf + kl + 1, value, vl);
    buf[kl + vl + 1] = '\n';
    /* One write per line: a kill never leaves half a line followed by another. */
    int rc = write_all(j->fd, buf, kl + vl + 2);
    if (buf != stackbuf) free(buf);
    return rc;
}

int journal_commit(struct journal *j) {
    if (j->fd < 0) return 0;
    if (fsync(j->fd) != 0) return -1;
    size_t n = strlen(j->tmp_path);
    char *path = strndup(j->tmp_path, n - 4);
    if (!path) return -1;
    int rc = rename(j->tmp_path, path);
    free(path);
    return rc;
}

int journal_finish(struct journal *j, const char *path) {
    if (j->fd < 0) return 0;
    if (unlink(path) != 0 && errno != ENOENT) return -1;
    journal_close(j);
    return 0;
}

void journal_close(struct journal *j) {
    if (j->fd >= 0) close(j->fd);
    j->fd = -1;
    free(j->tmp_path);
    j->tmp_path = NULL;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static long dirs_find(const struct journal_state *st, const char *rel, bool *found) {
    size_t lo = 0, hi = st->ndirs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(st->dirs[mid], rel);
        if (c == 0) {
            *found = true;
            return (long)mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return (long)lo;
}

bool journal_dirs_has(const struct journal_state *st, const char *rel) {
    bool found;
    dirs_find(st, rel, &found);
    return found;
}

int journal_dirs_add(struct journal_state *st, const char *rel) {
    bool found;
    long at = dirs_find(st, rel, &found);
    if (found) return 0;
    if (st->ndirs == st->capdirs) {
        st->capdirs = st->capdirs ? st->capdirs * 2 : 32;
        char **nd = realloc(st->dirs, st->capdirs * sizeof *nd);
        if (!nd) return -1;
        st->dirs = nd;
    }
    char *copy = strdup(rel);
    if (!copy) return -1;
    memmove(st->dirs + at + 1, st->dirs + at, (st->ndirs - (size_t)at) * sizeof *st->dirs);
    st->dirs[at] = copy;
    st->ndirs++;
    st->dirs_changed = true;
    return 0;
}

void journal_dirs_del(struct journal_state *st, const char *rel) {
    bool found;
    long at = dirs_find(st, rel, &found);
    if (!found) return;
    free(st->dirs[at]);
    memmove(st->dirs + at, st->dirs + at + 1, (st->ndirs - (size_t)at - 1) * sizeof *st->dirs);
    st->ndirs--;
    st->dirs_changed = true;
}

int journal_read(const char *path, struct journal_state *st) {
    memset(st, 0, sizeof *st);
    FILE *f = fopen(path, "re");
    if (!f) return errno == ENOENT ? 0 : -1;
    st->found = true;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] != '\n') break; /* a torn last line is ignored */
        line[n - 1] = 0;
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = 0;
        const char *v = sp + 1;
        if (!strcmp(line, "new")) {
            free(st->new_gen);
            st->new_gen = strdup(v);
        } else if (!strcmp(line, "use-id")) {
            st->use_id = strtol(v, NULL, 10);
        } else if (!strcmp(line, "old")) {
            char **no = realloc(st->old, (st->nold + 1) * sizeof *no);
            if (!no) break;
            st->old = no;
            st->old[st->nold++] = strdup(v);
        } else if (!strcmp(line, "mkdir"))
            journal_dirs_add(st, v);
        else if (!strcmp(line, "rmdir"))
            journal_dirs_del(st, v);
    }
    free(line);
    fclose(f);
    return 0;
}

int journal_dirs_load(struct journal_state *st, const char *path) {
    FILE *f = fopen(path, "re");
    if (!f) return errno == ENOENT ? 0 : -1;
    bool changed = st->dirs_changed;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] == '\n') line[--n] = 0;
        if (n) journal_dirs_add(st, line);
    }
    free(line);
    fclose(f);
    st->dirs_changed = changed;
    return 0;
}

int journal_dirs_save(struct journal_state *st, const char *path) {
    if (!st->dirs_changed) return 0;
    char *tmp = NULL;
    if (asprintf(&tmp, "%s.tmp", path) < 0) return -1;
    FILE *f = fopen(tmp, "we");
    if (!f) {
        free(tmp);
        return -1;
    }
    /* Sorted by strcmp already. */
    if (st->ndirs) qsort(st->dirs, st->ndirs, sizeof *st->dirs, cmp_str);
    for (size_t i = 0; i < st->ndirs; i++)
        fprintf(f, "%s\n", st->dirs[i]);
    int rc = fclose(f) == 0 ? rename(tmp, path) : -1;
    free(tmp);
    if (rc == 0) st->dirs_changed = false;
    return rc;
}

void journal_state_free(struct journal_state *st) {
    free(st->new_gen);
    for (size_t i = 0; i < st->nold; i++)
        free(st->old[i]);
    free(st->old);
    for (size_t i = 0; i < st->ndirs; i++)
        free(st->dirs[i]);
    free(st->dirs);
    memset(st, 0, sizeof *st);
}
