using System.Runtime.InteropServices;

namespace PyCApi.Runtime;

/// <summary>Calls from managed code into the C part linked into the same library
/// (DirectPInvoke: a direct call, no dlsym). Only C-defined functions belong here.</summary>
internal static unsafe partial class CPart
{
    private const string Lib = "pycapi_native";

    [StructLayout(LayoutKind.Sequential)]
    public struct StaticEntry
    {
        public byte* Key;
        public nint Object;
    }

    [LibraryImport(Lib), SuppressGCTransition] public static partial StaticEntry* pycapi_static_table();
    [LibraryImport(Lib), SuppressGCTransition] public static partial nint pycapi_alloc(nuint size);
    [LibraryImport(Lib), SuppressGCTransition] public static partial void pycapi_free(nint p);
    [LibraryImport(Lib), SuppressGCTransition] public static partial nint pycapi_unicode_alloc(nint type, nint length, uint maxChar);
    [LibraryImport(Lib), SuppressGCTransition] public static partial ulong* pycapi_dict_version_counter();

    [LibraryImport(Lib)] public static partial void pycapi_write_stdio(int toStderr, byte* utf8, nuint size);
    [LibraryImport(Lib)] public static partial void pycapi_flush_stdio();

    [LibraryImport(Lib)] public static partial nint pycapi_dlopen(byte* path);
    [LibraryImport(Lib)] public static partial nint pycapi_dlsym(nint handle, byte* name);
    [LibraryImport(Lib)] public static partial byte* pycapi_dlerror();
    [LibraryImport(Lib)] public static partial void pycapi_exit(int status);
    [LibraryImport(Lib)] public static partial void pycapi_read_config_flags();

    [LibraryImport(Lib)] public static partial nint PyMem_Malloc(nuint size);
    [LibraryImport(Lib)] public static partial nint PyMem_Calloc(nuint count, nuint size);
    [LibraryImport(Lib)] public static partial nint PyMem_Realloc(nint p, nuint size);
    [LibraryImport(Lib)] public static partial void PyMem_Free(nint p);
    [LibraryImport(Lib)] public static partial void _Py_Dealloc(nint op);
    [LibraryImport(Lib)] public static partial void PyObject_CallFinalizer(nint op);
    [LibraryImport(Lib)] public static partial int PyGC_Enable();
    [LibraryImport(Lib)] public static partial int PyGC_Disable();
    [LibraryImport(Lib)] public static partial int PyGC_IsEnabled();

    [LibraryImport(Lib)] public static partial nint _PyThreadState_UncheckedGet();
    [LibraryImport(Lib)] public static partial int Py_EnterRecursiveCall(byte* where);
    [LibraryImport(Lib)] public static partial void Py_LeaveRecursiveCall();
    [LibraryImport(Lib)] public static partial void PyErr_Restore(nint type, nint value, nint traceback);
    [LibraryImport(Lib)] public static partial void PyErr_Fetch(nint* type, nint* value, nint* traceback);

    [LibraryImport(Lib)] public static partial nint PyTuple_New(nint size);
    [LibraryImport(Lib)] public static partial nint PyList_New(nint size);
    [LibraryImport(Lib)] public static partial int PyList_Append(nint list, nint item);
    [LibraryImport(Lib)] public static partial int PyList_Insert(nint list, nint where, nint item);
    [LibraryImport(Lib)] public static partial int PyList_SetSlice(nint list, nint low, nint high, nint items);
    [LibraryImport(Lib)] public static partial nint PyLong_FromLongLong(long v);
    [LibraryImport(Lib)] public static partial nint PyFloat_FromDouble(double v);
    [LibraryImport(Lib)] public static partial nint PyBytes_FromStringAndSize(byte* s, nint size);
    [LibraryImport(Lib)] public static partial nint PyByteArray_FromStringAndSize(byte* s, nint size);
    [LibraryImport(Lib)] public static partial int PyByteArray_Resize(nint self, nint size);
    [LibraryImport(Lib)] public static partial nint PyMemoryView_FromObject(nint o);
    [LibraryImport(Lib)] public static partial int pycapi_memoryview_release(nint self);
    [LibraryImport(Lib)] public static partial nint pycapi_memoryview_slice(nint self, nint start, nint step, nint length);
    [LibraryImport(Lib)] public static partial nint pycapi_memoryview_cast(nint self, byte* format, int ndim, nint* shape);
    [LibraryImport(Lib)] public static partial int pycapi_memoryview_assign(nint self, nint value);
    [LibraryImport(Lib)] public static partial int PyBuffer_ToContiguous(byte* buf, Objects.PyBufferLayout* view, nint len, sbyte order);
}
