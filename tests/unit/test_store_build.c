/* Realising derivations (src/store/build.c) in a throwaway store: a builder's output gets its
 * final name with every mention of the temporary name rewritten, read-only and with mtime 1;
 * inputs are built first and an existing output is not rebuilt; a failing builder's message
 * carries the tail of its log; hearth's own builders (text, buildenv with its collision error,
 * host packages) make the trees nixpkgs' builders would. */
#include "store/build.h"
#include "store/derivation.h"
#include "store/gc.h"
#include "store/store.h"

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

static char store_dir[256];

/* Writes a derivation as derivationStrict would; returns its .drv path and output path. */
static char *make_drv(const char *name, const char *builder, const char *const *args,
                      const char *const *env, const char *input_drv, char **out_path) {
    struct derivation *d = derivation_new(name);
    char *err = NULL;
    derivation_set_platform(d, "x86_64-linux");
    derivation_set_builder(d, builder);
    for (size_t i = 0; args && args[i]; i++)
        derivation_add_arg(d, args[i]);
    derivation_set_env(d, "name", name);
    derivation_set_env(d, "builder", builder);
    derivation_set_env(d, "system", "x86_64-linux");
    for (size_t i = 0; env && env[i]; i += 2)
        derivation_set_env(d, env[i], env[i + 1]);
    derivation_add_output(d, "out");
    derivation_set_env(d, "out", "");
    if (input_drv) derivation_add_input(d, input_drv, "out");
    struct store *s = store_open(store_dir, &err);
    struct drv_hash_cache *c = drv_hash_cache_new();
    char *drv = NULL;
    if (s && derivation_compute_outputs(d, store_dir, c, &err) == 0)
        drv = derivation_write(d, s, true, c, &err);
    CHECK(drv, "writing %s: %s", name, err ? err : "");
    *out_path = strdup(derivation_find_output(d, "out")->path);
    free(err);
    drv_hash_cache_free(c);
    store_close(s);
    derivation_free(d);
    return drv;
}

static char *slurp(const char *path) {
    char *data = NULL, *err = NULL;
    size_t len = 0;
    if (store_read_file(path, &data, &len, &err) != 0) {
        free(err);
        return NULL;
    }
    return data;
}

static void test_run_builder(void) {
    struct build_options o = {.store_dir = store_dir};
    char *dep_out, *out, *err = NULL;
    const char *dep_args[] = {"-c", "echo dep > $out", NULL};
    char *dep = make_drv("dep", "/bin/sh", dep_args, NULL, NULL, &dep_out);
    char script[1024];
    snprintf(script, sizeof script,
             "mkdir $out; echo $out > $out/self; ln -s $out/self $out/link; cat %s > $out/dep; "
             "echo \"$HOME $greeting\" > $out/env; touch $out/x; chmod +x $out/x",
             dep_out);
    const char *args[] = {"-c", script, NULL};
    const char *env[] = {"greeting", "hi", "PATH", "/usr/bin:/bin", NULL};
    char *drv = make_drv("main", "/bin/sh", args, env, dep, &out);
    CHECK(build_realise(&o, drv, NULL, &err) == 0, "build: %s", err ? err : "");
    char p[512];
    snprintf(p, sizeof p, "%s/self", out);
    char *self = slurp(p);
    char want[512];
    snprintf(want, sizeof want, "%s\n", out);
    CHECK(self && !strcmp(self, want), "$out is rewritten to the final path: %s", self);
    snprintf(p, sizeof p, "%s/link", out);
    char target[512] = {0};
    CHECK(readlink(p, target, sizeof target - 1) > 0 && !strncmp(target, out, strlen(out)),
          "link target rewritten: %s", target);
    snprintf(p, sizeof p, "%s/dep", out);
    char *depc = slurp(p);
    CHECK(depc && !strcmp(depc, "dep\n"), "input built first: %s", depc);
    snprintf(p, sizeof p, "%s/env", out);
    char *envc = slurp(p);
    CHECK(envc && !strcmp(envc, "/homeless-shelter hi\n"), "environment: %s", envc);
    struct stat st;
    CHECK(stat(out, &st) == 0 && (st.st_mode & 07777) == 0555 && st.st_mtime == 1,
          "output directory read-only, mtime 1");
    snprintf(p, sizeof p, "%s/x", out);
    CHECK(stat(p, &st) == 0 && (st.st_mode & 07777) == 0555, "executable kept as 0555");
    snprintf(p, sizeof p, "%s/self", out);
    CHECK(stat(p, &st) == 0 && (st.st_mode & 07777) == 0444, "file 0444");
    /* Already there: not built again (a rebuild would fail: its input is gone). */
    store_rm_rf(dep_out, NULL);
    CHECK(build_realise(&o, drv, NULL, &err) == 0, "present output is not rebuilt");
    free(self);
    free(depc);
    free(envc);
    free(dep);
    free(dep_out);
    free(drv);
    free(out);
    free(err);
}

static void test_failure(void) {
    struct build_options o = {.store_dir = store_dir};
    char *out, *err = NULL;
    const char *args[] = {
        "-c", "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo line $i; done; exit 4", NULL};
    char *drv = make_drv("broken", "/bin/sh", args, NULL, NULL, &out);
    CHECK(build_realise(&o, drv, "home.file.\"x\".source", &err) != 0, "a failing build fails");
    char head[512];
    snprintf(head, sizeof head,
             "builder for '%s' failed with exit code 4;\n       last 10 log lines:\n"
             "       > line 3\n",
             drv);
    CHECK(err && !strncmp(err, head, strlen(head)), "message: %s", err);
    CHECK(err && strstr(err, "       > line 12\n       For full logs, see '") &&
              strstr(err, "(wanted by home.file.\"x\".source)"),
          "message tail: %s", err);
    CHECK(access(out, F_OK) != 0, "no output after a failure");
    free(err);
    free(out);
    err = NULL;
    const char *none[] = {"-c", "true", NULL};
    char *drv2 = make_drv("nothing", "/bin/sh", none, NULL, NULL, &out);
    CHECK(build_realise(&o, drv2, NULL, &err) != 0 && strstr(err, "failed to produce output path"),
          "no output: %s", err);
    free(err);
    free(drv);
    free(drv2);
    free(out);
}

static void test_builtins(void) {
    struct build_options o = {.store_dir = store_dir, .host_path = "/nonexistent:/bin:/usr/bin"};
    char *err = NULL, *a_out, *b_out, *c_out, *env_out, *host_out;
    const char *a_env[] = {"text", "A", "destination", "/bin/x", "executable", "1", NULL};
    const char *b_env[] = {"text", "B", "destination", "/bin/x", NULL};
    const char *c_env[] = {"text", "A", "destination", "/bin/x", "executable", "1", NULL};
    char *a = make_drv("pa", "builtin:hearth-text", NULL, a_env, NULL, &a_out);
    char *b = make_drv("pb", "builtin:hearth-text", NULL, b_env, NULL, &b_out);
    char *c = make_drv("pc", "builtin:hearth-text", NULL, c_env, NULL, &c_out);
    CHECK(build_realise(&o, a, NULL, &err) == 0 && build_realise(&o, b, NULL, &err) == 0 &&
              build_realise(&o, c, NULL, &err) == 0,
          "text builds: %s", err);
    char p[512];
    snprintf(p, sizeof p, "%s/bin/x", a_out);
    char *t = slurp(p);
    struct stat st;
    CHECK(t && !strcmp(t, "A") && stat(p, &st) == 0 && (st.st_mode & 0777) == 0555, "text: %s", t);
    free(t);
    char paths[1024];
    snprintf(paths, sizeof paths, "%s %s", a_out, b_out);
    const char *env[] = {"paths", paths, NULL};
    char *e = make_drv("coll", "builtin:hearth-buildenv", NULL, env, NULL, &env_out);
    char want[1024];
    snprintf(want, sizeof want,
             "collision in 'coll': '%s/bin/x' and '%s/bin/x' both provide 'bin/x'", a_out, b_out);
    CHECK(build_realise(&o, e, NULL, &err) != 0 && err && !strncmp(err, want, strlen(want)),
          "collision: %s", err);
    free(err);
    err = NULL;
    free(env_out);
    snprintf(paths, sizeof paths, "%s %s", a_out, c_out);
    const char *env2[] = {"paths", paths, NULL};
    char *e2 = make_drv("same", "builtin:hearth-buildenv", NULL, env2, NULL, &env_out);
    CHECK(build_realise(&o, e2, NULL, &err) == 0, "identical files do not collide: %s", err);
    const char *host_env[] = {"pname", "sh", "program", "sh", NULL};
    char *h = make_drv("sh", "builtin:hearth-host", NULL, host_env, NULL, &host_out);
    CHECK(build_realise(&o, h, NULL, &err) == 0, "host sh: %s", err);
    snprintf(p, sizeof p, "%s/bin/sh", host_out);
    char target[256] = {0};
    CHECK(readlink(p, target, sizeof target - 1) > 0 && !strcmp(target, "/bin/sh"),
          "host package links the program on PATH: %s", target);
    free(host_out);
    free(h);
    const char *miss_env[] = {"pname", "hearth-missing", "program", "hearth-missing", NULL};
    h = make_drv("hearth-missing", "builtin:hearth-host", NULL, miss_env, NULL, &host_out);
    CHECK(build_realise(&o, h, "home.packages", &err) != 0 && err &&
              strstr(err, "package 'hearth-missing' (wanted by home.packages) is not installed"),
          "missing host package: %s", err);
    free(err);
    free(host_out);
    free(h);
    free(a);
    free(b);
    free(c);
    free(e);
    free(e2);
    free(a_out);
    free(b_out);
    free(c_out);
    free(env_out);
}

int main(void) {
    char tmpl[] = "/tmp/hearth-build-test-XXXXXX";
    if (!mkdtemp(tmpl)) return 1;
    snprintf(store_dir, sizeof store_dir, "%s/store", tmpl);
    setenv("HEARTH_DPKG_INFO", tmpl, 1);
    test_run_builder();
    test_failure();
    test_builtins();
    store_rm_rf(tmpl, NULL);
    return failures ? 1 : 0;
}
