/* str's case methods and character tests on ASCII, Latin-1, BMP and astral text: full
   (one-to-many) mappings, title case forms, case folding, the final sigma, characters that
   are lower or upper case without being letters, numeric ideographs, identifiers. */
#include "conformance.h"

static const char *methods[] = {"upper", "lower", "casefold", "capitalize", "swapcase", "title",
                                "isupper", "islower", "istitle", "isalpha", "isalnum", "isnumeric", "isdigit", "isdecimal", "isidentifier"};

static const char *texts[] = {
    "", "hello World", "HELLO", "hello", "a1 b2", "stra\xc3\x9f" "e", "\xc3\x9f", "\xc3\xbf", "\xc2\xaa\xc2\xba", "\xc2\xb5",
    "\xc2\xb2\xc2\xb3", "\xc2\xbd", "\xc4\xb0stanbul", "\xc4\xb1", "\xc5\xbf", "\xc5\x89", "\xc7\x84\xc7\x85\xc7\x86", "\xc7\x86ungla",
    "\xc7\x85", "\xef\xac\x81n", "\xce\xa3", "\xce\x91\xce\xa3", "\xce\x91\xce\xa3\xce\x91", "\xce\x91\xce\xa3 \xce\xa3",
    "\xce\x91'\xce\xa3'", "\xce\x91\xce\xa3.", "\xe1\xbe\x80", "\xe1\xbe\xb3", "\xe1\xba\x9e", "\xe2\x85\xa0\xe2\x85\xb0",
    "\xe2\x92\xb6\xe2\x93\x90", "\xca\xb0", "\xe4\xb8\x83\xe5\x8d\x83", "\xd9\xa3", "\xe2\x91\xa0",
    "\xf0\x90\x90\x80\xf0\x90\x90\xa8", "\xf0\x90\x90\xa8\xf0\x90\x90\xa8 \xf0\x90\x90\x80\xf0\x90\x90\x80",
    "\xf0\x9d\x90\x80", "\xf0\x9f\x84\xb0", "\xf0\x9d\x9f\x8e", "\xf0\x9f\x98\x80" "a", "\xf0\xa0\x80\x81",
    "\xc3\xa9t\xc3\xa9 \xc3\x89T\xc3\x89", "\xe1\x8e\xa0\xea\xad\xb0",
    /* identifiers with Other_ID_Start / Other_ID_Continue characters */
    "a\xc2\xb7", "\xc2\xb7", "\xe2\x84\x98", "\xe2\x84\xae" "x", "a\xe1\x8d\xa9", "x\xe1\xa7\x9a", "\xe1\xa2\x85", "_1", "1_",
};

int main(void)
{
    conf_init();
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        PyObject *s = PyUnicode_FromString(texts[t]);
        PyObject *r = PyObject_Repr(s);
        for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++) {
            PyObject *label = PyUnicode_FromFormat("%U.%s()", r, methods[m]);
            show_new(PyUnicode_AsUTF8(label), PyObject_CallMethod(s, methods[m], NULL));
            Py_DECREF(label);
        }
        Py_DECREF(r);
        Py_DECREF(s);
    }
    return conf_end();
}
