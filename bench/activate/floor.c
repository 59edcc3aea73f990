/* bench/activate/floor.c: the floor for linking a tree into a home — only the syscalls any
 * atomic linker must make, nothing else: for each "TARGET SOURCE" line of the list (sorted so
 * that a directory's entries are together), mkdir the parents when asked, then
 * symlinkat(SOURCE, dirfd, TARGET) — a new name is atomic by itself — and only when the name
 * is taken (EEXIST) symlinkat(SOURCE, dirfd, tmp) and renameat(tmp, TARGET), relative to the
 * open parent directory (reopened only when the parent changes). `--readlink` only readlinkat()s
 * each target: what a switch must do at least to know that nothing changed.
 *
 * Usage: floor HOME {--mkdir LIST | --link LIST | --readlink LIST}...   (lists run in order) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int mkdir_parents(int home, const char *rel) {
    char buf[2 * PATH_MAX];
    snprintf(buf, sizeof buf, "%s", rel);
    for (char *p = strchr(buf, '/'); p; p = strchr(p + 1, '/')) {
        *p = 0;
        if (mkdirat(home, buf, 0755) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return 0;
}

/* Runs one list: readlinkat each target (rl), or link each: symlinkat for a free name,
 * symlinkat+renameat to replace (mkdir first if mk). */
static int run_list(int home, const char *path, int mk, int rl) {
    FILE *list = fopen(path, "r");
    if (!list) {
        perror(path);
        return 1;
    }
    char line[2 * PATH_MAX], dir[PATH_MAX] = "", buf[PATH_MAX];
    int dfd = -1;
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        *sp = 0;
        const char *target = line, *source = sp + 1;
        const char *slash = strrchr(target, '/');
        size_t dl = slash ? (size_t)(slash - target) : 0;
        if (dfd < 0 || strlen(dir) != dl || strncmp(dir, target, dl) != 0) {
            if (mk && mkdir_parents(home, target) != 0) {
                perror("mkdir");
                return 1;
            }
            if (dfd >= 0) close(dfd);
            memcpy(dir, target, dl);
            dir[dl] = 0;
            dfd = dl ? openat(home, dir, O_RDONLY | O_DIRECTORY) : dup(home);
            if (dfd < 0) {
                perror(dir);
                return 1;
            }
        }
        const char *name = slash ? slash + 1 : target;
        if (rl) {
            if (readlinkat(dfd, name, buf, sizeof buf) < 0) {
                perror(target);
                return 1;
            }
            continue;
        }
        if (symlinkat(source, dfd, name) == 0) continue;
        if (errno != EEXIST) {
            perror(target);
            return 1;
        }
        char tmp[NAME_MAX + 1];
        snprintf(tmp, sizeof tmp, ".%.200s.tmp", name);
        if (symlinkat(source, dfd, tmp) != 0 || renameat(dfd, tmp, dfd, name) != 0) {
            perror(target);
            return 1;
        }
    }
    if (dfd >= 0) close(dfd);
    fclose(list);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: floor HOME {--mkdir LIST | --link LIST | --readlink LIST}...\n");
        return 2;
    }
    int home = open(argv[1], O_RDONLY | O_DIRECTORY);
    if (home < 0) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        int mk = !strcmp(argv[i], "--mkdir"), rl = !strcmp(argv[i], "--readlink");
        if (!mk && !rl && strcmp(argv[i], "--link") != 0) {
            fprintf(stderr, "floor: unknown mode %s\n", argv[i]);
            return 2;
        }
        if (run_list(home, argv[i + 1], mk, rl) != 0) return 1;
    }
    return 0;
}
