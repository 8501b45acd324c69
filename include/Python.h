/* libpycapi: the CPython 3.11 C API. Include this first, as with CPython. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LIBPYCAPI 1

#include "patchlevel.h"
#include "pyport.h"
#include "pymacro.h"
#include "pymath.h"
#include "pymem.h"
#include "object.h"
#include "pyhash.h"
#include "pystrtod.h"
#include "objimpl.h"
#include "typeslots.h"
#include "methodobject.h"
#include "descrobject.h"
#include "classobject.h"
#include "funcobject.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "bytearrayobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "sliceobject.h"
#include "rangeobject.h"
#include "moduleobject.h"
#include "weakrefobject.h"
#include "pycapsule.h"
#include "iterobject.h"
#include "enumobject.h"
#include "bltinmodule.h"
#include "genobject.h"
#include "structseq.h"
#include "context.h"
#include "fileobject.h"
#include "memoryobject.h"
#include "pyerrors.h"
#include "pystate.h"
#include "code.h"
#include "pyframe.h"
#include "traceback.h"
#include "modsupport.h"
#include "abstract.h"
#include "import.h"
#include "ceval.h"
#include "pylifecycle.h"
#include "intrcheck.h"
#include "pythonrun.h"
#include "pydebug.h"
#include "pythread.h"
#include "pystrcmp.h"
#include "pycapi.h"
#include "sysmodule.h"
#include "osmodule.h"
#include "genericaliasobject.h"

#endif
