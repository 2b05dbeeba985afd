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
    return breaker;
}

void tg_breaker_close(tg_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
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

int64_t tg_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length,
                               int64_t *offsets, int32_t *statuses, int64_t capacity, int32_t *status) {
    if (length == 0) { *status = 0; return 0; }
    UText ut = UTEXT_INITIALIZER;
    if (!attach(breaker, &ut, text, length, status)) { utext_close(&ut); return -1; }
    int64_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t b = ubrk_next(breaker->iterator); b != UBRK_DONE; b = ubrk_next(breaker->iterator)) {
        if (count < capacity) {
            offsets[count] = b;
            statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        }
        count += 1;
    }
    utext_close(&ut);
    return count;
}

int64_t tg_count_sentence_boundaries(tg_breaker *breaker, const uint8_t *text, int64_t length, int32_t *status) {
    if (length == 0) { *status = 0; return 0; }
    UText ut = UTEXT_INITIALIZER;
    if (!attach(breaker, &ut, text, length, status)) { utext_close(&ut); return -1; }
    int64_t count = 0;
    ubrk_first(breaker->iterator);
    while (ubrk_next(breaker->iterator) != UBRK_DONE) count += 1;
    utext_close(&ut);
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
