/* Frame objects: what CPython's frameobject.h gives, all of it declared in pyframe.h. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H
#include "pyframe.h"
#endif
