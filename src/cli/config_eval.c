/* src/cli/config_eval.c: see config_eval.h. */
#include "cli/config_eval.h"

#include "cli/eval_cache.h"
#include "cli/hearth_data_dir.h"
#include "nix/builtins_extra.h"
#include "nix/eval.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int missing_arg(const struct cli_invocation *inv, const char *opt) {
    fprintf(stderr, "%s: option '%s' needs an argument\nRun '%s --help' for usage help\n",
            inv->program_name, opt, inv->program_name);
    return 1;
}

static int parse_args(const struct cli_invocation *inv, struct hm_args *a);

int hm_args_parse(const struct cli_invocation *inv, struct hm_args *a) {
    int rc = parse_args(inv, a);
    /* Nix warns about unknown settings once the command line is read. */
    nix_settings_done(&a->settings, stderr);
    return rc;
}

static int parse_args(const struct cli_invocation *inv, struct hm_args *a) {
    memset(a, 0, sizeof *a);
    a->prog = inv->program_name;
    size_t n = (size_t)inv->argc + 1;
    a->includes = calloc(n, sizeof *a->includes);
    a->args = calloc(n, sizeof *a->args);
    a->pos = calloc(n, sizeof *a->pos);
    if (!a->includes || !a->args || !a->pos) return 1;
    const char *ext = getenv("HOME_MANAGER_BACKUP_EXT");
    if (ext && ext[0]) a->backup_ext = ext;
    nix_settings_init(&a->settings, stderr);
    for (int i = 1; i < inv->argc; i++) {
        const char *o = inv->argv[i];
        bool has1 = i + 1 < inv->argc, has2 = i + 2 < inv->argc;
        int need = 0;
        int took = nix_settings_flag(&a->settings, inv->argc, inv->argv, &i, &need, stderr);
        if (took < 0) return missing_arg(inv, o);
        if (took) continue;
        if (!strcmp(o, "-f") || !strcmp(o, "--file")) {
            if (!has1) return missing_arg(inv, o);
            a->file = inv->argv[++i];
        } else if (!strcmp(o, "-A")) {
            if (!has1) return missing_arg(inv, o);
            a->attr = inv->argv[++i];
        } else if (!strcmp(o, "-I")) {
            if (!has1) return missing_arg(inv, o);
            a->includes[a->nincludes++] = inv->argv[++i];
        } else if (!strcmp(o, "-b")) {
            if (!has1) return missing_arg(inv, o);
            a->backup_ext = inv->argv[++i];
        } else if (!strcmp(o, "--arg") || !strcmp(o, "--argstr")) {
            if (!has2) return missing_arg(inv, o);
            a->args[a->nargs++] =
                (struct hm_auto_arg){inv->argv[i + 1], inv->argv[i + 2], o[5] == 's'};
            i += 2;
        } else if (!strcmp(o, "-n") || !strcmp(o, "--dry-run")) {
            a->dry_run = true;
        } else if (!strcmp(o, "--show-trace")) {
            a->show_trace = true;
        } else if (!strcmp(o, "-v") || !strcmp(o, "--verbose")) {
            a->verbose = true;
        } else if (!strcmp(o, "--no-out-link")) {
            a->no_out_link = true;
        } else if (!strcmp(o, "-j") || !strcmp(o, "--max-jobs") || !strcmp(o, "--cores") ||
                   !strcmp(o, "--builders")) {
            if (!has1) return missing_arg(inv, o);
            i++;
        } else if (!strcmp(o, "-L") || !strcmp(o, "--print-build-logs") || !strcmp(o, "--impure") ||
                   !strcmp(o, "--keep-failed") || !strcmp(o, "-k") || !strcmp(o, "--keep-going") ||
                   !strcmp(o, "-q") || !strcmp(o, "--quiet")) {
        } else if (o[0] == '-' && o[1]) {
            fprintf(stderr, "%s: unknown option '%s'\nRun '%s --help' for usage help\n",
                    inv->program_name, o, inv->program_name);
            return 1;
        } else
            a->pos[a->npos++] = o;
    }
    if (a->backup_ext && (!a->backup_ext[0] || strchr(a->backup_ext, '/'))) {
        fprintf(stderr, "%s: backup extension '%s' must be a non-empty name without '/'\n",
                inv->program_name, a->backup_ext);
        return 1;
    }
    return 0;
}

void hm_args_free(struct hm_args *a) {
    free(a->includes);
    free(a->args);
    free(a->pos);
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && !S_ISDIR(st.st_mode);
}

static char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xasprintf(const char *fmt, ...) {
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}

static char *absolute(const char *p) {
    if (p[0] == '/') return strdup(p);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return strdup(p);
    return xasprintf("%s/%s", cwd, p);
}

char *hm_config_file(const struct hm_args *a, char **err) {
    if (a->file) {
        char *p = absolute(a->file);
        struct stat st;
        if (p && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
            char *d = xasprintf("%s/default.nix", p);
            free(p);
            p = d;
        }
        if (p && is_file(p)) return p;
        *err = xasprintf("No configuration file found at %s", a->file);
        free(p);
        return NULL;
    }
    const char *env = getenv("HOME_MANAGER_CONFIG");
    if (env && env[0]) {
        if (is_file(env)) return absolute(env);
        *err = xasprintf("No configuration file found at %s", env);
        return NULL;
    }
    const char *home = getenv("HOME");
    const char *xdg = getenv("XDG_CONFIG_HOME");
    char *cfgdir = xdg && xdg[0] == '/' ? strdup(xdg) : xasprintf("%s/.config", home ? home : "");
    char *p = xasprintf("%s/home-manager/home.nix", cfgdir);
    if (p && is_file(p)) {
        free(cfgdir);
        return p;
    }
    /* Home Manager still reads the configuration's old place. */
    char *old = xasprintf("%s/nixpkgs/home.nix", cfgdir);
    free(cfgdir);
    if (old && is_file(old)) {
        free(p);
        return old;
    }
    free(old);
    *err = xasprintf("No configuration file found. Please create one at %s", p ? p : "home.nix");
    free(p);
    return NULL;
}

const char *hm_data_dir(void) {
    const char *d = getenv("HEARTH_DATA_DIR");
    return d && d[0] ? d : HEARTH_SOURCE_ROOT;
}

char *hm_nix_string(const char *s) {
    struct strbuf b;
    sb_init(&b, strlen(s) + 8);
    print_string_literal(&b, s);
    return strdup(sb_str(&b));
}

struct eval_job {
    const struct hm_args *a;
    const char *store_dir;
    const char *expr;
    char *result, *err;
    bool is_null;
    struct eval_inputs *inputs; /* records what the evaluation reads, or NULL */
};

static void run_expr(struct eval_state *st, void *ud) {
    struct eval_job *j = ud;
    struct value *v = eval_value_new(st);
    struct nix_error *e = eval_string(st, j->expr, "/", v);
    if (e) eval_rethrow(st, e);
    eval_force(st, v, 0);
    if (v->type == VT_NULL) {
        j->is_null = true;
        return;
    }
    const char *s = eval_force_string(st, v, 0, NULL);
    j->result = strdup(s);
}

/* A host package that is not installed throws "package 'NAME' is not installed on this
 * machine" when used (pkgs/host.nix); the option whose evaluation used it is the innermost
 * "while evaluating the option `OPT':" frame the module system added, so name it. */
static void add_wanted_by(struct nix_error *e) {
    static const char pkg[] = "package '", tail[] = "' is not installed on this machine";
    static const char frame[] = "while evaluating the option `";
    if (strncmp(e->msg, pkg, sizeof pkg - 1) != 0 || !strstr(e->msg, tail) ||
        strstr(e->msg, "(wanted by "))
        return;
    for (size_t i = 0; i < e->nframes; i++) {
        const char *m = e->frames[i].msg;
        if (!m || strncmp(m, frame, sizeof frame - 1) != 0) continue;
        const char *opt = m + sizeof frame - 1;
        const char *end = strchr(opt, '\'');
        if (!end) continue;
        /* After the name, as the build-time error of an uninstalled host package has it. */
        const char *name_end = strstr(e->msg, tail) + 1;
        e->msg = gc_printf("%.*s (wanted by %.*s)%s", (int)(name_end - e->msg), e->msg,
                           (int)(end - opt), opt, name_end);
        return;
    }
}

static int eval_thread(void *ud) {
    struct eval_job *j = ud;
    struct eval_state *st = eval_state_new(j->store_dir);
    eval_set_stack_limit(st);
    if (j->inputs) eval_inputs_track(j->inputs, st);
    st->show_trace = j->a->show_trace;
    st->xp_features = j->a->settings.xp;
    for (size_t i = 0; i < j->a->nincludes; i++)
        eval_add_search_path(st, j->a->includes[i]);
    struct nix_error *e = eval_try(st, run_expr, j);
    if (e) {
        struct strbuf sb;
        sb_init(&sb, 256);
        add_wanted_by(e);
        error_format(st, e, &sb);
        j->err = strdup(sb_str(&sb));
    }
    builtins_extra_release(st);
    return e ? 1 : 0;
}

char *hm_eval(const struct hm_args *a, const char *conf, const char *store_dir, const char *what,
              bool *is_null, char **err) {
    return hm_eval_cached(a, conf, store_dir, NULL, what, is_null, err);
}

/* What the cached output depends on besides the files and variables the evaluation reads. */
static char *cache_key(const struct hm_args *a, const char *conf, const char *store_dir,
                       const char *expr) {
    struct strbuf b;
    sb_init(&b, 256);
    struct stat st;
    sb_printf(&b, "version %s\n", HEARTH_VERSION);
    if (stat("/proc/self/exe", &st) == 0)
        sb_printf(&b, "exe %lld.%09ld %lld %llu\n", (long long)st.st_mtim.tv_sec,
                  st.st_mtim.tv_nsec, (long long)st.st_size, (unsigned long long)st.st_ino);
    const char *np = getenv("NIX_PATH");
    sb_printf(&b, "conf %s\nstore %s\nNIX_PATH %s\nshow-trace %d\nxp %u\n", conf, store_dir,
              np ? np : "", a->show_trace, a->settings.xp);
    for (size_t i = 0; i < a->nincludes; i++)
        sb_printf(&b, "-I %s\n", a->includes[i]);
    sb_printf(&b, "expr %s\n", expr);
    return strdup(sb_str(&b));
}

char *hm_eval_cached(const struct hm_args *a, const char *conf, const char *store_dir,
                     const char *state_dir, const char *what, bool *is_null, char **err) {
    /* (let r = import MODULES ({ configuration = CONF; } // { ARGS }); in WHAT) */
    struct strbuf b;
    sb_init(&b, 512);
    char *conf_lit = hm_nix_string(conf);
    char *mods = hm_nix_string(hm_data_dir());
    sb_printf(&b, "let r = import (/. + %s + \"/modules\") ({ configuration = ", mods);
    if (a->attr)
        sb_printf(&b, "(import (/. + %s)).%s", conf_lit, a->attr);
    else
        sb_printf(&b, "/. + %s", conf_lit);
    sb_adds(&b, "; }");
    if (a->nargs) {
        sb_adds(&b, " // {");
        for (size_t i = 0; i < a->nargs; i++) {
            char *name = hm_nix_string(a->args[i].name);
            if (a->args[i].is_str) {
                char *v = hm_nix_string(a->args[i].value);
                sb_printf(&b, " ${%s} = %s;", name, v);
                free(v);
            } else
                sb_printf(&b, " ${%s} = (%s\n);", name, a->args[i].value);
            free(name);
        }
        sb_adds(&b, " }");
    }
    sb_printf(&b, "); in %s", what);
    free(conf_lit);
    free(mods);
    struct eval_job j = {.a = a, .store_dir = store_dir, .expr = sb_str(&b)};
    char *cache = NULL;
    const char *no_cache = getenv("HEARTH_NO_EVAL_CACHE");
    if (state_dir && !(no_cache && no_cache[0])) {
        char *key = cache_key(a, conf, store_dir, j.expr);
        cache = key ? eval_cache_path(state_dir, key) : NULL;
        free(key);
        char *hit = cache ? eval_cache_lookup(cache, store_dir) : NULL;
        if (hit) {
            if (a->verbose) fprintf(stderr, "Using the cached evaluation %s\n", cache);
            free(cache);
            if (is_null) *is_null = false;
            return hit;
        }
        j.inputs = eval_inputs_new();
    }
    eval_run_big_stack(eval_thread, &j);
    /* A dry run leaves hearth's state as it was, the cache included. */
    if (cache && j.result && !j.err && !a->dry_run) eval_cache_store(cache, j.inputs, j.result);
    eval_inputs_free(j.inputs);
    free(cache);
    if (is_null) *is_null = j.is_null;
    if (j.err) {
        *err = j.err;
        free(j.result);
        return NULL;
    }
    if (!j.result && !j.is_null) *err = strdup("error: the evaluation gave no result\n");
    return j.result;
}
