/* heap_pages.c: owns how the evaluator heap's memory is mapped.
 *
 * libgc maps its heap sections with anonymous mmap.  On Linux each first touch of a 4 KiB page
 * is a page fault; in the VMs hearth is built and measured on a fault costs several microseconds,
 * so an evaluation that grows the heap to 100 MB spends more time in the kernel than in the
 * evaluator.  Transparent huge pages cut the faults 512-fold, but distributions set them to
 * "madvise", and libgc has no hook for the memory it maps.  So this file defines mmap itself:
 * the executable's definition takes precedence over libc's for every shared library (ELF symbol
 * interposition), it makes the same system call, and asks for huge pages on large private
 * anonymous writable mappings, which is what libgc's heap sections are.  Everything else passes
 * through untouched.  It is linked only into unsanitized builds (ASan intercepts mmap itself);
 * HEARTH_NO_HUGEPAGES=1 turns it off for measuring. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define HUGE_PAGE_SIZE ((size_t)2 << 20)

/* Named by assembler label: <sys/mman.h> renames mmap to mmap64 under _FILE_OFFSET_BITS=64,
 * while libgc calls plain mmap (the same call on 64-bit Linux). */
void *hearth_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) __asm__("mmap");

void *hearth_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off) {
    long r = syscall(SYS_mmap, addr, len, prot, flags, fd, off);
    if (r < 0 && r > -4096) { /* syscall() already set errno and returned -1 */
        return MAP_FAILED;
    }
    void *p = (void *)r;
    if (p != MAP_FAILED && len >= HUGE_PAGE_SIZE && (flags & MAP_ANONYMOUS) &&
        (flags & MAP_PRIVATE) && !(flags & MAP_STACK) && (prot & PROT_WRITE)) {
        const char *off_switch = getenv("HEARTH_NO_HUGEPAGES");
        if (!off_switch || off_switch[0] != '1') {
            int saved = errno; /* a refusal (no THP in this kernel) is not the caller's error */
            (void)madvise(p, len, MADV_HUGEPAGE);
            errno = saved;
        }
    }
    return p;
}
