/* Interrupts and the hooks a program that forks calls around fork(). */
#ifndef Py_INTRCHECK_H
#define Py_INTRCHECK_H
#ifdef __cplusplus
extern "C" {
#endif
/* 1 once (the flag is cleared) if SIGINT arrived, on the main thread. */
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
PyAPI_FUNC(void) PyOS_BeforeFork(void);
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
/* Deprecated since 3.7: PyOS_AfterFork_Child. */
Py_DEPRECATED(3.7) PyAPI_FUNC(void) PyOS_AfterFork(void);
#ifdef __cplusplus
}
#endif
#endif
