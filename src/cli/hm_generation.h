/* src/cli/hm_generation.h: evaluate a configuration, build its generation, activate it.
 *
 * Owns: the steps `build`, `switch` and `instantiate` share: one evaluation that gives the
 * generation spec, the news and the systemd switch settings; writing the spec and building
 * it with gen_build; activating with the systemd switch as the reloadSystemd step; and the
 * news notice Home Manager prints after a build or switch. */
#ifndef HEARTH_CLI_HM_GENERATION_H
#define HEARTH_CLI_HM_GENERATION_H

#include "cli/config_eval.h"
#include "store/profile.h"

#include <stdbool.h>

struct hm_evaluated {
    char *conf; /* the configuration file */
    char *spec; /* generation spec JSON */
    char *news; /* news JSON: { display, entries: [ { id, time, message } ] } */
    unsigned timeout_ms;
    bool suggest_services; /* startServices = "suggest" or false: print the commands, do not
                            * switch systemd units (launchd agents are switched anyway) */
};

/* Finds and evaluates the configuration. Returns 0, or prints the error (Nix's text, or Home
 * Manager's message for a missing file) and returns 1. */
int hm_evaluate(const struct hm_args *a, const struct hearth_paths *paths, struct hm_evaluated *ev);
void hm_evaluated_free(struct hm_evaluated *ev);

/* Builds the spec's generation into the store; returns its path (malloc'd), or prints the
 * error and returns NULL. */
char *hm_build(const struct hm_args *a, const struct hearth_paths *paths, const char *spec);

/* Activates `gen` (use_id > 0: as that existing generation). Returns the exit code. */
int hm_activate(const struct hm_args *a, const struct hearth_paths *paths, const char *gen,
                const struct hm_evaluated *ev);

/* Builds `spec` and activates it, holding the activation lock from before the build until
 * the end (so that no gc removes the new generation in between). Returns the exit code. */
int hm_build_and_activate(const struct hm_args *a, const struct hearth_paths *paths,
                          const char *spec, const struct hm_evaluated *ev);

/* "There are N unread and relevant news items." as Home Manager says it after a build or a
 * switch, or the items themselves with news.display = "show". */
void hm_news_notice(const struct hm_args *a, const char *news_json);

/* $XDG_DATA_HOME/home-manager/news-read-ids (malloc'd), and its text ("" when missing). */
char *hm_news_read_ids_path(void);
char *hm_news_read_ids(void);

/* Appends the news JSON's unreadIds to the read ids. */
struct json_object;
int hm_news_mark_read(struct json_object *news);

#endif
