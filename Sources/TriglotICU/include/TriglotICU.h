// TriglotICU: the only code in Triglot that sees the system ICU headers.
//
// Foundation carries a private copy of ICU whose types clash with the system headers, so the Swift targets
// reach ICU through this plain-typed C interface. All text is UTF-8; all offsets are UTF-8 byte offsets.
#ifndef TRIGLOT_ICU_H
#define TRIGLOT_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU sentence break iterator. Not thread-safe: use one per task.
typedef struct tg_breaker tg_breaker;

/// Opens a sentence break iterator with ICU's rules for `locale` ("vi", "fr", "en", ...).
/// Returns NULL on failure and stores the ICU error code in `*status`.
tg_breaker *tg_sentence_breaker_open(const char *locale, int32_t *status);

/// Closes an iterator opened by `tg_sentence_breaker_open`. Accepts NULL.
void tg_breaker_close(tg_breaker *breaker);

/// Finds ICU's sentence boundaries in `text[0 ..< length]` (UTF-8, not NUL-terminated).
///
/// Writes up to `capacity` boundaries: the byte offset where each sentence ends (the final one is `length`) and
/// ICU's rule status for it (0..<100: ended by . ! ?; 100..<200: ended by a line separator).
/// Returns the number of boundaries found, which may exceed `capacity` (call again with more room), or -1 on error.
/// ICU reads the text converted to UTF-16 in the breaker's buffer (faster than its UTF-8 reader), or through its
/// UTF-8 reader when `read_utf8` is non-zero, the text is not valid UTF-8, or it is too long for 32-bit indexes; the
/// boundaries are the same either way.
int64_t tg_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t read_utf8,
                               int64_t *offsets, int32_t *statuses, int64_t capacity, int32_t *status);

/// Counts ICU's sentence boundaries in `text` without recording them: bare ICU, the baseline for benchmarks.
/// ICU reads the text through its UTF-8 reader when `read_utf8` is non-zero, else converted to UTF-16.
int64_t tg_count_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t read_utf8,
                                     int32_t *status);

/// What `scalar` is to ICU's sentence break rules, for `tg_sentence_break_kind`.
enum {
    /// Anything else.
    TG_SB_OTHER = 0,
    /// A sentence terminator (Sentence_Break STerm or ATerm: `.` `!` `?` `。` `؟` ...). Inside a line, ICU puts a
    /// sentence boundary only after one.
    TG_SB_TERMINATOR = 1,
    /// Closing punctuation, or a character that belongs to the one before it (Sentence_Break Close, Extend, Format).
    TG_SB_CLOSING = 2
};

/// What `scalar` is to ICU's sentence break rules: TG_SB_TERMINATOR, TG_SB_CLOSING or TG_SB_OTHER.
int32_t tg_sentence_break_kind(int32_t scalar);

/// Normalisation forms for `tg_normalize_utf8`.
enum { TG_NFC = 0, TG_NFD = 1 };

/// Normalises UTF-8 `text` to `form` (TG_NFC or TG_NFD), writing UTF-8 to `out`.
/// Returns the length of the result in bytes, which may exceed `capacity` (call again with more room), or -1.
int64_t tg_normalize_utf8(int32_t form, const uint8_t *text, int64_t length,
                          uint8_t *out, int64_t capacity, int32_t *status);

/// Writes the ICU version in use, e.g. "72.1", NUL-terminated, into `out` (at least 20 bytes).
void tg_icu_version(char *out);

/// ICU's name for an error code, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
const char *tg_error_name(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
