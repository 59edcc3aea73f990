/* src/activate/activate.c: see activate.h.
 *
 * HOME is only ever touched through directory fds opened with O_NOFOLLOW, walking down from
 * HOME one component at a time (struct walker keeps the chain of open directories so that
 * links sorted in path order reuse it). A component that is a symlink is followed only when it
 * leads to a directory inside HOME (checked on the opened fd); a symlink into the store is
 * ours and is replaced, never entered.
 *
 * The check pass classifies every link of the new generation (struct plan) without changing
 * anything; the link pass carries out that plan. Both run under the lock, so the plan is
 * still true when it is carried out. Before the first change the journal records the
 * generations involved; an interrupted run leaves it behind and the next run cleans up the
 * links of all of them. */
#include "activate/activate.h"

#include "activate/hooks.h"
#include "activate/journal.h"
#include "store/generation.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DEPTH 128

enum kind {
    K_NOOP,       /* already the right link */
    K_CREATE,     /* missing: made in place (a new name needs no rename to be atomic) */
    K_LINK,       /* one of our links to replace */
    K_FORCE,      /* `force`: a file in the way is replaced */
    K_BACKUP,     /* moved to NAME.EXT, then linked */
    K_CLEAR_DIR,  /* a directory holding only our links: emptied, then linked */
    K_SKIP_SAME,  /* a file with the same content is in the way: left as it is */
    K_BLOCKED,    /* a collision (the check fails) */
    K_PARENT_ERR, /* a parent cannot be made a directory (reported once) */
};

struct walker {
    char path[PATH_MAX]; /* relative path of the deepest open directory ("" = HOME) */
    size_t depth;
    int fds[MAX_DEPTH];     /* fds[0] is HOME */
    size_t ends[MAX_DEPTH]; /* strlen of the path of fds[i] */
};

struct act {
    const struct activate_options *o;
    const struct hearth_paths *p;
    const char *store_dir;
    size_t sdlen;
    char *home_real;
    size_t home_real_len;
    struct walker w;
    struct gen_manifest newm;
    struct gen_manifest *olds; /* generations whose links may be in HOME */
    size_t nolds;
    const char *old_gen; /* the profile's current generation, or NULL */
    long old_num, new_num;
    unsigned char *plan;  /* enum kind per new link */
    bool *parent_missing; /* dry runs: the link's directory is to be made */
    bool *changed;        /* per new file: onChange should run */
    struct journal j;
    struct journal_state resumed;
    bool resuming;
    bool noop; /* the current generation again, every link already right: no journal */
    long mutations;
    char *errs; /* collision messages, one per line */
    size_t errs_len;
};

/* ---- small helpers ---- */

static int fail(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(char **err, const char *fmt, ...) {
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        if (vasprintf(err, fmt, ap) < 0) *err = NULL;
        va_end(ap);
    }
    return -1;
}

static void say(struct act *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct act *a, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vfprintf(a->o->out, fmt, ap);
    va_end(ap);
    fputc('\n', a->o->out);
}

static void warn(struct act *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(struct act *a, const char *fmt, ...) {
    fflush(a->o->out);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(a->o->log, fmt, ap);
    va_end(ap);
    fputc('\n', a->o->log);
    fflush(a->o->log);
}

static void add_collision(struct act *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void add_collision(struct act *a, const char *fmt, ...) {
    char *line = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&line, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    char *ne = realloc(a->errs, a->errs_len + (size_t)n + 2);
    if (ne) {
        a->errs = ne;
        memcpy(a->errs + a->errs_len, line, (size_t)n);
        a->errs_len += (size_t)n;
        a->errs[a->errs_len++] = '\n';
        a->errs[a->errs_len] = 0;
    }
    free(line);
}

/* Called after every syscall that changes HOME or hearth's state. */
static void mutated(struct act *a) {
    a->mutations++;
    if (a->o->fault_after > 0 && a->mutations >= a->o->fault_after) raise(SIGKILL);
}

static void mutated_cb(void *ctx) {
    mutated(ctx);
}

static bool owned_target(const struct act *a, const char *link_text) {
    return strncmp(link_text, a->store_dir, a->sdlen) == 0 && link_text[a->sdlen] == '/';
}

static const char *base_of(const char *rel) {
    const char *s = strrchr(rel, '/');
    return s ? s + 1 : rel;
}

/* ---- the walker ---- */

static void walker_init(struct walker *w, int home_fd) {
    w->path[0] = 0;
    w->depth = 0;
    w->fds[0] = home_fd;
    w->ends[0] = 0;
}

static void walker_pop_to(struct walker *w, size_t depth) {
    while (w->depth > depth) {
        close(w->fds[w->depth]);
        w->depth--;
    }
    w->path[w->ends[w->depth]] = 0;
}

/* Drops every open directory (after a directory was removed or renamed). */
static void walker_reset(struct walker *w) {
    walker_pop_to(w, 0);
}

enum walk_status { WS_OK, WS_MISSING, WS_BLOCKED, WS_ERROR };

struct blocker {
    char rel[PATH_MAX]; /* the component in the way, relative to HOME */
    bool owned_link;    /* a symlink into the store (ours: replaced by a directory) */
    bool user_link;     /* a symlink of the user's that leads out of HOME (or not to a dir) */
};

/* Is the open directory fd inside HOME? (After following a user's symlink.) */
static bool fd_inside_home(struct act *a, int fd) {
    char proc[64], real[PATH_MAX];
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(proc, real, sizeof real - 1);
    if (n < 0) return false;
    real[n] = 0;
    return strncmp(real, a->home_real, a->home_real_len) == 0 &&
           (real[a->home_real_len] == '/' || real[a->home_real_len] == 0);
}

/* Intent first: a directory in the journal may not exist yet, but one that exists and was
 * made by us is always in it. */
static int journal_mkdir(struct act *a, const char *rel) {
    if (journal_add(&a->j, "mkdir", rel) != 0) return -1;
    mutated(a);
    return journal_dirs_add(&a->resumed, rel);
}

/* renameat2 with flags. Some filesystems (and kernels before 3.15) cannot do the flags and
 * say EINVAL (or ENOSYS); *unsupported tells the caller to fall back to checking just before
 * a plain renameat, which narrows the race to a moment rather than closing it. */
static int rename_flags(int dirfd, const char *from, const char *to, unsigned flags,
                        bool *unsupported) {
    int rc = renameat2(dirfd, from, dirfd, to, flags);
    *unsupported = rc != 0 && (errno == EINVAL || errno == ENOSYS);
    return rc;
}

/* Moves dirfd/name to name.EXT for -b, never over an existing NAME.EXT unless overwriting was
 * asked for (RENAME_NOREPLACE: one may have appeared since the check). */
static int backup_entry(struct act *a, int dirfd, const char *name, const char *rel, char **err) {
    char bname[NAME_MAX + 1];
    int n = snprintf(bname, sizeof bname, "%s.%s", name, a->o->backup_ext);
    if (n < 0 || (size_t)n >= sizeof bname)
        return fail(err, "cannot back up '%s/%s': name too long", a->p->home, rel);
    if (a->o->verbose)
        say(a, "renamed '%s/%s' -> '%s/%s.%s'", a->p->home, rel, a->p->home, rel, a->o->backup_ext);
    bool unsupported = false;
    int rc = a->o->backup_overwrite
                 ? renameat(dirfd, name, dirfd, bname)
                 : rename_flags(dirfd, name, bname, RENAME_NOREPLACE, &unsupported);
    if (rc != 0 && unsupported) {
        struct stat st;
        if (fstatat(dirfd, bname, &st, AT_SYMLINK_NOFOLLOW) == 0)
            errno = EEXIST;
        else
            rc = renameat(dirfd, name, dirfd, bname);
    }
    if (rc != 0 && errno == EEXIST)
        return fail(err, "Existing file '%s/%s.%s' would be clobbered by backing up '%s/%s'",
                    a->p->home, rel, a->o->backup_ext, a->p->home, rel);
    if (rc != 0) return fail(err, "Moving '%s/%s' failed: %s", a->p->home, rel, strerror(errno));
    mutated(a);
    return 0;
}

/* Opens the directory that holds `rel`. With `create`, missing directories are made (and
 * journalled as ours), our links in the way are replaced by directories and, with -b, other
 * files in the way are backed up. Without it nothing changes and a missing or replaceable
 * directory gives WS_MISSING; something else in the way gives WS_BLOCKED with *b filled. */
static enum walk_status walk_parent(struct act *a, const char *rel, bool create, int *out_fd,
                                    struct blocker *b, char **err) {
    struct walker *w = &a->w;
    const char *slash = strrchr(rel, '/');
    size_t plen = slash ? (size_t)(slash - rel) : 0;
    /* Keep the open directories that are a prefix of rel's parent. */
    size_t keep = 0;
    for (size_t i = 1; i <= w->depth; i++) {
        size_t e = w->ends[i];
        if (e <= plen && strncmp(w->path, rel, e) == 0 && (rel[e] == '/' || e == plen))
            keep = i;
        else
            break;
    }
    walker_pop_to(w, keep);
    while (w->ends[w->depth] < plen) {
        if (w->depth + 1 >= MAX_DEPTH) {
            fail(err, "'%s/%s': too deep", a->p->home, rel);
            return WS_ERROR;
        }
        size_t start = w->ends[w->depth] + (w->depth ? 1 : 0);
        const char *comp = rel + start;
        size_t clen = strcspn(comp, "/");
        char name[NAME_MAX + 1];
        if (clen > NAME_MAX) {
            fail(err, "'%s/%s': name too long", a->p->home, rel);
            return WS_ERROR;
        }
        memcpy(name, comp, clen);
        name[clen] = 0;
        char sub[PATH_MAX];
        memcpy(sub, rel, start + clen);
        sub[start + clen] = 0;
        int pfd = w->fds[w->depth];
        int fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0 && errno == ENOENT) {
            if (!create) {
                snprintf(b->rel, sizeof b->rel, "%s", sub);
                b->owned_link = false;
                return WS_MISSING;
            }
            if (journal_mkdir(a, sub) != 0) {
                fail(err, "cannot write the journal: %s", strerror(errno));
                return WS_ERROR;
            }
            if (mkdirat(pfd, name, 0755) != 0 && errno != EEXIST) {
                fail(err, "cannot create directory '%s/%s': %s", a->p->home, sub, strerror(errno));
                return WS_ERROR;
            }
            mutated(a);
            if (a->o->verbose) say(a, "mkdir: created directory '%s/%s'", a->p->home, sub);
            fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        } else if (fd < 0 && (errno == ELOOP || errno == ENOTDIR)) {
            char buf[PATH_MAX];
            ssize_t n = readlinkat(pfd, name, buf, sizeof buf - 1);
            bool is_link = n >= 0;
            if (is_link) buf[n] = 0;
            if (is_link && owned_target(a, buf)) {
                /* One of our old links where a directory is needed now. */
                if (!create) {
                    snprintf(b->rel, sizeof b->rel, "%s", sub);
                    b->owned_link = true;
                    return WS_MISSING;
                }
                if (unlinkat(pfd, name, 0) != 0) {
                    fail(err, "cannot remove '%s/%s': %s", a->p->home, sub, strerror(errno));
                    return WS_ERROR;
                }
                mutated(a);
            } else {
                if (is_link) {
                    /* A user's link: followed only to a directory inside HOME. */
                    fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
                    if (fd >= 0 && fd_inside_home(a, fd)) goto push;
                    if (fd >= 0) close(fd);
                    fd = -1;
                }
                if (!create || !a->o->backup_ext) {
                    snprintf(b->rel, sizeof b->rel, "%s", sub);
                    b->owned_link = false;
                    b->user_link = is_link;
                    if (create) fail(err, "Existing file '%s/%s' is in the way", a->p->home, sub);
                    return create ? WS_ERROR : WS_BLOCKED;
                }
                if (backup_entry(a, pfd, name, sub, err) != 0) return WS_ERROR;
            }
            if (journal_mkdir(a, sub) != 0) {
                fail(err, "cannot write the journal: %s", strerror(errno));
                return WS_ERROR;
            }
            if (mkdirat(pfd, name, 0755) != 0) {
                fail(err, "cannot create directory '%s/%s': %s", a->p->home, sub, strerror(errno));
                return WS_ERROR;
            }
            mutated(a);
            fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (fd < 0) {
            fail(err, "cannot open directory '%s/%s': %s", a->p->home, sub, strerror(errno));
            return WS_ERROR;
        }
    push:
        w->depth++;
        w->fds[w->depth] = fd;
        memcpy(w->path, sub, start + clen + 1);
        w->ends[w->depth] = start + clen;
    }
    *out_fd = w->fds[w->depth];
    return WS_OK;
}

/* True when the directory, and every directory under it, is one hearth made (STATE/home-dirs)
 * and holds nothing but links into the store: what an older generation linked there, safe to
 * remove. An empty directory of the user's is theirs like any file. */
static bool only_owned(struct act *a, int parent, const char *name, const char *rel, int depth) {
    if (depth > 64 || !journal_dirs_has(&a->resumed, rel)) return false;
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char buf[PATH_MAX];
        ssize_t n = readlinkat(dirfd(d), e->d_name, buf, sizeof buf - 1);
        if (n >= 0) {
            buf[n] = 0;
            ok = owned_target(a, buf);
        } else if (errno == EINVAL) {
            struct stat st;
            char sub[PATH_MAX];
            ok = snprintf(sub, sizeof sub, "%s/%s", rel, e->d_name) < (int)sizeof sub &&
                 fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                 S_ISDIR(st.st_mode) && only_owned(a, dirfd(d), e->d_name, sub, depth + 1);
        } else
            ok = false;
    }
    closedir(d);
    return ok;
}

/* Removes our links in the directory and the directories left empty (forgetting them as
 * directories hearth made). */
static int clear_owned(struct act *a, int parent, const char *name, const char *rel, int depth) {
    if (depth > 64) return -1;
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char buf[PATH_MAX];
        ssize_t n = readlinkat(dirfd(d), e->d_name, buf, sizeof buf - 1);
        if (n >= 0) {
            buf[n] = 0;
            if (!owned_target(a, buf))
                rc = -1;
            else if (unlinkat(dirfd(d), e->d_name, 0) != 0)
                rc = -1;
            else
                mutated(a);
        } else {
            char sub[PATH_MAX];
            if (snprintf(sub, sizeof sub, "%s/%s", rel, e->d_name) >= (int)sizeof sub)
                rc = -1;
            else
                rc = clear_owned(a, dirfd(d), e->d_name, sub, depth + 1);
        }
    }
    closedir(d);
    if (rc == 0) {
        if (unlinkat(parent, name, AT_REMOVEDIR) != 0) return -1;
        mutated(a);
        if (journal_add(&a->j, "rmdir", rel) == 0) mutated(a);
        journal_dirs_del(&a->resumed, rel);
    }
    return rc;
}

static bool same_content(int dirfd, const char *name, const char *source) {
    int x = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (x < 0) return false;
    int y = open(source, O_RDONLY | O_CLOEXEC);
    struct stat sx, sy;
    bool same = y >= 0 && fstat(x, &sx) == 0 && fstat(y, &sy) == 0 && S_ISREG(sx.st_mode) &&
                S_ISREG(sy.st_mode) && sx.st_size == sy.st_size;
    char bx[65536], by[65536];
    while (same) {
        ssize_t nx = read(x, bx, sizeof bx), ny = read(y, by, sizeof by);
        if (nx != ny || nx < 0)
            same = false;
        else if (nx == 0)
            break;
        else if (memcmp(bx, by, (size_t)nx) != 0)
            same = false;
    }
    close(x);
    if (y >= 0) close(y);
    return same;
}

/* ---- checkLinkTargets ---- */

static void in_the_way(struct act *a, const char *rel, const struct gen_link *l, int dirfd,
                       const char *name, bool is_dir, bool allow_same, enum kind *k) {
    const char *home = a->p->home;
    char *src_in_gen = NULL;
    if (asprintf(&src_in_gen, "%s/home-files/%s", a->newm.path, l->target) < 0) return;
    if (allow_same && !is_dir && same_content(dirfd, name, l->source)) {
        warn(a,
             "Existing file '%s/%s' is in the way of '%s', will be skipped since they are the same",
             home, rel, src_in_gen);
        *k = K_SKIP_SAME;
    } else if (a->o->backup_ext) {
        char bname[NAME_MAX + 1];
        struct stat st;
        snprintf(bname, sizeof bname, "%s.%s", name, a->o->backup_ext);
        bool exists = fstatat(dirfd, bname, &st, AT_SYMLINK_NOFOLLOW) == 0;
        if (exists && !a->o->backup_overwrite) {
            add_collision(a, "Existing file '%s/%s.%s' would be clobbered by backing up '%s/%s'",
                          home, rel, a->o->backup_ext, home, rel);
            *k = K_BLOCKED;
        } else {
            if (exists)
                warn(a,
                     "Existing file '%s/%s' is in the way of '%s' and '%s/%s.%s' exists. Backup "
                     "will be clobbered due to HOME_MANAGER_BACKUP_OVERWRITE=1",
                     home, rel, src_in_gen, home, rel, a->o->backup_ext);
            else
                warn(a, "Existing file '%s/%s' is in the way of '%s', will be moved to '%s/%s.%s'",
                     home, rel, src_in_gen, home, rel, a->o->backup_ext);
            *k = K_BACKUP;
        }
    } else {
        add_collision(a, "Existing file '%s/%s' is in the way of '%s'", home, rel, src_in_gen);
        *k = K_BLOCKED;
    }
    free(src_in_gen);
}

static int check_links(struct act *a, char **err) {
    char last_blocked[PATH_MAX] = "", missing[PATH_MAX] = "";
    size_t missing_len = 0;
    char buf[PATH_MAX];
    for (size_t i = 0; i < a->newm.nlinks; i++) {
        const struct gen_link *l = &a->newm.links[i];
        struct blocker b = {.rel = ""};
        int pfd = -1;
        /* Links are in path order: those under a directory found missing follow it, and
         * need not look for it again (a first switch would otherwise probe it per link). */
        if (missing_len && strncmp(l->target, missing, missing_len) == 0 &&
            l->target[missing_len] == '/') {
            a->plan[i] = K_CREATE;
            if (a->o->dry_run) a->parent_missing[i] = true;
            continue;
        }
        enum walk_status ws = walk_parent(a, l->target, false, &pfd, &b, err);
        if (ws == WS_MISSING && b.rel[0]) {
            snprintf(missing, sizeof missing, "%s", b.rel);
            missing_len = strlen(missing);
        }
        if (ws == WS_ERROR) return -1;
        enum kind k = K_LINK;
        if (ws == WS_MISSING) {
            k = K_CREATE;
            if (a->o->dry_run) a->parent_missing[i] = true;
        } else if (ws == WS_BLOCKED) {
            /* A file (or a link out of HOME) where a directory must go. */
            k = K_PARENT_ERR;
            if (strcmp(last_blocked, b.rel) != 0) {
                snprintf(last_blocked, sizeof last_blocked, "%s", b.rel);
                int dfd = -1;
                struct blocker b2;
                if (walk_parent(a, b.rel, false, &dfd, &b2, err) == WS_OK) {
                    enum kind pk = K_BLOCKED;
                    in_the_way(a, b.rel, l, dfd, base_of(b.rel), false, false, &pk);
                    if (pk == K_BACKUP) k = K_LINK;
                } else
                    add_collision(a, "Existing file '%s/%s' is in the way of '%s/home-files/%s'",
                                  a->p->home, b.rel, a->newm.path, l->target);
            } else if (a->o->backup_ext && !a->errs)
                k = K_LINK;
        } else {
            const char *name = base_of(l->target);
            ssize_t n = readlinkat(pfd, name, buf, sizeof buf - 1);
            if (n >= 0) {
                buf[n] = 0;
                if (strcmp(buf, l->source) == 0)
                    k = K_NOOP;
                else if (owned_target(a, buf))
                    k = K_LINK;
                else if (l->force)
                    k = K_FORCE;
                else
                    in_the_way(a, l->target, l, pfd, name, false, false, &k);
            } else if (errno == ENOENT) {
                k = K_CREATE;
            } else if (errno == EINVAL) {
                struct stat st;
                if (fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                    return fail(err, "cannot inspect '%s/%s': %s", a->p->home, l->target,
                                strerror(errno));
                if (S_ISDIR(st.st_mode)) {
                    if (only_owned(a, pfd, name, l->target, 0))
                        k = K_CLEAR_DIR;
                    else
                        in_the_way(a, l->target, l, pfd, name, true, false, &k);
                } else if (l->force) {
                    k = K_FORCE;
                } else
                    in_the_way(a, l->target, l, pfd, name, false, S_ISREG(st.st_mode), &k);
            } else
                return fail(err, "cannot inspect '%s/%s': %s", a->p->home, l->target,
                            strerror(errno));
        }
        a->plan[i] = (unsigned char)k;
        if (a->o->verbose && (k == K_FORCE))
            say(a, "Skipping collision check for %s/%s", a->p->home, l->target);
    }
    return 0;
}

/* ---- linkGeneration ---- */

/* The temporary name next to NAME that a link goes through: ".NAME.hearth-tmp". A kill may
 * leave one, which the next run recognises by this name. */
static void tmp_name_of(char tmp[NAME_MAX + 1], const char *name) {
    snprintf(tmp, NAME_MAX + 1, ".%.200s.hearth-tmp", name);
}

static int link_one(struct act *a, const struct gen_link *l, enum kind k, char **err) {
    int pfd = -1;
    struct blocker b;
    if (walk_parent(a, l->target, true, &pfd, &b, err) != WS_OK) return -1;
    const char *name = base_of(l->target);
    if (k == K_BACKUP) {
        if (backup_entry(a, pfd, name, l->target, err) != 0) return -1;
    } else if (k == K_CLEAR_DIR) {
        if (clear_owned(a, pfd, name, l->target, 0) != 0)
            return fail(err, "cannot empty '%s/%s' of old links: %s", a->p->home, l->target,
                        strerror(errno));
    }
    if (k == K_CREATE || k == K_BACKUP || k == K_CLEAR_DIR) {
        /* The name is free: symlinkat is atomic by itself and never replaces anything. */
        if (symlinkat(l->source, pfd, name) != 0)
            return fail(err, "cannot link '%s/%s': %s%s", a->p->home, l->target, strerror(errno),
                        errno == EEXIST ? " (it appeared during the activation)" : "");
        mutated(a);
        if (a->o->verbose) say(a, "'%s/%s' -> '%s'", a->p->home, l->target, l->source);
        return 0;
    }
    /* The new link is made under a temporary name next to the target, then swapped in. */
    char tmp[NAME_MAX + 1];
    tmp_name_of(tmp, name);
    if (symlinkat(l->source, pfd, tmp) != 0) {
        /* A leftover of ours from a kill is replaced; anything else by that name is not. */
        char buf[PATH_MAX];
        ssize_t k = errno == EEXIST ? readlinkat(pfd, tmp, buf, sizeof buf - 1) : -1;
        if (k < 0 || (buf[k] = 0, !owned_target(a, buf)) || unlinkat(pfd, tmp, 0) != 0 ||
            symlinkat(l->source, pfd, tmp) != 0)
            return fail(err, "cannot link '%s/%s' (through '%s'): %s", a->p->home, l->target, tmp,
                        strerror(errno ? errno : EEXIST));
    }
    mutated(a);
    if (k == K_FORCE) {
        /* `force`: whatever is there is replaced, as asked. */
        if (renameat(pfd, tmp, pfd, name) != 0) {
            int e = errno;
            unlinkat(pfd, tmp, 0);
            return fail(err, "cannot link '%s/%s': %s", a->p->home, l->target, strerror(e));
        }
        mutated(a);
        if (a->o->verbose) say(a, "'%s/%s' -> '%s'", a->p->home, l->target, l->source);
        return 0;
    }
    /* K_LINK: the check saw one of our links here, but that was some time ago (snippets may
     * have run since). Exchange the new link into place and look at what came out: only one
     * of our links may be dropped; anything else is put back. */
    bool unsupported = false;
    char buf[PATH_MAX];
    if (rename_flags(pfd, tmp, name, RENAME_EXCHANGE, &unsupported) == 0) {
        mutated(a);
        ssize_t n = readlinkat(pfd, tmp, buf, sizeof buf - 1);
        if (n >= 0 && (buf[n] = 0, owned_target(a, buf))) {
            if (unlinkat(pfd, tmp, 0) != 0)
                return fail(err, "cannot remove '%s/%s': %s", a->p->home, tmp, strerror(errno));
            mutated(a);
            if (a->o->verbose) say(a, "'%s/%s' -> '%s'", a->p->home, l->target, l->source);
            return 0;
        }
        if (rename_flags(pfd, tmp, name, RENAME_EXCHANGE, &unsupported) != 0)
            return fail(err,
                        "Existing file '%s/%s' appeared during the activation; it is now "
                        "'%s/%s': %s",
                        a->p->home, l->target, a->p->home, tmp, strerror(errno));
        mutated(a);
        if (unlinkat(pfd, tmp, 0) == 0) mutated(a);
        return fail(err,
                    "Existing file '%s/%s' is in the way of '%s/home-files/%s' (it appeared "
                    "during the activation; it was left as it is)",
                    a->p->home, l->target, a->newm.path, l->target);
    }
    int e = errno;
    int rc = -1;
    if (e == ENOENT) {
        /* Our old link is gone: the name is new again, and must stay so until we link it. */
        rc = rename_flags(pfd, tmp, name, RENAME_NOREPLACE, &unsupported);
        e = errno;
        if (rc != 0 && unsupported) {
            rc = linkat(pfd, tmp, pfd, name, 0) == 0 ? unlinkat(pfd, tmp, 0) : -1;
            e = errno;
        }
    } else if (unsupported) {
        /* No exchange here: look again right before the plain rename. */
        ssize_t n = readlinkat(pfd, name, buf, sizeof buf - 1);
        if (n >= 0 && (buf[n] = 0, owned_target(a, buf))) {
            rc = renameat(pfd, tmp, pfd, name);
            e = errno;
        } else if (n < 0 && errno == ENOENT) {
            /* The name is free (our old link is gone, or its parent was just backed up):
             * a hard link of the new link takes it without replacing anything. */
            rc = linkat(pfd, tmp, pfd, name, 0) == 0 ? unlinkat(pfd, tmp, 0) : -1;
            e = errno;
        } else
            e = EEXIST;
    }
    if (rc != 0) {
        unlinkat(pfd, tmp, 0);
        if (e == EEXIST)
            return fail(err,
                        "Existing file '%s/%s' is in the way of '%s/home-files/%s' (it appeared "
                        "during the activation; it was left as it is)",
                        a->p->home, l->target, a->newm.path, l->target);
        return fail(err, "cannot link '%s/%s': %s", a->p->home, l->target, strerror(e));
    }
    mutated(a);
    if (a->o->verbose) say(a, "'%s/%s' -> '%s'", a->p->home, l->target, l->source);
    return 0;
}

static void dry_link(struct act *a, size_t i, enum kind k, char *last_dir, size_t size) {
    const struct gen_link *l = &a->newm.links[i];
    const char *h = a->p->home;
    const char *slash = strrchr(l->target, '/');
    if (a->parent_missing[i] && slash) {
        size_t n = (size_t)(slash - l->target);
        if (strlen(last_dir) != n || strncmp(last_dir, l->target, n) != 0) {
            say(a, "mkdir -p %s/%.*s", h, (int)n, l->target);
            snprintf(last_dir, size, "%.*s", (int)n, l->target);
        }
    }
    if (k == K_BACKUP) say(a, "mv %s/%s %s/%s.%s", h, l->target, h, l->target, a->o->backup_ext);
    if (k == K_CLEAR_DIR)
        say(a, "rm %s/%s/... (old links) && rmdir %s/%s", h, l->target, h, l->target);
    say(a, "ln -Tsf %s %s/%s", l->source, h, l->target);
}

static int link_new(struct act *a, char **err) {
    say(a, "Creating home file links in %s", a->p->home);
    walker_reset(&a->w);
    char last_dir[PATH_MAX] = "";
    for (size_t i = 0; i < a->newm.nlinks; i++) {
        enum kind k = a->plan[i];
        const struct gen_link *l = &a->newm.links[i];
        if (k == K_NOOP || k == K_SKIP_SAME) continue;
        if (a->o->dry_run) {
            dry_link(a, i, k, last_dir, sizeof last_dir);
            continue;
        }
        if (k == K_CLEAR_DIR || k == K_BACKUP) walker_reset(&a->w);
        if (link_one(a, l, k, err) != 0) return -1;
    }
    return 0;
}

/* ---- cleanup ---- */

static int cmp_str(const void *x, const void *y) {
    return gen_path_cmp(*(char *const *)x, *(char *const *)y);
}

/* True when the new generation has links below `rel` (so rel is a directory now). */
static bool has_below(const struct gen_manifest *m, const char *rel) {
    size_t n = strlen(rel);
    size_t lo = 0, hi = m->nlinks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (gen_path_cmp(m->links[mid].target, rel) <= 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m->nlinks && strncmp(m->links[lo].target, rel, n) == 0 &&
           m->links[lo].target[n] == '/';
}

/* The length of rel's directory part with its slash ("a/b/c" -> 2), for "%.*s". */
static int dir_len(const char *rel) {
    const char *slash = strrchr(rel, '/');
    return slash ? (int)(slash - rel + 1) : 0;
}

/* Moves dirfd/tmp back to name, never over something that appeared there; if something did,
 * the user's file stays at tmp and the warning says where. 0, or -1 with errno. */
static int put_back(struct act *a, int pfd, const char *tmp, const char *name, const char *rel,
                    bool warn_kept) {
    bool unsupported = false;
    int rc = rename_flags(pfd, tmp, name, RENAME_NOREPLACE, &unsupported);
    if (rc != 0 && unsupported) {
        rc = linkat(pfd, tmp, pfd, name, 0);
        if (rc == 0) unlinkat(pfd, tmp, 0);
    }
    if (rc != 0 && errno != EEXIST) return -1;
    if (rc == 0) mutated(a);
    if (rc != 0) {
        warn(a,
             "Path '%s/%s' was replaced twice during the activation; the earlier file is now "
             "'%s/%.*s%s'.",
             a->p->home, rel, a->p->home, dir_len(rel), rel, tmp);
        return 0;
    }
    if (warn_kept)
        warn(a, "Path '%s/%s' does not link into a Home Manager generation. Skipping delete.",
             a->p->home, rel);
    return 0;
}

/* An orphan is removed through a temporary name, ".NAME.hearth-tmp": moved there atomically,
 * looked at, and only then unlinked if it is one of our links. A plain readlink-then-unlink
 * would delete a file the user put there between the two calls. 0, or -1 with errno. */
static int remove_owned_link(struct act *a, int pfd, const char *name, const char *rel) {
    char tmp[NAME_MAX + 1], buf[PATH_MAX];
    tmp_name_of(tmp, name);
    bool unsupported = false;
    if (rename_flags(pfd, name, tmp, RENAME_NOREPLACE, &unsupported) != 0) {
        if (errno == ENOENT) return 0; /* gone meanwhile */
        if (!unsupported) return -1;   /* EEXIST: settle_aside cleared the name before */
        /* No RENAME_NOREPLACE here: check the name is free right before a plain rename. */
        struct stat st;
        if (fstatat(pfd, tmp, &st, AT_SYMLINK_NOFOLLOW) == 0) return errno = EEXIST, -1;
        if (renameat(pfd, name, pfd, tmp) != 0) return errno == ENOENT ? 0 : -1;
    }
    mutated(a);
    ssize_t k = readlinkat(pfd, tmp, buf, sizeof buf - 1);
    if (k >= 0 && (buf[k] = 0, owned_target(a, buf))) {
        if (unlinkat(pfd, tmp, 0) != 0) return -1;
        mutated(a);
        return 0;
    }
    /* Not ours after all: the user replaced the link a moment ago. Put it back. */
    return put_back(a, pfd, tmp, name, rel, true);
}

/* What a kill in remove_owned_link may leave at ".NAME.hearth-tmp": our link, removed; or the
 * user's file, moved back to NAME when that is free. 0, or -1 with errno. */
static int settle_aside(struct act *a, int pfd, const char *name, const char *rel) {
    char tmp[NAME_MAX + 1], buf[PATH_MAX];
    tmp_name_of(tmp, name);
    ssize_t k = readlinkat(pfd, tmp, buf, sizeof buf - 1);
    if (k < 0 && (errno == ENOENT || errno == ENOTDIR)) return 0;
    if (k >= 0 && (buf[k] = 0, owned_target(a, buf))) {
        if (unlinkat(pfd, tmp, 0) != 0 && errno != ENOENT) return -1;
        mutated(a);
        return 0;
    }
    struct stat st;
    if (fstatat(pfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
        warn(a, "'%s/%.*s%s' is a file that was in the way of an old link's removal; it is kept.",
             a->p->home, dir_len(rel), rel, tmp);
        return 0;
    }
    /* The check below looks at it again and says it is kept. */
    return put_back(a, pfd, tmp, name, rel, false);
}

/* Removes the empty directories above `rel` that hearth made, deepest first. */
static void remove_made_parents(struct act *a, const char *rel) {
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", rel);
    for (;;) {
        char *s = strrchr(dir, '/');
        if (!s) return;
        *s = 0;
        if (!journal_dirs_has(&a->resumed, dir)) return;
        if (a->o->dry_run) {
            say(a, "rmdir --ignore-fail-on-non-empty %s/%s", a->p->home, dir);
            continue;
        }
        walker_reset(&a->w);
        int pfd = -1;
        struct blocker b;
        char *e2 = NULL;
        if (walk_parent(a, dir, false, &pfd, &b, &e2) != WS_OK) {
            free(e2);
            return;
        }
        if (unlinkat(pfd, base_of(dir), AT_REMOVEDIR) != 0) {
            if (errno == ENOENT) {
                journal_dirs_del(&a->resumed, dir);
                continue;
            }
            return; /* not empty: a user's file is in there */
        }
        mutated(a);
        walker_reset(&a->w);
        if (a->o->verbose) say(a, "rmdir: removing directory, '%s/%s'", a->p->home, dir);
        if (journal_add(&a->j, "rmdir", dir) == 0) mutated(a);
        journal_dirs_del(&a->resumed, dir);
    }
}

static int cleanup_old(struct act *a, char **err) {
    size_t total = 0;
    for (size_t g = 0; g < a->nolds; g++)
        total += a->olds[g].nlinks;
    if (total == 0) return 0;
    say(a, "Cleaning up orphan links from %s", a->p->home);
    char **orphans = malloc(total * sizeof *orphans);
    if (!orphans) return fail(err, "out of memory");
    size_t n = 0;
    for (size_t g = 0; g < a->nolds; g++)
        for (size_t i = 0; i < a->olds[g].nlinks; i++)
            if (!gen_manifest_find(&a->newm, a->olds[g].links[i].target))
                orphans[n++] = a->olds[g].links[i].target;
    if (n) qsort(orphans, n, sizeof *orphans, cmp_str);
    walker_reset(&a->w);
    int rc = 0;
    char buf[PATH_MAX];
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *rel = orphans[i];
        if (i && strcmp(rel, orphans[i - 1]) == 0) continue;
        if (has_below(&a->newm, rel)) continue;
        int pfd = -1;
        struct blocker b = {.rel = ""};
        enum walk_status ws = walk_parent(a, rel, false, &pfd, &b, err);
        if (ws == WS_ERROR) {
            rc = -1;
            break;
        }
        if (ws == WS_BLOCKED && b.user_link) {
            /* The old link may be out there, but hearth never goes through such a link. */
            warn(a, "Ignoring '%s/%s': '%s/%s' is a link that leads out of %s. Skipping delete.",
                 a->p->home, rel, a->p->home, b.rel, a->p->home);
            continue;
        }
        if (ws != WS_OK) continue; /* its directory is gone, or a file now: nothing to remove */
        const char *name = base_of(rel);
        if (!a->o->dry_run && settle_aside(a, pfd, name, rel) != 0) {
            rc = fail(err, "cannot remove '%s/%s': %s", a->p->home, rel, strerror(errno));
            break;
        }
        ssize_t k = readlinkat(pfd, name, buf, sizeof buf - 1);
        if (k < 0 && errno == ENOENT) {
            if (a->o->verbose) say(a, "Checking %s/%s: gone", a->p->home, rel);
            continue;
        }
        if (k < 0 || (buf[k] = 0, !owned_target(a, buf))) {
            warn(a, "Path '%s/%s' does not link into a Home Manager generation. Skipping delete.",
                 a->p->home, rel);
            continue;
        }
        if (a->o->verbose) say(a, "Checking %s/%s: gone (deleting)", a->p->home, rel);
        if (a->o->dry_run)
            say(a, "rm %s/%s", a->p->home, rel);
        else if (remove_owned_link(a, pfd, name, rel) != 0) {
            rc = fail(err, "cannot remove '%s/%s': %s", a->p->home, rel, strerror(errno));
            break;
        }
        remove_made_parents(a, rel);
    }
    free(orphans);
    return rc;
}

/* Links left half-made by a kill between symlinkat and renameat: ".NAME.hearth-tmp" next
 * to a target, pointing into the store. Only looked for when resuming. */
static void remove_tmp_links(struct act *a, const struct gen_manifest *m) {
    char tmp[NAME_MAX + 1], buf[PATH_MAX];
    walker_reset(&a->w);
    for (size_t i = 0; i < m->nlinks; i++) {
        int pfd = -1;
        struct blocker b;
        char *e = NULL;
        if (walk_parent(a, m->links[i].target, false, &pfd, &b, &e) != WS_OK) {
            free(e);
            continue;
        }
        tmp_name_of(tmp, base_of(m->links[i].target));
        ssize_t k = readlinkat(pfd, tmp, buf, sizeof buf - 1);
        if (k < 0) continue;
        buf[k] = 0;
        if (owned_target(a, buf) && unlinkat(pfd, tmp, 0) == 0) mutated(a);
    }
    walker_reset(&a->w);
}

/* ---- checkFilesChanged / onFilesChange ---- */

static void check_changed(struct act *a) {
    const struct gen_manifest *old = NULL;
    if (a->old_gen && strcmp(a->old_gen, a->newm.path) == 0) old = &a->newm;
    for (size_t g = 0; !old && a->old_gen && g < a->nolds; g++)
        if (strcmp(a->olds[g].path, a->old_gen) == 0) old = &a->olds[g];
    for (size_t i = 0; i < a->newm.nfiles; i++) {
        const struct gen_file *f = &a->newm.files[i];
        if (!f->on_change) continue;
        bool changed = true;
        for (size_t k = 0; old && k < old->nfiles; k++)
            if (strcmp(old->files[k].target, f->target) == 0) {
                /* Sources are content-addressed: the same path is the same content. */
                changed = strcmp(old->files[k].source, f->source) != 0;
                break;
            }
        a->changed[i] = changed;
    }
}

/* ---- the steps ---- */

enum step {
    S_SNIPPET,
    S_CHECK_CHANGED,
    S_CHECK_LINKS,
    S_WRITE_BOUNDARY,
    S_LINK,
    S_ON_CHANGE,
    S_RELOAD,
    S_INSTALL_PACKAGES
};

static const struct {
    const char *name;
    enum step step;
} builtins[] = {
    {"checkFilesChanged", S_CHECK_CHANGED},  {"checkLinkTargets", S_CHECK_LINKS},
    {"writeBoundary", S_WRITE_BOUNDARY},     {"linkGeneration", S_LINK},
    {"onFilesChange", S_ON_CHANGE},          {"reloadSystemd", S_RELOAD},
    {"installPackages", S_INSTALL_PACKAGES},
};

static enum step step_of(const char *name) {
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0) return builtins[i].step;
    return S_SNIPPET;
}

struct step_item {
    enum step step;
    const struct gen_snippet *snippet; /* for S_SNIPPET and markers present in the spec */
};

/* The order to run in: the snippets as given (DAG order), with each built-in step at its
 * marker when the spec names it, else where Home Manager's DAG puts it. */
static struct step_item *plan_steps(struct act *a, size_t *count, char **err) {
    const struct gen_manifest *m = &a->newm;
    bool present[8] = {0};
    for (size_t i = 0; i < m->nsnippets; i++)
        present[step_of(m->snippets[i].name)] = true;
    struct step_item *v = calloc(m->nsnippets + 8, sizeof *v);
    if (!v) {
        fail(err, "out of memory");
        return NULL;
    }
    size_t n = 0;
    if (!present[S_CHECK_CHANGED]) v[n++] = (struct step_item){S_CHECK_CHANGED, NULL};
    if (!present[S_CHECK_LINKS]) v[n++] = (struct step_item){S_CHECK_LINKS, NULL};
    bool need_boundary = !present[S_WRITE_BOUNDARY];
    if (need_boundary) {
        v[n++] = (struct step_item){S_WRITE_BOUNDARY, NULL};
        if (!present[S_LINK]) v[n++] = (struct step_item){S_LINK, NULL};
        if (!present[S_ON_CHANGE]) v[n++] = (struct step_item){S_ON_CHANGE, NULL};
    }
    for (size_t i = 0; i < m->nsnippets; i++) {
        enum step s = step_of(m->snippets[i].name);
        v[n++] = (struct step_item){s, &m->snippets[i]};
        if (s == S_WRITE_BOUNDARY) {
            if (!present[S_LINK]) v[n++] = (struct step_item){S_LINK, NULL};
            if (!present[S_ON_CHANGE] && !present[S_LINK])
                v[n++] = (struct step_item){S_ON_CHANGE, NULL};
        }
        if (s == S_LINK && !present[S_ON_CHANGE]) v[n++] = (struct step_item){S_ON_CHANGE, NULL};
    }
    if (!present[S_RELOAD]) v[n++] = (struct step_item){S_RELOAD, NULL};
    /* Collisions must be known before the first link is made. */
    size_t ci = n, li = n;
    for (size_t i = 0; i < n; i++) {
        if (v[i].step == S_CHECK_LINKS && ci == n) ci = i;
        if (v[i].step == S_LINK && li == n) li = i;
    }
    if (li < ci) {
        free(v);
        fail(err, "%s: activation entry 'linkGeneration' comes before 'checkLinkTargets'", m->path);
        return NULL;
    }
    *count = n;
    return v;
}

static int start_journal(struct act *a, char **err) {
    /* A no-op switch writes nothing (and so syncs nothing): no step of it can be left half
     * done, and a failing snippet is simply run again by the next switch. */
    if (a->o->dry_run || a->j.fd >= 0 || a->noop) return 0;
    if (journal_begin(&a->j, a->p->journal_path, a->newm.path, (const char **)NULL, 0) != 0)
        return fail(err, "cannot write the journal '%s': %s", a->p->journal_path, strerror(errno));
    /* A rollback says so: a re-run must finish it, not roll back once more. */
    if (a->o->use_id > 0) {
        char id[32];
        snprintf(id, sizeof id, "%ld", a->o->use_id);
        if (journal_add(&a->j, "use-id", id) != 0)
            return fail(err, "cannot write the journal: %s", strerror(errno));
    }
    for (size_t g = 0; g < a->nolds; g++)
        if (journal_add(&a->j, "old", a->olds[g].path) != 0)
            return fail(err, "cannot write the journal: %s", strerror(errno));
    /* An interrupted run's directories are carried over before the new journal replaces its
     * journal, so that a kill right after the replacement loses none of them. */
    for (size_t i = 0; a->resuming && i < a->resumed.ndirs; i++)
        if (journal_add(&a->j, "mkdir", a->resumed.dirs[i]) != 0)
            return fail(err, "cannot write the journal: %s", strerror(errno));
    if (journal_commit(&a->j) != 0)
        return fail(err, "cannot write the journal '%s': %s", a->p->journal_path, strerror(errno));
    mutated(a);
    return 0;
}

static int run_steps(struct act *a, char **err) {
    size_t n = 0;
    struct step_item *steps = plan_steps(a, &n, err);
    if (!steps) return -1;
    struct hooks_env env = {
        .home = a->p->home,
        .new_gen = a->newm.path,
        .old_gen = a->old_gen,
        .new_num = a->new_num,
        .old_num = a->old_num,
        .profiles_dir = a->p->profiles_dir,
        .gcroot = NULL,
        .dry_run = a->o->dry_run,
        .verbose = a->o->verbose,
        .out = a->o->out,
    };
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        /* Consecutive snippets share one shell, as they share Home Manager's script. */
        if (steps[i].step == S_SNIPPET) {
            size_t j = i;
            while (j < n && steps[j].step == S_SNIPPET)
                j++;
            const struct gen_snippet *list[j - i];
            for (size_t k = i; k < j; k++)
                list[k - i] = steps[k].snippet;
            rc = hooks_run_snippets(&env, list, j - i, err);
            i = j - 1;
            continue;
        }
        const char *name = NULL;
        for (size_t b = 0; b < sizeof builtins / sizeof builtins[0]; b++)
            if (builtins[b].step == steps[i].step) name = builtins[b].name;
        if (steps[i].step == S_RELOAD && !a->o->reload_services) continue;
        say(a, "Activating %s", name);
        switch (steps[i].step) {
        case S_CHECK_CHANGED: check_changed(a); break;
        case S_CHECK_LINKS:
            walker_reset(&a->w);
            rc = check_links(a, err);
            a->noop = !a->resuming && a->old_gen && strcmp(a->old_gen, a->newm.path) == 0 &&
                      (a->o->use_id <= 0 || a->o->use_id == a->old_num);
            for (size_t l = 0; a->noop && l < a->newm.nlinks; l++)
                a->noop = a->plan[l] == K_NOOP || a->plan[l] == K_SKIP_SAME;
            if (rc == 0 && a->errs) {
                fflush(a->o->out);
                fputs(a->errs, a->o->log);
                fputs("Please do one of the following:\n"
                      "- Move or remove the above files and try again.\n"
                      "- In standalone mode, use 'home-manager switch -b backup' to back up\n"
                      "  files automatically.\n"
                      "- When used as a NixOS or nix-darwin module, set\n"
                      "    'home-manager.backupFileExtension'\n"
                      "  to, for example, 'backup' and rebuild.\n",
                      a->o->log);
                fflush(a->o->log);
                rc = fail(err, "Activation stopped: files are in the way; nothing was changed");
            }
            if (rc == 0) rc = start_journal(a, err);
            break;
        case S_WRITE_BOUNDARY:
        case S_INSTALL_PACKAGES: break;
        case S_LINK:
            rc = start_journal(a, err);
            if (rc == 0) rc = link_new(a, err);
            if (rc == 0) rc = cleanup_old(a, err);
            break;
        case S_ON_CHANGE: {
            const char *hooks[a->newm.nfiles ? a->newm.nfiles : 1];
            size_t nh = 0;
            for (size_t f = 0; f < a->newm.nfiles; f++) {
                if (!a->newm.files[f].on_change || !a->changed[f]) continue;
                /* Hooks are not dry-run aware, so a dry run only tells about them. */
                if (a->o->dry_run || a->o->verbose)
                    say(a, "Running onChange hook for %s/%s", a->p->home, a->newm.files[f].target);
                if (!a->o->dry_run) hooks[nh++] = a->newm.files[f].on_change;
            }
            if (nh) rc = hooks_run_on_change(&env, hooks, nh, err);
            break;
        }
        case S_RELOAD:
            if (a->o->reload_services(a->o->reload_ctx, a->old_gen, a->newm.path, a->o->dry_run) !=
                0)
                rc = fail(err, "reloading user services failed");
            break;
        case S_SNIPPET: break;
        }
    }
    free(steps);
    return rc;
}

static int load_olds(struct act *a, const char **paths, size_t n, char **err) {
    a->olds = calloc(n ? n : 1, sizeof *a->olds);
    if (!a->olds) return fail(err, "out of memory");
    for (size_t i = 0; i < n; i++) {
        /* The new generation's own links are never orphans. */
        bool dup = strcmp(paths[i], a->newm.path) == 0;
        for (size_t k = 0; k < a->nolds; k++)
            dup = dup || strcmp(a->olds[k].path, paths[i]) == 0;
        if (dup) continue;
        char *e = NULL;
        if (gen_manifest_load(paths[i], &a->olds[a->nolds], &e) != 0) {
            /* A generation removed by gc: its links can no longer be told apart. */
            warn(a, "warning: cannot read the old generation: %s", e ? e : "?");
            free(e);
            continue;
        }
        a->nolds++;
    }
    return 0;
}

int activate_generation(const struct activate_options *o, const char *gen_path, char **err) {
    struct act a = {.o = o, .p = o->paths, .store_dir = o->paths->store_dir};
    a.sdlen = strlen(a.store_dir);
    a.j.fd = -1;
    int rc = -1, lock = -1, home_fd = -1;
    struct profile_gens gens = {0};

    if (!o->dry_run && hearth_paths_create(a.p, err) != 0) return -1;
    if (!o->lock_held) {
        lock = hearth_lock(a.p, !o->dry_run, err);
        if (lock == -1) return -1;
    }
    home_fd = open(a.p->home, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    a.home_real = realpath(a.p->home, NULL);
    if (home_fd < 0 || !a.home_real) {
        fail(err, "cannot open HOME '%s': %s", a.p->home, strerror(errno));
        goto out;
    }
    a.home_real_len = strlen(a.home_real);
    walker_init(&a.w, home_fd);
    if (gen_manifest_load(gen_path, &a.newm, err) != 0) goto out;
    if (profile_list(a.p, &gens, err) != 0) goto out;
    const struct profile_gen *cur = profile_find(&gens, gens.current);
    a.old_gen = cur ? cur->path : NULL;
    a.old_num = cur ? cur->id : 0;
    if (o->use_id > 0)
        a.new_num = o->use_id;
    else if (gens.n && strcmp(gens.items[gens.n - 1].path, gen_path) == 0)
        a.new_num = gens.items[gens.n - 1].id;
    else
        a.new_num = gens.n ? gens.items[gens.n - 1].id + 1 : 1;

    /* An unfinished activation: its generations' links may be in HOME too. */
    if (journal_read(a.p->journal_path, &a.resumed) != 0) {
        fail(err, "cannot read the journal '%s': %s", a.p->journal_path, strerror(errno));
        goto out;
    }
    if (journal_dirs_load(&a.resumed, a.p->dirs_path) != 0) {
        fail(err, "cannot read '%s': %s", a.p->dirs_path, strerror(errno));
        goto out;
    }
    a.resuming = a.resumed.found;
    {
        const char *paths[2 + a.resumed.nold];
        size_t np = 0;
        if (a.old_gen) paths[np++] = a.old_gen;
        if (a.resumed.new_gen) paths[np++] = a.resumed.new_gen;
        for (size_t i = 0; i < a.resumed.nold; i++)
            paths[np++] = a.resumed.old[i];
        if (load_olds(&a, paths, np, err) != 0) goto out;
    }
    a.plan = calloc(a.newm.nlinks ? a.newm.nlinks : 1, 1);
    a.changed = calloc(a.newm.nfiles ? a.newm.nfiles : 1, sizeof *a.changed);
    a.parent_missing = calloc(a.newm.nlinks ? a.newm.nlinks : 1, sizeof *a.parent_missing);
    if (!a.plan || !a.changed || !a.parent_missing) {
        fail(err, "out of memory");
        goto out;
    }

    say(&a, "Starting Home Manager activation");
    if (o->dry_run)
        say(&a, "This is a dry run");
    else if (o->verbose)
        say(&a, "This is a live run");
    if (a.resuming)
        warn(&a, "Resuming an interrupted activation of %s",
             a.resumed.new_gen ? a.resumed.new_gen : "(unknown)");
    if (o->verbose) {
        say(&a, "Activation variables:");
        if (a.old_gen) {
            say(&a, "  oldGenNum=%ld", a.old_num);
            say(&a, "  oldGenPath=%s", a.old_gen);
        } else {
            say(&a, "  oldGenNum undefined (first run?)");
            say(&a, "  oldGenPath undefined (first run?)");
        }
        say(&a, "  newGenPath=%s", gen_path);
        say(&a, "  newGenNum=%ld", a.new_num);
        say(&a, "  genProfilePath=%s/home-manager", a.p->profiles_dir);
        say(&a, "  newGenGcPath=%s/current-home", a.p->gcroots_dir);
    }
    if (a.resuming && !o->dry_run) {
        /* Carry the interrupted run's record over before anything else changes. */
        if (start_journal(&a, err) != 0) goto out;
        remove_tmp_links(&a, &a.newm);
        for (size_t g = 0; g < a.nolds; g++)
            remove_tmp_links(&a, &a.olds[g]);
    }
    if (run_steps(&a, err) != 0) goto out;

    if (o->dry_run) {
        /* (A rollback points the profile back at an existing generation: nothing to say.) */
        if (o->use_id > 0) {
        } else if (a.old_gen && strcmp(a.old_gen, gen_path) == 0)
            say(&a, "No change so reusing latest profile generation %ld", a.old_num);
        else
            say(&a, "Creating profile generation %ld", a.new_num);
        rc = 0;
        goto out;
    }
    long id = 0;
    bool created = false;
    if (profile_record(a.p, gen_path, o->use_id, &id, &created, mutated_cb, &a, err) != 0) goto out;
    if (created)
        say(&a, "Creating profile generation %ld", id);
    else if (o->use_id <= 0)
        say(&a, "No change so reusing latest profile generation %ld", id);
    /* A kill between removing a directory and journalling it leaves a name in home-dirs that
     * is no directory (or a link of ours) now: hearth must not claim a later one there. */
    for (size_t i = a.resumed.ndirs; i-- > 0;) {
        struct stat st;
        if (fstatat(home_fd, a.resumed.dirs[i], &st, AT_SYMLINK_NOFOLLOW) == 0
                ? !S_ISDIR(st.st_mode)
                : (errno == ENOENT || errno == ENOTDIR))
            journal_dirs_del(&a.resumed, a.resumed.dirs[i]);
    }
    bool dirs_written = a.resumed.dirs_changed, journalled = a.j.fd >= 0;
    if (journal_dirs_save(&a.resumed, a.p->dirs_path) != 0) {
        fail(err, "cannot write '%s': %s", a.p->dirs_path, strerror(errno));
        goto out;
    }
    if (dirs_written) mutated(&a);
    if (journal_finish(&a.j, a.p->journal_path) != 0) {
        fail(err, "cannot remove the journal '%s': %s", a.p->journal_path, strerror(errno));
        goto out;
    }
    if (journalled) mutated(&a);
    rc = 0;
out:
    fflush(o->out);
    journal_close(&a.j);
    walker_reset(&a.w);
    if (home_fd >= 0) close(home_fd);
    hearth_unlock(lock);
    free(a.home_real);
    gen_manifest_free(&a.newm);
    for (size_t g = 0; g < a.nolds; g++)
        gen_manifest_free(&a.olds[g]);
    free(a.olds);
    profile_gens_free(&gens);
    journal_state_free(&a.resumed);
    free(a.plan);
    free(a.changed);
    free(a.parent_missing);
    free(a.errs);
    return rc;
}
