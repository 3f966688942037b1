/*
 * shim.h - the C side of Byline's libedit line editor.
 *
 * libedit's configuration calls (el_set, history) are variadic, and Swift
 * cannot call variadic C functions. Each call Byline needs is wrapped here in
 * a small non-variadic `static inline` function. The prompt callback, the
 * SIGINT flag and the SIGINT handler also live here, because a signal handler
 * must only touch async-signal-safe state (a volatile sig_atomic_t).
 *
 * Only the LineEditor Swift module imports this header; the `static` state
 * below therefore exists once in the program.
 */
#ifndef BYLINE_CEDITLINE_SHIM_H
#define BYLINE_CEDITLINE_SHIM_H

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <histedit.h>

/* ---- Prompt ---------------------------------------------------------- */

/* Current prompt text, owned by this header (strdup'ed). */
static char *byline_prompt_text = NULL;

/* Prompt callback handed to libedit; returns the current prompt buffer. */
static char *byline_prompt_callback(EditLine *el) {
  (void)el;
  return byline_prompt_text != NULL ? byline_prompt_text : (char *)"";
}

/* Replaces the prompt text; returns 0 on success, -1 if out of memory. */
static inline int byline_set_prompt_text(const char *text) {
  char *copy = strdup(text != NULL ? text : "");
  if (copy == NULL) return -1;
  free(byline_prompt_text);
  byline_prompt_text = copy;
  return 0;
}

/* ---- el_set wrappers ------------------------------------------------- */

/*
 * Installs the prompt callback. Characters between two '\1' bytes in the
 * prompt are treated as non-printing (e.g. colour escape sequences).
 */
static inline int byline_el_set_prompt(EditLine *el) {
  return el_set(el, EL_PROMPT_ESC, byline_prompt_callback, '\1');
}

/* Selects the key map: "emacs" or "vi". */
static inline int byline_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/* Connects a history object so Up/Down and searches use it. */
static inline int byline_el_set_history(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

/* Enables (1) or disables (0) libedit's own signal handling. */
static inline int byline_el_set_signal(EditLine *el, int on) {
  return el_set(el, EL_SIGNAL, on);
}

/* Type of an editor function added with EL_ADDFN. */
typedef unsigned char (*byline_el_function)(EditLine *, int);

/* Registers a named editor function. */
static inline int byline_el_add_function(EditLine *el, const char *name,
                                         const char *help,
                                         byline_el_function fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

/* Binds a key sequence (e.g. "^I") to a named editor function. */
static inline int byline_el_bind(EditLine *el, const char *key,
                                 const char *function) {
  return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

/* ---- history() wrappers ---------------------------------------------- */

/* Caps the number of entries kept in memory (and therefore saved). */
static inline int byline_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}

/* Drops an entry equal to the previous one when non-zero. */
static inline int byline_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}

/* Adds a new entry. */
static inline int byline_history_enter(History *h, const char *line) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, line);
}

/* Loads a history file; returns the entry count or -1 (e.g. missing file). */
static inline int byline_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}

/* Writes all entries to an open stream; returns the count or -1. */
static inline int byline_history_save_fp(History *h, FILE *fp) {
  HistEvent ev;
  return history(h, &ev, H_SAVE_FP, fp);
}

/* Number of entries currently held. */
static inline int byline_history_count(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_GETSIZE) == -1) return 0;
  return ev.num;
}

/* ---- SIGINT ---------------------------------------------------------- */

/* Set by the SIGINT handler; read and cleared from Swift. */
static volatile sig_atomic_t byline_sigint_flag = 0;

static void byline_sigint_handler(int signo) {
  (void)signo;
  byline_sigint_flag = 1;
}

/*
 * Installs the SIGINT handler. With restart == 0 a blocked read() returns
 * EINTR (so el_gets returns -1); with restart != 0 other I/O in the program
 * is not disturbed by a Ctrl-C.
 */
static inline int byline_install_sigint(int restart) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = byline_sigint_handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = restart ? SA_RESTART : 0;
  return sigaction(SIGINT, &sa, NULL);
}

/* Non-zero when a SIGINT arrived since the last reset. */
static inline int byline_sigint_pending(void) { return byline_sigint_flag != 0; }

/* Clears the SIGINT flag. */
static inline void byline_sigint_reset(void) { byline_sigint_flag = 0; }

/* Current errno, for Swift callers that cannot read the macro reliably. */
static inline int byline_errno(void) { return errno; }

#endif /* BYLINE_CEDITLINE_SHIM_H */
