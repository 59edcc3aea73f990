/* src/cli/cmd_news.c: `hearth news`, as `home-manager news`: shows every relevant news entry
 * of the configuration, newest first, flagged [read] or [unread], then records them as read
 * in $XDG_DATA_HOME/home-manager/news-read-ids (Home Manager pipes them through $PAGER; so
 * does hearth when the output is a terminal and PAGER is set). */
#include "cli/commands.h"
#include "cli/hm_generation.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cmd_news(const struct cli_invocation *inv) {
    struct hm_args a;
    int rc = hm_args_parse(inv, &a);
    if (rc) return rc;
    struct hearth_paths paths;
    char *err = NULL;
    if (hearth_paths_init(&paths, &err) != 0) {
        fprintf(stderr, "%s: %s\n", a.prog, err);
        free(err);
        hm_args_free(&a);
        return 1;
    }
    struct hm_evaluated ev;
    rc = hm_evaluate(&a, &paths, &ev);
    if (rc == 0) {
        json_object *root = json_tokener_parse(ev.news);
        json_object *all = NULL;
        if (!root || !json_object_object_get_ex(root, "all", &all)) {
            fprintf(stderr, "error: cannot read the news\n");
            rc = 1;
        } else {
            const char *text = json_object_get_string(all);
            const char *pager = getenv("PAGER");
            FILE *out = NULL;
            if (pager && pager[0] && isatty(1)) out = popen(pager, "w");
            fputs(text, out ? out : stdout);
            if (out) pclose(out);
            if (!a.dry_run) hm_news_mark_read(root);
        }
        if (root) json_object_put(root);
    }
    hm_evaluated_free(&ev);
    hearth_paths_free(&paths);
    hm_args_free(&a);
    return rc;
}
