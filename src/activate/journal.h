/* src/activate/journal.h: the activation journal and the record of directories hearth made.
 *
 * Owns: STATE/journal, written before the first change of an activation and removed after the
 * generation is recorded, so that its presence means "an activation was interrupted". It is
 * a text file of lines `KEY VALUE`: `new GEN`, `use-id N` (a rollback: GEN is to be recorded
 * as the existing generation N), `old GEN` (generations whose links may be in HOME), `mkdir
 * REL` (written before hearth creates directory HOME/REL) and `rmdir REL`.
 * Also owns STATE/home-dirs, the directories in HOME hearth created (one per line), which
 * cleanup may remove again once empty.
 *
 * The journal is written with write(2) on an O_APPEND fd: a killed process loses nothing
 * already written. It is fsync'ed when begun (and not written at all by a no-op activation);
 * per-line syncs would cost more than the activation, and a power cut is repaired the same way (the
 * lines are only hints for cleanup: links are checked on disk before anything is removed). */
#ifndef HEARTH_ACTIVATE_JOURNAL_H
#define HEARTH_ACTIVATE_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

struct journal {
    int fd; /* -1 when there is none (dry runs) */
    char *tmp_path;
};

/* Starts a journal for switching to new_gen: written to PATH.tmp, made visible by commit. */
int journal_begin(struct journal *j, const char *path, const char *new_gen, const char **olds,
                  size_t nold);
/* Appends "key value\n"; 0 when j has no fd. */
int journal_add(struct journal *j, const char *key, const char *value);
int journal_commit(struct journal *j);
/* Removes the journal: the activation is complete. */
int journal_finish(struct journal *j, const char *path);
void journal_close(struct journal *j);

/* What an earlier, unfinished activation left, plus the directories hearth made. */
struct journal_state {
    bool found;
    char *new_gen;
    long use_id; /* > 0: the interrupted activation was a rollback to generation use_id */
    char **old;
    size_t nold;
    char **dirs; /* sorted set */
    size_t ndirs, capdirs;
    bool dirs_changed;
};

/* Reads the journal if there is one (found = false otherwise). */
int journal_read(const char *path, struct journal_state *st);
/* Adds the lines of STATE/home-dirs to st->dirs. */
int journal_dirs_load(struct journal_state *st, const char *path);
int journal_dirs_save(struct journal_state *st, const char *path);
bool journal_dirs_has(const struct journal_state *st, const char *rel);
int journal_dirs_add(struct journal_state *st, const char *rel);
void journal_dirs_del(struct journal_state *st, const char *rel);
void journal_state_free(struct journal_state *st);

#endif
