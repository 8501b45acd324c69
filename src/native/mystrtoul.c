/* PyOS_strtoul / PyOS_strtol: strtoul-like parsing with Python's literal prefixes, in C
   because overflow is reported through errno. */
#include "pycapi_runtime.h"
#include <errno.h>
#include <limits.h>

static int is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

/* Skips a 0x / 0o / 0b prefix matching the base; 0 when the prefix is not followed by a
   digit of that base (nothing is parsed then). */
static int skip_prefix(const char **s, int base) {
    char p = (*s)[1] | 0x20;
    if ((*s)[0] == '0' && ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b'))) {
        if (digit_value((*s)[2]) >= base) {
            *s += 1; /* points at the prefix letter, as CPython leaves it */
            return 0;
        }
        *s += 2;
    }
    return 1;
}

unsigned long PyOS_strtoul(const char *str, char **ptr, int base) {
    unsigned long result = 0;
    int overflowed = 0;
    while (*str && is_space(*str)) {
        str++;
    }
    if (base == 0) {
        if (*str != '0') {
            base = 10;
        } else {
            char p = str[1] | 0x20;
            base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (base == 0) {
                /* "0", "00", ...: zero (a nonzero C-style octal is not accepted) */
                while (*str == '0') str++;
                while (is_space(*str)) str++;
                if (ptr) *ptr = (char *)str;
                return 0;
            }
        }
    }
    if (base < 2 || base > 36 || !skip_prefix(&str, base)) {
        if (ptr) *ptr = (char *)str;
        return 0;
    }
    while (*str == '0') {
        str++;
    }
    int c;
    while ((c = digit_value(*str)) < base) {
        if (!overflowed) {
            if (result > (ULONG_MAX - (unsigned long)c) / (unsigned long)base) {
                overflowed = 1;
            } else {
                result = result * (unsigned long)base + (unsigned long)c;
            }
        }
        str++;
    }
    if (ptr) *ptr = (char *)str;
    if (overflowed) {
        errno = ERANGE;
        return (unsigned long)-1;
    }
    return result;
}

long PyOS_strtol(const char *str, char **ptr, int base) {
    while (*str && is_space(*str)) {
        str++;
    }
    char sign = *str;
    if (sign == '+' || sign == '-') {
        str++;
    }
    unsigned long magnitude = PyOS_strtoul(str, ptr, base);
    if (magnitude <= (unsigned long)LONG_MAX) {
        return sign == '-' ? -(long)magnitude : (long)magnitude;
    }
    if (sign == '-' && magnitude == 0 - (unsigned long)LONG_MIN) {
        return LONG_MIN;
    }
    errno = ERANGE;
    return LONG_MAX;
}
