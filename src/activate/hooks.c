/* src/activate/hooks.c: see hooks.h. */
#include "activate/hooks.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

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

/* The functions Home Manager defines for activation scripts, written for hearth. */
static const char prelude[] = "set -eu -o pipefail\n"
                              "cd \"$HOME\"\n"
                              "noteEcho() { echo \"$*\"; }\n"
                              "warnEcho() { echo \"$*\" >&2; }\n"
                              "errorEcho() { echo \"$*\" >&2; }\n"
                              "verboseEcho() { if [[ -v VERBOSE ]]; then echo \"$*\"; fi; }\n"
                              "_i() { local f=\"$1\"; shift; printf \"$f\\n\" \"$@\"; }\n"
                              "_iError() { local f=\"$1\"; shift; printf \"$f\\n\" \"$@\" >&2; }\n"
                              "_iWarn() { local f=\"$1\"; shift; printf \"$f\\n\" \"$@\" >&2; }\n"
                              "_iNote() { _i \"$@\"; }\n"
                              "_iVerbose() { if [[ -v VERBOSE ]]; then _i \"$@\"; fi; }\n"
                              "run() {\n"
                              "  local mode=\n"
                              "  if [[ ${1-} == --quiet ]]; then mode=quiet; shift;\n"
                              "  elif [[ ${1-} == --silence ]]; then mode=silence; shift; fi\n"
                              "  if [[ -v DRY_RUN ]]; then echo \"$@\"; return 0; fi\n"
                              "  case $mode in\n"
                              "    quiet) \"$@\" > /dev/null ;;\n"
                              "    silence) \"$@\" > /dev/null 2>&1 ;;\n"
                              "    *) \"$@\" ;;\n"
                              "  esac\n"
                              "}\n";

struct sbuf {
    char *s;
    size_t len, cap;
};

static void sb_add(struct sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *ns = realloc(b->s, cap);
        if (!ns) return;
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

static void sb_str(struct sbuf *b, const char *s) {
    sb_add(b, s, strlen(s));
}

/* 'text' quoted for the shell. */
static void sb_quoted(struct sbuf *b, const char *s) {
    sb_add(b, "'", 1);
    for (; *s; s++) {
        if (*s == '\'')
            sb_str(b, "'\\''");
        else
            sb_add(b, s, 1);
    }
    sb_add(b, "'", 1);
}

static void set_env(const struct hooks_env *env) {
    char num[32];
    setenv("HOME", env->home, 1);
    setenv("newGenPath", env->new_gen, 1);
    snprintf(num, sizeof num, "%ld", env->new_num);
    setenv("newGenNum", num, 1);
    if (env->old_gen) {
        setenv("oldGenPath", env->old_gen, 1);
        snprintf(num, sizeof num, "%ld", env->old_num);
        setenv("oldGenNum", num, 1);
    } else {
        unsetenv("oldGenPath");
        unsetenv("oldGenNum");
    }
    char *gp = NULL;
    if (asprintf(&gp, "%s/home-manager", env->profiles_dir) >= 0) setenv("genProfilePath", gp, 1);
    free(gp);
    if (env->dry_run) {
        setenv("DRY_RUN", "1", 1);
        setenv("DRY_RUN_CMD", "echo", 1);
        setenv("DRY_RUN_NULL", "/dev/stdout", 1);
    } else {
        unsetenv("DRY_RUN");
        setenv("DRY_RUN_CMD", "", 1);
        setenv("DRY_RUN_NULL", "/dev/null", 1);
    }
    if (env->verbose) {
        setenv("VERBOSE", "1", 1);
        setenv("VERBOSE_ARG", "--verbose", 1);
        setenv("VERBOSE_ECHO", "echo", 1);
        setenv("VERBOSE_RUN", "", 1);
    } else {
        unsetenv("VERBOSE");
        setenv("VERBOSE_ARG", "", 1);
        setenv("VERBOSE_ECHO", "true", 1);
        setenv("VERBOSE_RUN", "true", 1);
    }
}

static int run_script(const struct hooks_env *env, const char *script, size_t len, const char *what,
                      char **err) {
    int fd = memfd_create("hearth-activation", 0);
    if (fd < 0) return fail(err, "cannot run %s: %s", what, strerror(errno));
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, script + off, len - off);
        if (w < 0) {
            close(fd);
            return fail(err, "cannot run %s: %s", what, strerror(errno));
        }
        off += (size_t)w;
    }
    lseek(fd, 0, SEEK_SET);
    fflush(env->out);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fd);
        return fail(err, "cannot run %s: %s", what, strerror(errno));
    }
    if (pid == 0) {
        set_env(env);
        char path[64];
        snprintf(path, sizeof path, "/dev/fd/%d", fd);
        execlp("bash", "bash", path, (char *)NULL);
        _exit(127);
    }
    close(fd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) return fail(err, "cannot wait for %s: %s", what, strerror(errno));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return 0;
    if (WIFEXITED(status))
        return fail(err, "%s failed with exit code %d", what, WEXITSTATUS(status));
    return fail(err, "%s was killed by signal %d", what, WTERMSIG(status));
}

int hooks_run_snippets(const struct hooks_env *env, const struct gen_snippet *const *snippets,
                       size_t n, char **err) {
    struct sbuf b = {0};
    sb_str(&b, prelude);
    for (size_t i = 0; i < n; i++) {
        sb_str(&b, "noteEcho ");
        char *msg = NULL;
        if (asprintf(&msg, "Activating %s", snippets[i]->name) < 0) break;
        sb_quoted(&b, msg);
        free(msg);
        sb_str(&b, "\n");
        /* Which snippet failed is told by the last "Activating" line, as in Home Manager. */
        sb_str(&b, snippets[i]->data);
        sb_str(&b, "\n");
    }
    if (!b.s) return fail(err, "out of memory");
    char *what = NULL;
    if (n == 1) {
        if (asprintf(&what, "activation script '%s'", snippets[0]->name) < 0) what = NULL;
    } else if (asprintf(&what, "activation scripts '%s' to '%s'", snippets[0]->name,
                        snippets[n - 1]->name) < 0)
        what = NULL;
    int rc = run_script(env, b.s, b.len, what ? what : "activation script", err);
    free(what);
    free(b.s);
    return rc;
}

int hooks_run_on_change(const struct hooks_env *env, const char *const *hooks, size_t n,
                        char **err) {
    struct sbuf b = {0};
    sb_str(&b, prelude);
    for (size_t i = 0; i < n; i++) {
        sb_str(&b, hooks[i]);
        sb_str(&b, "\n");
    }
    if (!b.s) return fail(err, "out of memory");
    int rc = run_script(env, b.s, b.len, "an onChange hook", err);
    free(b.s);
    return rc;
}
