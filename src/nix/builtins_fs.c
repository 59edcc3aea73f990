/* builtins_fs: builtins that read the file system: readFile, readDir, readFileType and
 * pathExists (the fetchers are in builtins_fetch.c). Error texts follow Nix. */
#include "nix/builtins_extra.h"
#include "nix/eval.h"
#include "store/hash.h"
#include "store/store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void prim_readFile(struct eval_state *st, struct value **args, struct value *out,
                          nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) eval_error(st, ERR_IO, 0, "opening file '%s': %s", path, strerror(errno));
    struct stat sb;
    size_t cap = fstat(fd, &sb) == 0 && sb.st_size > 0 ? (size_t)sb.st_size + 1 : 4096;
    char *buf = GC_MALLOC_ATOMIC(cap + 1);
    size_t len = 0;
    for (;;) {
        if (len == cap) {
            char *nb = GC_MALLOC_ATOMIC(cap * 2 + 1);
            memcpy(nb, buf, len);
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            eval_error(st, ERR_IO, 0, "reading from file: %s", strerror(e));
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    close(fd);
    buf[len] = 0;
    mk_string(out, buf, NULL);
}

static const char *type_of_mode(mode_t m) {
    if (S_ISREG(m)) return "regular";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "symlink";
    return "unknown";
}

static void prim_readDir(struct eval_state *st, struct value **args, struct value *out,
                         nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    DIR *d = opendir(path);
    if (!d) eval_error(st, ERR_IO, 0, "opening directory '%s': %s", path, strerror(errno));
    size_t n = 0, cap = 16;
    const char **names = GC_MALLOC(cap * sizeof *names);
    const char **types = GC_MALLOC(cap * sizeof *types);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) {
            const char **nn = GC_MALLOC(cap * 2 * sizeof *nn);
            const char **nt = GC_MALLOC(cap * 2 * sizeof *nt);
            memcpy(nn, names, n * sizeof *nn);
            memcpy(nt, types, n * sizeof *nt);
            names = nn;
            types = nt;
            cap *= 2;
        }
        const char *type;
        switch (e->d_type) {
        case DT_REG: type = "regular"; break;
        case DT_DIR: type = "directory"; break;
        case DT_LNK: type = "symlink"; break;
        case DT_UNKNOWN: {
            struct stat sb;
            type = fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0
                       ? type_of_mode(sb.st_mode)
                       : "unknown";
            break;
        }
        default: type = "unknown";
        }
        names[n] = gc_strdup(e->d_name);
        types[n] = type;
        n++;
    }
    closedir(d);
    struct attrs *a = attrs_new(n);
    for (size_t i = 0; i < n; i++) {
        struct value *v = value_alloc();
        mk_string(v, types[i], NULL);
        attrs_push(a, eval_sym(st, names[i]), v, 0);
    }
    attrs_sort(a);
    mk_attrs(out, a);
}

static void prim_readFileType(struct eval_state *st, struct value **args, struct value *out,
                              nix_pos pos) {
    const char *path = builtins_realise_path(st, args[0], pos);
    struct stat sb;
    if (lstat(path, &sb) != 0)
        eval_error(st, ERR_IO, pos, "getting status of '%s': %s", path, strerror(errno));
    mk_string(out, type_of_mode(sb.st_mode), NULL);
}

static void prim_pathExists(struct eval_state *st, struct value **args, struct value *out,
                            nix_pos pos) {
    eval_force(st, args[0], pos);
    /* A string ending in '/' names a directory: "/a/file/" does not exist. */
    bool want_dir = args[0]->type == VT_STRING && args[0]->str.s[0] &&
                    args[0]->str.s[strlen(args[0]->str.s) - 1] == '/';
    const char *path = builtins_realise_path(st, args[0], pos);
    struct stat sb;
    bool exists = want_dir ? stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) : lstat(path, &sb) == 0;
    mk_bool(out, exists);
}

void builtins_fs_register(struct eval_state *st) {
    eval_register_primop(st, "__readFile", 1, prim_readFile);
    eval_register_primop(st, "__readDir", 1, prim_readDir);
    eval_register_primop(st, "__readFileType", 1, prim_readFileType);
    eval_register_primop(st, "__pathExists", 1, prim_pathExists);
}
