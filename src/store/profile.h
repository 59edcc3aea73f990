/* src/store/profile.h: hearth's state directory, its profile of generations and the lock.
 *
 * Owns: where things live (`$XDG_STATE_HOME/hearth/{store,profiles,gcroots,journal,lock}`,
 * NIX_STORE_DIR overriding the store), the profile links Home Manager keeps
 * (`profiles/home-manager-N-link` -> generation, `profiles/home-manager` -> the current
 * `home-manager-N-link`, `gcroots/current-home` -> the current generation), listing, recording
 * and removing generations, the activation lock, and the small file helpers the store and the
 * activation engine share (mkdir -p with 0700, atomic symlink replacement).
 *
 * Every function returns 0 on success and -1 on failure with *err set to a malloc'd message
 * the caller prints and frees. Nothing here prints. */
#ifndef HEARTH_STORE_PROFILE_H
#define HEARTH_STORE_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

struct hearth_paths {
    char *home;         /* $HOME, without a trailing slash */
    char *state_dir;    /* $XDG_STATE_HOME/hearth (default ~/.local/state/hearth) */
    char *store_dir;    /* NIX_STORE_DIR, else STATE/store */
    char *profiles_dir; /* STATE/profiles */
    char *gcroots_dir;  /* STATE/gcroots */
    char *journal_path; /* STATE/journal */
    char *lock_path;    /* STATE/lock */
    char *dirs_path;    /* STATE/home-dirs: directories in HOME that hearth created */
};

/* Fills `p` from the environment (HOME, XDG_STATE_HOME, NIX_STORE_DIR). */
int hearth_paths_init(struct hearth_paths *p, char **err);
void hearth_paths_free(struct hearth_paths *p);
/* Creates the state, store, profiles and gcroots directories (mode 0700) if missing. */
int hearth_paths_create(const struct hearth_paths *p, char **err);

/* mkdir -p; new directories get `mode`. */
int hearth_mkdir_p(const char *path, mode_t mode);

/* One recorded generation: profiles/home-manager-ID-link -> path. */
struct profile_gen {
    long id;
    char *path;   /* the generation's store path */
    time_t mtime; /* when the link was made (lstat), as `home-manager generations` shows */
};

struct profile_gens {
    struct profile_gen *items; /* sorted by id, ascending */
    size_t n;
    long current; /* id `home-manager` points at, 0 when there is none */
};

int profile_list(const struct hearth_paths *p, struct profile_gens *out, char **err);
void profile_gens_free(struct profile_gens *g);
/* The generation with `id`, or NULL. */
const struct profile_gen *profile_find(const struct profile_gens *g, long id);

/* Records `gen_path` as the current generation: reuses the newest link when it already points
 * at gen_path (so a repeated or resumed switch adds no number), else makes link max+1; then
 * points `home-manager` and gcroots/current-home at it. With use_id > 0 (rollback), points at
 * that existing link instead. Each link is replaced atomically. *out_id gets the id and
 * *created whether a new link was made. `mutated` is called after each change (fault
 * injection); it may be NULL. */
int profile_record(const struct hearth_paths *p, const char *gen_path, long use_id, long *out_id,
                   bool *created, void (*mutated)(void *), void *mctx, char **err);

/* Removes profiles/home-manager-ID-link. */
int profile_remove(const struct hearth_paths *p, long id, char **err);

/* Replaces `dirfd/name` by a symlink to `target` atomically (temporary name, then rename). */
int hearth_symlink_replace(int dirfd, const char *name, const char *target);

/* The activation lock (STATE/lock, flock). Returns the fd, or -1 with *err saying who holds
 * it. With `create` false a missing lock file is not created (dry runs change nothing) and
 * the returned fd may be -2, meaning "no lock file, nothing held". */
int hearth_lock(const struct hearth_paths *p, bool create, char **err);
void hearth_unlock(int fd);
/* The lock held shared, by the commands that add a generation's objects to the store (build,
 * build-generation): they run together, but never while gc (which holds it exclusively, as
 * activations do) decides what is garbage. Waits until it can be had. Returns the fd, or -1
 * with *err set. */
int hearth_lock_shared(const struct hearth_paths *p, char **err);

/* Registers the link at `link_path` (absolute; e.g. build's ./result) as an indirect GC root,
 * as Nix does: gcroots/auto/HASH -> link_path. gc keeps what the link points at while it
 * exists, and drops the root once it is gone. */
int hearth_add_indirect_root(const struct hearth_paths *p, const char *link_path, char **err);

#endif
