/* Formatted exceptions and warnings, and the formatted writers to sys.stdout/sys.stderr:
   PyErr_Format(V), PyErr_WarnFormat, PySys_WriteStdout/Stderr, PySys_FormatStdout/Stderr.
   Behaviour follows CPython 3.11 (Python/errors.c, Python/_warnings.c, Python/sysmodule.c). */
#include "Python.h"
#include "pycapi_internal.h"

PyObject *PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    PyObject *message;

    /* Formatting may run arbitrary code (%R, %S): it must not see a pending exception. */
    PyErr_Clear();
    message = PyUnicode_FromFormatV(format, vargs);
    /* As in CPython, a failed formatting still raises `exception` (without a value). */
    PyErr_SetObject(exception, message);
    Py_XDECREF(message);
    return NULL;
}

PyObject *PyErr_Format(PyObject *exception, const char *format, ...)
{
    va_list va;

    va_start(va, format);
    PyErr_FormatV(exception, format, va);
    va_end(va);
    return NULL;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list va;
    PyObject *message;
    const char *text;
    int res;

    va_start(va, format);
    message = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (message == NULL) {
        return -1;
    }
    text = PyUnicode_AsUTF8(message);
    res = text != NULL ? PyErr_WarnEx(category, text, stack_level) : -1;
    Py_DECREF(message);
    return res;
}

/* file.write(text): 0, or -1 with an exception set (file may be NULL). */
static int sys_file_write(PyObject *file, PyObject *text)
{
    PyObject *write, *result;

    if (file == NULL) {
        return -1;
    }
    write = PyObject_GetAttrString(file, "write");
    if (write == NULL) {
        return -1;
    }
    result = PyObject_CallOneArg(write, text);
    Py_DECREF(write);
    if (result == NULL) {
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

static int sys_file_write_cstr(PyObject *file, const char *s)
{
    PyObject *text;
    int res;

    if (file == NULL) {
        return -1;
    }
    text = PyUnicode_FromString(s);
    if (text == NULL) {
        return -1;
    }
    res = sys_file_write(file, text);
    Py_DECREF(text);
    return res;
}

/* sys.<name>, borrowed; NULL (and no exception) when it is missing. */
static PyObject *sys_file(const char *name)
{
    PyObject *file = PySys_GetObject(name);
    if (file == NULL) {
        PyErr_Clear();
    }
    return file;
}

/* PySys_WriteStdout/Stderr: C printf formatting, at most 1000 bytes (then
   "... truncated"), written to sys.<name>; to the C stream when that fails. */
static void sys_write(const char *name, FILE *fp, const char *format, va_list va)
{
    PyObject *type, *value, *tb, *file;
    char buffer[1001];
    int written;

    PyErr_Fetch(&type, &value, &tb);
    file = sys_file(name);
    written = vsnprintf(buffer, sizeof(buffer), format, va);
    if (sys_file_write_cstr(file, buffer) != 0) {
        PyErr_Clear();
        fputs(buffer, fp);
    }
    if (written < 0 || (size_t)written >= sizeof(buffer)) {
        const char *truncated = "... truncated";
        if (sys_file_write_cstr(file, truncated) != 0) {
            PyErr_Clear();
            fputs(truncated, fp);
        }
    }
    PyErr_Restore(type, value, tb);
}

/* PySys_FormatStdout/Stderr: PyUnicode_FromFormat formatting, no length limit. */
static void sys_format(const char *name, FILE *fp, const char *format, va_list va)
{
    PyObject *type, *value, *tb, *file, *message;

    PyErr_Fetch(&type, &value, &tb);
    file = sys_file(name);
    message = PyUnicode_FromFormatV(format, va);
    if (message != NULL) {
        if (sys_file_write(file, message) != 0) {
            const char *utf8;
            PyErr_Clear();
            utf8 = PyUnicode_AsUTF8(message);
            if (utf8 != NULL) {
                fputs(utf8, fp);
            }
        }
        Py_DECREF(message);
    }
    PyErr_Restore(type, value, tb);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;

    va_start(va, format);
    sys_write("stdout", stdout, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;

    va_start(va, format);
    sys_write("stderr", stderr, format, va);
    va_end(va);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;

    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;

    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    PyObject *type, *cause, *tb;
    PyErr_Fetch(&type, &cause, &tb);
    PyErr_NormalizeException(&type, &cause, &tb);
    if (tb != NULL && cause != NULL) {
        PyException_SetTraceback(cause, tb);
    }
    Py_XDECREF(type);
    Py_XDECREF(tb);
    va_list vargs;
    va_start(vargs, format);
    PyErr_FormatV(exception, format, vargs);
    va_end(vargs);
    PyObject *new_type, *exc, *new_tb;
    PyErr_Fetch(&new_type, &exc, &new_tb);
    PyErr_NormalizeException(&new_type, &exc, &new_tb);
    if (cause != NULL) {
        PyException_SetCause(exc, Py_NewRef(cause)); /* steals */
        PyException_SetContext(exc, cause);          /* steals */
    }
    PyErr_Restore(new_type, exc, new_tb);
    return NULL;
}
