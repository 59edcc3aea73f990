/* NAR hashing and the store on disk. NAR hashes were recorded with `nix-hash --type sha256`
 * (nix 2.8) on the same files; store paths with nix-instantiate 2.8 and
 * NIX_STORE_DIR=/tmp/hs/store, the expression next to each case. The fixture tree (made
 * below in a temporary directory) is:
 *   hello.txt            "hello\n"
 *   run.sh  (0755)       "#!/bin/sh\necho hi\n"
 *   link -> hello.txt
 *   tree/a               "a"
 *   tree/empty/          (empty directory)
 *   tree/sub/zero        ""
 *   tree/sub/long        100 times "x"
 *   tree/sub/run.sh      (0755) as above
 *   tree/sub/link -> ../a */
#include "store/nar.h"
#include "store/store.h"
#include "store/storepath.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures;

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                   \
            fprintf(stderr, __VA_ARGS__);                                                          \
            fputc('\n', stderr);                                                                   \
            failures++;                                                                            \
        }                                                                                          \
    } while (0)

static void expect_str(const char *what, const char *got, const char *want) {
    CHECK(got && strcmp(got, want) == 0, "%s:\n  got  %s\n  want %s", what, got ? got : "(null)",
          want);
}

static void write_file(const char *dir, const char *name, const char *content, mode_t mode) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, content, strlen(content)) != (ssize_t)strlen(content)) {
        perror(path);
        exit(2);
    }
    close(fd);
    chmod(path, mode); /* umask must not decide the x bit */
}

static void make_dir(const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (mkdir(path, 0755) < 0) {
        perror(path);
        exit(2);
    }
}

static void make_link(const char *dir, const char *name, const char *target) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (symlink(target, path) < 0) {
        perror(path);
        exit(2);
    }
}

static void make_fixture(const char *dir) {
    char x100[101];
    memset(x100, 'x', 100);
    x100[100] = '\0';
    write_file(dir, "hello.txt", "hello\n", 0644);
    write_file(dir, "run.sh", "#!/bin/sh\necho hi\n", 0755);
    make_link(dir, "link", "hello.txt");
    make_dir(dir, "tree");
    write_file(dir, "tree/a", "a", 0644);
    make_dir(dir, "tree/empty");
    make_dir(dir, "tree/sub");
    write_file(dir, "tree/sub/zero", "", 0644);
    write_file(dir, "tree/sub/long", x100, 0644);
    write_file(dir, "tree/sub/run.sh", "#!/bin/sh\necho hi\n", 0755);
    make_link(dir, "tree/sub/link", "../a");
}

static char *join(const char *a, const char *b) {
    char *s = NULL;
    if (asprintf(&s, "%s/%s", a, b) < 0) exit(2);
    return s;
}

static void check_nar_hash(const char *dir, const char *name, const char *want_hex) {
    char *path = join(dir, name), *err = NULL;
    struct hash h;
    char hex[65] = "";
    if (nar_hash_path(path, HASH_SHA256, NULL, NULL, &h, NULL, &err) == 0)
        hash_to_base16(h.bytes, h.len, hex);
    expect_str(name, err ? err : hex, want_hex);
    free(err);
    free(path);
}

/* Collects a NAR in memory. */
struct mem {
    unsigned char *data;
    size_t len;
};

static void mem_sink(void *ud, const void *data, size_t len) {
    struct mem *m = ud;
    m->data = realloc(m->data, m->len + len);
    memcpy(m->data + m->len, data, len);
    m->len += len;
}

/* Keeps everything that is not a symlink (as `filter = p: t: t != "symlink"`). */
static int no_symlinks(void *ud, const char *path, enum nar_type type, char **err) {
    (void)ud, (void)path, (void)err;
    return type != NAR_SYMLINK;
}

static int failing_filter(void *ud, const char *path, enum nar_type type, char **err) {
    (void)ud, (void)type;
    if (asprintf(err, "filter refused %s", path) < 0) *err = NULL;
    return -1;
}

static void test_nar(const char *src) {
    /* nix-hash --type sha256 FILE */
    check_nar_hash(src, "hello.txt",
                   "1c37d01af40be2e80691de3cc3df44377a699afbb17c68f080964b2fd071fc13");
    check_nar_hash(src, "run.sh",
                   "5e0accf02cedede5e4119ffa15e79e79a5fb1fb9bc43c3d434f33227a14477a0");
    check_nar_hash(src, "tree", "b07a0c5349e143449e03c6035d1fa9c6190bff2060959d0e3f3e1e3299417a93");
    check_nar_hash(src, "link", "01f8a83d7885be14edc68fa4336e81a57a75426c20a0fc9f9bca2c8feaf76387");

    /* The NAR of hello.txt, written out by hand from the format: strings are a 64-bit
     * little-endian length and the bytes padded with zeros to a multiple of 8. */
    static const char want[] = "\x0d\0\0\0\0\0\0\0nix-archive-1\0\0\0"
                               "\x01\0\0\0\0\0\0\0(\0\0\0\0\0\0\0"
                               "\x04\0\0\0\0\0\0\0type\0\0\0\0"
                               "\x07\0\0\0\0\0\0\0regular\0"
                               "\x08\0\0\0\0\0\0\0contents"
                               "\x06\0\0\0\0\0\0\0hello\n\0\0"
                               "\x01\0\0\0\0\0\0\0)\0\0\0\0\0\0\0";
    struct mem m = {0};
    char *path = join(src, "hello.txt"), *err = NULL;
    CHECK(nar_dump(path, NULL, NULL, mem_sink, &m, &err) == 0, "nar_dump: %s", err);
    CHECK(m.len == sizeof want - 1 && memcmp(m.data, want, m.len) == 0,
          "NAR bytes of hello.txt differ (%zu bytes)", m.len);
    free(m.data);
    free(path);

    /* Errors name the path. */
    path = join(src, "missing");
    struct hash h;
    CHECK(nar_hash_path(path, HASH_SHA256, NULL, NULL, &h, NULL, &err) < 0 && err &&
              strstr(err, "missing"),
          "missing file: %s", err ? err : "no error");
    free(err);
    err = NULL;
    free(path);
    path = join(src, "tree");
    CHECK(nar_hash_path(path, HASH_SHA256, failing_filter, NULL, &h, NULL, &err) < 0 && err &&
              strstr(err, "filter refused"),
          "filter error not passed on: %s", err ? err : "no error");
    free(err);
    free(path);
}

static void test_paths(const char *src) {
    const char *sd = "/tmp/hs/store";
    struct store fake = {.dir = (char *)sd};
    struct {
        const char *file, *name;
        bool recursive, filtered;
        const char *want;
    } cases[] = {
        /* "${./hello.txt}" */
        {"hello.txt", NULL, true, false,
         "/tmp/hs/store/si4w18j1i821zlnip4h9x2qmpyylmcl8-hello.txt"},
        /* "${./run.sh}" */
        {"run.sh", NULL, true, false, "/tmp/hs/store/xp3jkxifkc3a42ypcvrqb3zfsyvv0rpy-run.sh"},
        /* "${./tree}" */
        {"tree", NULL, true, false, "/tmp/hs/store/zb2lllcbmy4swkwsx0iwl8xbmyny3gjr-tree"},
        /* "${./link}" */
        {"link", NULL, true, false, "/tmp/hs/store/9zqsgsgibwxmqfd7p8ysa6i4w93flbsx-link"},
        /* builtins.path { path = ./tree; name = "t2"; filter = p: t: t != "symlink"; } */
        {"tree", "t2", true, true, "/tmp/hs/store/xz8c8nl6d19ifpazxr5nf61h0v6yysxm-t2"},
        /* builtins.path { path = ./run.sh; recursive = false; } */
        {"run.sh", NULL, false, false, "/tmp/hs/store/799r5yhwwkifn7k3h14vwfkclf49xpw5-run.sh"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *path = join(src, cases[i].file), *err = NULL;
        struct store_add_source how = {.name = cases[i].name,
                                       .recursive = cases[i].recursive,
                                       .filter = cases[i].filtered ? no_symlinks : NULL,
                                       .dry_run = true};
        char *got = store_add_source(&fake, path, &how, NULL, &err);
        expect_str(cases[i].want, got ? got : err, cases[i].want);
        free(got);
        free(err);
        free(path);
    }
    /* builtins.toFile "hello.txt" "hello\n" is covered by test_storepath; these have
     * references:
     * let a = builtins.toFile "a.txt" "A"; in
     *   builtins.toFile "ref.txt" "see ${./hello.txt} and ${a}" */
    const char *a = "/tmp/hs/store/706gi1ms8lk7acnfs5rvgqvvwv1g7cp0-a.txt";
    const char *hello = "/tmp/hs/store/si4w18j1i821zlnip4h9x2qmpyylmcl8-hello.txt";
    char *text = NULL;
    if (asprintf(&text, "see %s and %s", hello, a) < 0) exit(2);
    struct hash h = hash_buffer(HASH_SHA256, text, strlen(text));
    const char *refs[] = {a, hello}; /* sorted */
    char *p = store_make_text_path(sd, &h, refs, 2, "ref.txt");
    expect_str("toFile with references", p,
               "/tmp/hs/store/frgsf5v1q6hd8n9y7nabgyy9lh3f0c8a-ref.txt");
    free(p);
    free(text);
    h = hash_buffer(HASH_SHA256, "A", 1);
    p = store_make_text_path(sd, &h, NULL, 0, "a.txt");
    expect_str("toFile a.txt", p, a);
    free(p);
    /* builtins.toFile "empty" "" */
    h = hash_buffer(HASH_SHA256, "", 0);
    p = store_make_text_path(sd, &h, NULL, 0, "empty");
    expect_str("toFile empty", p, "/tmp/hs/store/d5al3lnhs1zn0gzdfi5mri1yylz2v0jg-empty");
    free(p);
}

static mode_t mode_of(const char *path) {
    struct stat st;
    if (lstat(path, &st) < 0) return (mode_t)-1;
    return st.st_mode;
}

static void test_store_writes(const char *tmp, const char *src) {
    char *dir = join(tmp, "state/hearth/store"), *err = NULL;
    struct store *s = store_open(dir, &err);
    CHECK(s, "store_open: %s", err);
    if (!s) return;
    /* Created private to the user, parents included. */
    CHECK((mode_of(dir) & 0777) == 0700, "store mode %o", (unsigned)(mode_of(dir) & 0777));
    char *parent = join(tmp, "state/hearth");
    CHECK((mode_of(parent) & 0777) == 0700, "state dir mode %o",
          (unsigned)(mode_of(parent) & 0777));
    free(parent);

    /* A directory with executables and symlinks, added for real, hashes as computed. */
    char *tree = join(src, "tree");
    struct store_add_source how = {.recursive = true};
    struct hash h1, h2;
    char *p = store_add_source(s, tree, &how, &h1, &err);
    CHECK(p, "add tree: %s", err);
    struct store_add_source dry = {.recursive = true, .dry_run = true};
    char *q = store_add_source(s, tree, &dry, &h2, &err);
    CHECK(p && q && strcmp(p, q) == 0, "written and computed paths differ");
    if (p) {
        struct hash copy;
        CHECK(nar_hash_path(p, HASH_SHA256, NULL, NULL, &copy, NULL, &err) == 0 &&
                  memcmp(copy.bytes, h1.bytes, 32) == 0,
              "the stored copy has a different NAR hash");
        char *f = join(p, "a"), *x = join(p, "sub/run.sh"), *l = join(p, "sub/link");
        CHECK((mode_of(p) & 07777) == 0555, "dir mode %o", (unsigned)(mode_of(p) & 07777));
        CHECK((mode_of(f) & 07777) == 0444, "file mode %o", (unsigned)(mode_of(f) & 07777));
        CHECK((mode_of(x) & 07777) == 0555, "exec mode %o", (unsigned)(mode_of(x) & 07777));
        CHECK(S_ISLNK(mode_of(l)), "symlink not kept");
        struct stat st;
        CHECK(stat(f, &st) == 0 && st.st_mtime == 1, "mtime not canonical");
        free(f);
        free(x);
        free(l);
        /* Adding again is a no-op returning the same path. */
        char *again = store_add_source(s, tree, &how, NULL, &err);
        CHECK(again && strcmp(again, p) == 0, "second add differs");
        free(again);
        CHECK(store_has_path(s, p), "store_has_path");
    }
    free(p);
    free(q);
    free(tree);

    /* A filtered add drops what the filter drops. */
    tree = join(src, "tree");
    struct store_add_source filtered = {.name = "t2", .recursive = true, .filter = no_symlinks};
    p = store_add_source(s, tree, &filtered, NULL, &err);
    CHECK(p, "filtered add: %s", err);
    if (p) {
        char *l = join(p, "sub/link");
        CHECK(mode_of(l) == (mode_t)-1, "filtered symlink was copied");
        free(l);
    }
    free(p);
    free(tree);

    /* Flat add stores the file without its x bit. */
    char *run = join(src, "run.sh");
    struct store_add_source flat = {.recursive = false};
    p = store_add_source(s, run, &flat, NULL, &err);
    CHECK(p && (mode_of(p) & 07777) == 0444, "flat add: %s", p ? "mode" : err);
    free(p);
    free(run);

    /* Text objects. */
    const char *refs[] = {"/nonexistent/b", "/nonexistent/a", "/nonexistent/b"};
    p = store_add_text(s, "t.txt", "text", 4, refs, 3, &err);
    CHECK(p, "add text: %s", err);
    if (p) {
        char *data = NULL;
        size_t len = 0;
        CHECK(store_read_file(p, &data, &len, &err) == 0 && len == 4 &&
                  memcmp(data, "text", 4) == 0,
              "text content");
        free(data);
        CHECK((mode_of(p) & 07777) == 0444, "text mode");
        struct hash th = hash_buffer(HASH_SHA256, "text", 4);
        const char *sorted[] = {"/nonexistent/a", "/nonexistent/b"};
        char *want = store_make_text_path(dir, &th, sorted, 2, "t.txt");
        expect_str("text path sorts and dedupes references", p, want);
        free(want);
        char *again = store_add_text(s, "t.txt", "text", 4, refs, 3, &err);
        CHECK(again && strcmp(again, p) == 0, "second text add differs");
        free(again);
    }
    free(p);

    /* No temporary names are left behind. */
    char *cmd = NULL;
    if (asprintf(&cmd, "ls -A '%s' | grep -q '^\\.hearth-tmp'", dir) < 0) exit(2);
    CHECK(system(cmd) != 0, "temporary files left in the store");
    free(cmd);

    /* A crash leaves a temporary name behind; it is removed once old enough. */
    char *stale = join(dir, ".hearth-tmp-crashed");
    make_dir(dir, ".hearth-tmp-crashed");
    write_file(stale, "half", "half-written", 0444);
    chmod(stale, 0555);
    CHECK(store_remove_stale_temps(s, 3600) == 0, "a fresh temporary name was removed");
    CHECK(store_remove_stale_temps(s, 0) == 1 && mode_of(stale) == (mode_t)-1,
          "stale temporary name not removed");
    free(stale);

    /* Bad input: clear errors. */
    char *missing = join(src, "no-such-file");
    err = NULL;
    p = store_add_source(s, missing, &how, NULL, &err);
    CHECK(!p && err && strstr(err, "getting status of") && strstr(err, "no-such-file"),
          "missing file: %s", err ? err : "no error");
    free(err);
    err = NULL;
    free(missing);
    p = store_add_text(s, "a b", "x", 1, NULL, 0, &err);
    CHECK(!p && err && strstr(err, "-a b' contains illegal character ' '"), "bad name: %s",
          err ? err : "no error");
    free(err);
    store_close(s);
    free(dir);
}

static void test_resolve(void) {
    char *err = NULL, *d;
    setenv("NIX_STORE_DIR", "/a/b/../c//store/", 1);
    d = store_resolve_dir(NULL, &err);
    expect_str("NIX_STORE_DIR canonical", d, "/a/c/store");
    free(d);
    d = store_resolve_dir("/opt/s", &err);
    expect_str("--store-dir wins", d, "/opt/s");
    free(d);
    unsetenv("NIX_STORE_DIR");
    setenv("XDG_STATE_HOME", "/x/state", 1);
    d = store_resolve_dir(NULL, &err);
    expect_str("XDG_STATE_HOME", d, "/x/state/hearth/store");
    free(d);
    setenv("XDG_STATE_HOME", "relative", 1);
    setenv("HOME", "/home/u", 1);
    d = store_resolve_dir(NULL, &err);
    expect_str("relative XDG_STATE_HOME ignored", d, "/home/u/.local/state/hearth/store");
    free(d);
}

static void remove_all(const char *dir) {
    char *cmd = NULL;
    if (asprintf(&cmd, "chmod -R u+w '%s' && rm -rf '%s'", dir, dir) < 0) return;
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
    free(cmd);
}

int main(void) {
    char tmpl[] = "/tmp/hearth-test-nar.XXXXXX";
    char *tmp = mkdtemp(tmpl);
    if (!tmp) return 2;
    umask(022);
    char *src = join(tmp, "src");
    make_dir(tmp, "src");
    make_fixture(src);
    test_nar(src);
    test_paths(src);
    test_store_writes(tmp, src);
    test_resolve();
    free(src);
    remove_all(tmp);
    return failures ? 1 : 0;
}
