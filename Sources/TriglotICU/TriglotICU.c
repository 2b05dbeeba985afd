#include "TriglotICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct tg_breaker {
    UBreakIterator *iterator;
    // The text being broken, converted to UTF-16 (ICU's own encoding), reused from call to call.
    UChar *units;
    int32_t unitCapacity;
};

tg_breaker *tg_sentence_breaker_open(const char *locale, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &error);
    *status = (int32_t)error;
    if (U_FAILURE(error) || iterator == NULL) {
        return NULL;
    }
    tg_breaker *breaker = malloc(sizeof(tg_breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->units = NULL;
    breaker->unitCapacity = 0;
    return breaker;
}

void tg_breaker_close(tg_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker->units);
    free(breaker);
}

// Points the iterator at `text` without copying (UTF-8 native indexes are byte offsets).
static int attach(tg_breaker *breaker, UText *ut, const uint8_t *text, int64_t length, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    utext_openUTF8(ut, (const char *)text, length, &error);
    if (U_SUCCESS(error)) {
        ubrk_setUText(breaker->iterator, ut, &error);
    }
    *status = (int32_t)error;
    return U_SUCCESS(error);
}

// Buffers above this many UTF-16 units are given back once a text is broken, so that an iterator kept in a pool
// does not hold on to one enormous paragraph's copy.
static const int32_t keptUnits = 1 << 20;

// Points the iterator at `text` converted to UTF-16 in the breaker's buffer. ICU reads UTF-16 directly, where a
// UTF-8 UText makes it convert chunk by chunk behind every access: converting once is faster. Returns 0 (and
// leaves `*status` at 0) when the text cannot take this path: too long for ICU's 32-bit UTF-16 indexes, or not
// valid UTF-8 (whose substitutions would make the offsets ambiguous).
static int attachUTF16(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status) {
    *status = 0;
    if (length >= INT32_MAX / 2) return 0;
    if (breaker->unitCapacity < length + 1) {
        int32_t capacity = (int32_t)length + 1;
        if (capacity < 256) capacity = 256;
        UChar *units = realloc(breaker->units, sizeof(UChar) * (size_t)capacity);
        if (units == NULL) return 0;
        breaker->units = units;
        breaker->unitCapacity = capacity;
    }
    UErrorCode error = U_ZERO_ERROR;
    int32_t unitCount = 0;
    int32_t substitutions = 0;
    u_strFromUTF8WithSub(breaker->units, breaker->unitCapacity, &unitCount, (const char *)text, (int32_t)length,
                         0xFFFD, &substitutions, &error);
    if (U_FAILURE(error) || substitutions > 0) return 0;
    ubrk_setText(breaker->iterator, breaker->units, unitCount, &error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return 0; }
    return 1;
}

// How the iterator reads the text it was pointed at.
enum { READ_FAILED = 0, READ_UTF16 = 1, READ_UTF8 = 2 };

// Points the iterator at `text`: converted to UTF-16 unless `read_utf8` is set or the text cannot take that path,
// else through a UTF-8 UText opened in `ut`. Returns how it reads, or READ_FAILED with the ICU error in `*status`.
static int attachEither(tg_breaker *breaker, UText *ut, const uint8_t *text, int64_t length, int32_t read_utf8,
                        int32_t *status) {
    if (!read_utf8 && attachUTF16(breaker, text, length, status)) return READ_UTF16;
    if (*status != 0) return READ_FAILED;
    return attach(breaker, ut, text, length, status) ? READ_UTF8 : READ_FAILED;
}

// Undoes `attachEither` once the text is broken: closes the UText, or gives back a UTF-16 copy larger than
// `keptUnits` (pointing the iterator at an empty text first).
static void detach(tg_breaker *breaker, UText *ut, int reading) {
    if (reading != READ_UTF16) { utext_close(ut); return; }
    if (breaker->unitCapacity <= keptUnits) return;
    static const UChar empty[1] = {0};
    UErrorCode error = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, empty, 0, &error);
    free(breaker->units);
    breaker->units = NULL;
    breaker->unitCapacity = 0;
}

int64_t tg_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t read_utf8,
                               int64_t *offsets, int32_t *statuses, int64_t capacity, int32_t *status) {
    if (length == 0) { *status = 0; return 0; }
    UText ut = UTEXT_INITIALIZER;
    int reading = attachEither(breaker, &ut, text, length, read_utf8, status);
    if (reading == READ_FAILED) { utext_close(&ut); return -1; }
    int64_t count = 0;
    // Read as UTF-16, boundaries go back to UTF-8 offsets by walking both forward (they come in increasing order).
    int64_t byte = 0;
    int32_t unit = 0;
    ubrk_first(breaker->iterator);
    for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
        int64_t offset = b;
        if (reading == READ_UTF16) {
            while (unit < b && byte < length) {
                uint8_t lead = text[byte];
                if (lead < 0x80) { byte += 1; unit += 1; }
                else if (lead < 0xE0) { byte += 2; unit += 1; }
                else if (lead < 0xF0) { byte += 3; unit += 1; }
                else { byte += 4; unit += 2; }
            }
            offset = byte;
        }
        if (count < capacity) {
            offsets[count] = offset;
            statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count += 1;
    }
    detach(breaker, &ut, reading);
    return count;
}

int64_t tg_count_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t read_utf8,
                                     int32_t *status) {
    if (length == 0) { *status = 0; return 0; }
    UText ut = UTEXT_INITIALIZER;
    int reading = attachEither(breaker, &ut, text, length, read_utf8, status);
    if (reading == READ_FAILED) { utext_close(&ut); return -1; }
    int64_t count = 0;
    ubrk_first(breaker->iterator);
    while (ubrk_next(breaker->iterator) != UBRK_DONE) count += 1;
    detach(breaker, &ut, reading);
    return count;
}

int32_t tg_sentence_break_kind(int32_t scalar) {
    switch (u_getIntPropertyValue((UChar32)scalar, UCHAR_SENTENCE_BREAK)) {
    case U_SB_STERM:
    case U_SB_ATERM:
        return TG_SB_TERMINATOR;
    case U_SB_CLOSE:
    case U_SB_EXTEND:
    case U_SB_FORMAT:
        return TG_SB_CLOSING;
    default:
        return TG_SB_OTHER;
    }
}

int64_t tg_normalize_utf8(int32_t form, const uint8_t *text, int64_t length,
                          uint8_t *out, int64_t capacity, int32_t *status) {
    UErrorCode error = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = form == TG_NFD ? unorm2_getNFDInstance(&error) : unorm2_getNFCInstance(&error);
    if (U_FAILURE(error)) { *status = (int32_t)error; return -1; }
    if (length > INT32_MAX / 2) { *status = (int32_t)U_INDEX_OUTOFBOUNDS_ERROR; return -1; }

    int32_t utf16Length = 0;
    u_strFromUTF8(NULL, 0, &utf16Length, (const char *)text, (int32_t)length, &error);
    if (error != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(error)) { *status = (int32_t)error; return -1; }
    error = U_ZERO_ERROR;
    UChar *source = malloc(sizeof(UChar) * (size_t)(utf16Length + 1));
    // A decomposition is at most a few times longer than its source; ICU reports the exact need on overflow.
    int32_t room = utf16Length * 3 + 16;
    UChar *normalized = malloc(sizeof(UChar) * (size_t)room);
    if (source == NULL || normalized == NULL) {
        free(source); free(normalized);
        *status = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return -1;
    }
    u_strFromUTF8(source, utf16Length + 1, NULL, (const char *)text, (int32_t)length, &error);
    int32_t normalizedLength = U_SUCCESS(error)
        ? unorm2_normalize(normalizer, source, utf16Length, normalized, room, &error) : 0;
    int32_t utf8Length = 0;
    if (U_SUCCESS(error)) {
        u_strToUTF8((char *)out, capacity > INT32_MAX ? INT32_MAX : (int32_t)capacity, &utf8Length,
                    normalized, normalizedLength, &error);
        if (error == U_BUFFER_OVERFLOW_ERROR || error == U_STRING_NOT_TERMINATED_WARNING) error = U_ZERO_ERROR;
    }
    free(source);
    free(normalized);
    *status = (int32_t)error;
    return U_SUCCESS(error) ? utf8Length : -1;
}

void tg_icu_version(char *out) {
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, out);
}

const char *tg_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}
