/* File-like objects as the C API sees them: anything with write() or fileno(). */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

/* o itself if it is an int, else o.fileno(); it must not be negative. */
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *o);
/* f.write(str(o)) with Py_PRINT_RAW, f.write(repr(o)) without. */
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *o, PyObject *f, int flags);
PyAPI_FUNC(int) PyFile_WriteString(const char *s, PyObject *f);

#ifdef __cplusplus
}
#endif
#endif
