/* LD_PRELOAD shim for tests/activate: renameat2 with any flag fails with EINVAL, as it does on
 * file systems (and kernels before 3.15) that cannot exchange or refuse to replace. Activation
 * must then fall back to checking right before a plain renameat; the suite runs its collision
 * and race scenarios again under this shim. Each refused call appends a line to the file named
 * by HEARTH_TEST_RENAME_LOG, so that the suite can tell the fallback was really taken. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags) {
    if (flags == 0) return renameat(olddirfd, oldpath, newdirfd, newpath);
    const char *log = getenv("HEARTH_TEST_RENAME_LOG");
    if (log) {
        int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (fd >= 0) {
            char line[64];
            int n = snprintf(line, sizeof line, "refused flags %u\n", flags);
            /* Only a count for the test: a failed write shows as a missing line. */
            if (n > 0 && write(fd, line, (size_t)n) != n) n = 0;
            close(fd);
        }
    }
    errno = EINVAL;
    return -1;
}
