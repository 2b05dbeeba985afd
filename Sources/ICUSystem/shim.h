// The system ICU (libicu-dev). Only the C target TriglotICU includes these headers:
// Swift targets that import Foundation must never see them (Foundation carries its own ICU).
#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
