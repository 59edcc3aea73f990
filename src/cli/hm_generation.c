/* src/cli/hm_generation.c: see hm_generation.h. */
#include "cli/hm_generation.h"

#include "activate/activate.h"
#include "services/activation.h"
#include "store/build.h"
#include "store/generation.h"

#include <errno.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One evaluation, four lines: spec, news, the switch timeout, how to switch services. false
 * is "suggest", as in Home Manager: the commands are printed, nothing is switched. */
static const char *const EVAL_WHAT =
    "let c = r.config; s = c.systemd.user or { }; in r.activationSpec + \"\\n\" + r.news %s"
    " + \"\\n\" + toString (s.servicesStartTimeoutMs or 0) + \"\\n\""
    " + (let v = s.startServices or true; in"
    " if v == false || v == \"suggest\" then \"suggest\" else \"1\")";

char *hm_news_read_ids(void) {
    char *idsp = hm_news_read_ids_path();
    char *ids = NULL;
    FILE *f = idsp ? fopen(idsp, "r") : NULL;
    if (f) {
        size_t cap = 0;
        if (getdelim(&ids, &cap, 0, f) < 0) {
            free(ids);
            ids = NULL;
        }
        fclose(f);
    }
    free(idsp);
    return ids ? ids : strdup("");
}

int hm_evaluate(const struct hm_args *a, const struct hearth_paths *paths,
                struct hm_evaluated *ev) {
    memset(ev, 0, sizeof *ev);
    char *err = NULL;
    ev->conf = hm_config_file(a, &err);
    if (!ev->conf) {
        fprintf(stderr, "%s\n", err);
        free(err);
        return 1;
    }
    if (a->verbose) fprintf(stderr, "Evaluating %s\n", ev->conf);
    char *ids = hm_news_read_ids();
    char *ids_lit = hm_nix_string(ids);
    char *what = NULL;
    if (asprintf(&what, EVAL_WHAT, ids_lit) < 0) what = NULL;
    free(ids);
    free(ids_lit);
    char *out =
        what ? hm_eval_cached(a, ev->conf, paths->store_dir, paths->state_dir, what, NULL, &err)
             : NULL;
    free(what);
    if (!out) {
        fputs(err, stderr);
        free(err);
        return 1;
    }
    char *l2 = strchr(out, '\n');
    char *l3 = l2 ? strchr(l2 + 1, '\n') : NULL;
    char *l4 = l3 ? strchr(l3 + 1, '\n') : NULL;
    if (!l4) {
        free(out);
        fprintf(stderr, "error: the configuration's evaluation gave an unexpected result\n");
        return 1;
    }
    *l2 = *l3 = *l4 = 0;
    ev->spec = strdup(out);
    ev->news = strdup(l2 + 1);
    ev->timeout_ms = (unsigned)strtoul(l3 + 1, NULL, 10);
    ev->suggest_services = strcmp(l4 + 1, "suggest") == 0;
    free(out);
    return 0;
}

void hm_evaluated_free(struct hm_evaluated *ev) {
    free(ev->conf);
    free(ev->spec);
    free(ev->news);
}

char *hm_build(const struct hm_args *a, const struct hearth_paths *paths, const char *spec) {
    char *err = NULL;
    if (hearth_paths_create(paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a->prog, err);
        free(err);
        return NULL;
    }
    /* The derivations the generation needs (packages, files made by builders) first. */
    struct build_options bo = {.store_dir = paths->store_dir,
                               .progress = a->verbose ? stderr : NULL};
    if (build_realise_spec(&bo, spec, &err) != 0) {
        fprintf(stderr, "error: %s\n", err ? err : "cannot build the generation's packages");
        free(err);
        return NULL;
    }
    /* The spec is a temporary file outside HOME, so a dry run leaves HOME as it was. */
    char tmpl[4096];
    const char *tmpdir = getenv("TMPDIR");
    snprintf(tmpl, sizeof tmpl, "%s/hearth-spec-XXXXXX.json",
             tmpdir && tmpdir[0] == '/' ? tmpdir : "/tmp");
    int fd = mkstemps(tmpl, 5);
    if (fd < 0) {
        fprintf(stderr, "%s: cannot write the generation spec %s: %s\n", a->prog, tmpl,
                strerror(errno));
        return NULL;
    }
    size_t len = strlen(spec);
    bool ok = write(fd, spec, len) == (ssize_t)len;
    close(fd);
    char *gen = NULL;
    if (!ok)
        fprintf(stderr, "%s: cannot write the generation spec %s\n", a->prog, tmpl);
    else {
        gen = gen_build(paths->store_dir, tmpl, &err);
        if (!gen) fprintf(stderr, "error: %s\n", err ? err : "cannot build the generation");
        free(err);
    }
    unlink(tmpl);
    if (gen && a->verbose) fprintf(stderr, "Built %s\n", gen);
    return gen;
}

static int activate_locked(const struct hm_args *a, const struct hearth_paths *paths,
                           const char *gen, const struct hm_evaluated *ev, bool lock_held) {
    struct activate_options o = {0};
    o.lock_held = lock_held;
    o.paths = paths;
    o.out = stdout;
    o.log = stderr;
    o.backup_ext = a->backup_ext;
    const char *ow = getenv("HOME_MANAGER_BACKUP_OVERWRITE");
    o.backup_overwrite = ow && ow[0];
    const char *fault = getenv("HEARTH_FAULT_AFTER");
    if (fault && fault[0]) o.fault_after = strtol(fault, NULL, 10);
    o.dry_run = a->dry_run;
    o.verbose = a->verbose;
    struct services_activation sa = {0};
    sa.timeout_ms = ev ? ev->timeout_ms : 0;
    sa.verbose = a->verbose;
    sa.suggest = ev && ev->suggest_services;
    sa.out = stdout;
    /* Always: "suggest" still prints the commands, and launchd agents do not depend on
     * startServices (Home Manager's setupLaunchAgents is a step of its own). */
    o.reload_services = services_activation_reload;
    o.reload_ctx = &sa;
    char *err = NULL;
    int rc = 0;
    if (activate_generation(&o, gen, &err) != 0) {
        fprintf(stderr, "%s\n", err ? err : "activation failed");
        rc = 1;
    }
    free(err);
    services_report_free(&sa.report);
    return rc;
}

int hm_activate(const struct hm_args *a, const struct hearth_paths *paths, const char *gen,
                const struct hm_evaluated *ev) {
    return activate_locked(a, paths, gen, ev, false);
}

int hm_build_and_activate(const struct hm_args *a, const struct hearth_paths *paths,
                          const char *spec, const struct hm_evaluated *ev) {
    char *err = NULL;
    if (hearth_paths_create(paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a->prog, err);
        free(err);
        return 1;
    }
    int lock = hearth_lock(paths, !a->dry_run, &err);
    if (lock == -1) {
        fprintf(stderr, "%s\n", err ? err : "cannot take the activation lock");
        free(err);
        return 1;
    }
    char *gen = hm_build(a, paths, spec);
    int rc = gen ? activate_locked(a, paths, gen, ev, lock >= 0) : 1;
    free(gen);
    if (lock >= 0) hearth_unlock(lock);
    return rc;
}

char *hm_news_read_ids_path(void) {
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char *p = NULL;
    if (xdg && xdg[0] == '/') {
        if (asprintf(&p, "%s/home-manager/news-read-ids", xdg) < 0) p = NULL;
    } else if (asprintf(&p, "%s/.local/share/home-manager/news-read-ids", home ? home : "") < 0)
        p = NULL;
    return p;
}

int hm_news_mark_read(json_object *news) {
    json_object *ids = NULL;
    if (!json_object_object_get_ex(news, "unreadIds", &ids) || !json_object_array_length(ids))
        return 0;
    char *p = hm_news_read_ids_path();
    if (!p) return -1;
    char *slash = strrchr(p, '/');
    *slash = 0;
    hearth_mkdir_p(p, 0755);
    *slash = '/';
    FILE *f = fopen(p, "a");
    free(p);
    if (!f) return -1;
    for (size_t i = 0; i < json_object_array_length(ids); i++)
        fprintf(f, "%s\n", json_object_get_string(json_object_array_get_idx(ids, i)));
    return fclose(f);
}

void hm_news_notice(const struct hm_args *a, const char *news_json) {
    json_object *root = json_tokener_parse(news_json);
    if (!root) return;
    json_object *disp = NULL, *ids = NULL, *text = NULL;
    json_object_object_get_ex(root, "display", &disp);
    json_object_object_get_ex(root, "unreadIds", &ids);
    json_object_object_get_ex(root, "unread", &text);
    const char *display = disp ? json_object_get_string(disp) : "notify";
    size_t unread = ids ? json_object_array_length(ids) : 0;
    if (unread && !strcmp(display, "notify")) {
        if (unread == 1)
            printf("\nThere is %zu unread and relevant news item.\n"
                   "Read it by running the command \"%s news\".\n",
                   unread, a->prog);
        else
            printf("\nThere are %zu unread and relevant news items.\n"
                   "Read them by running the command \"%s news\".\n",
                   unread, a->prog);
    } else if (unread && !strcmp(display, "show") && !a->dry_run) {
        fputs(json_object_get_string(text), stdout);
        hm_news_mark_read(root);
    }
    json_object_put(root);
}
