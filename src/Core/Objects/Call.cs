using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The call API's managed side (CPython's call.c). C serves the calls whose callee
/// it can reach (src/native/call.c: vectorcall objects, C functions, C types' tp_call and
/// tp_new); the calls of managed callables come here, with the arguments C made a tuple
/// and a dict of.</summary>
internal static class CallApi
{
    /// <summary>The slow path of PyObject_Call (and of _PyObject_MakeTpCall, through it): a
    /// managed callable. C has checked the callable, the tuple and the dict (or NULL).</summary>
    [CApi(SlowPath = true)]
    internal static NewReference PyObject_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs) =>
        ObjectSpace.NewRef(Abstract.Call(ObjectSpace.FromNative(callable), (PyTuple)ObjectSpace.FromNative(args),
            (PyDict?)ObjectSpace.FromNativeOrNull(kwargs)));

    /// <summary>The slow path of PyObject_VectorcallMethod for a built-in type's instance and
    /// a str name, without keywords: the method is looked up and called in one crossing,
    /// the bound method never made in C.</summary>
    [CApi(SlowPath = true)]
    internal static unsafe NewReference PyObject_VectorcallMethod(BorrowedReference name, nint* args, nuint nargsf,
        BorrowedReference kwnames)
    {
        var self = ObjectSpace.FromNative(args[0]);
        var rest = new PyObject[(int)((ulong)nargsf & ~VectorcallArgumentsOffset) - 1];
        for (int i = 0; i < rest.Length; i++)
        {
            rest[i] = ObjectSpace.FromNative(args[i + 1]);
        }
        var method = self.GetAttr((PyStr)ObjectSpace.FromNative(name));
        return ObjectSpace.NewRef(Abstract.CallPositional(method, rest));
    }

    private const ulong VectorcallArgumentsOffset = 1UL << 63;
}

/// <summary>The C part of calls that managed code makes (src/native/call.c, methodobject.c
/// and typeobject.c): each returns a new reference, or 0 with the error indicator set.</summary>
internal static unsafe partial class NativeCalls
{
    private const string Lib = "pycapi_native";

    /// <summary>The vectorcall of a PyMethodDef convention; 0 for METH_VARARGS.</summary>
    [LibraryImport(Lib), SuppressGCTransition]
    internal static partial nint pycapi_cfunction_vectorcall(int flags);

    /// <summary>PyObject_VectorcallDict, in C: how managed code calls a C function (the
    /// result checked, as CPython's interpreter has it).</summary>
    [LibraryImport(Lib)]
    internal static partial nint PyObject_VectorcallDict(nint callable, nint* args, nuint nargsf, nint kwargs);

    /// <summary>callable(*args, **kwargs) run in C on the native halves (the callable's
    /// vectorcall when it has one, else its tp_call); the result is adopted.</summary>
    internal static PyObject CallInC(PyObject callable, PyTuple args, PyDict? kwargs)
    {
        nint result = PyObject_VectorcallDict(ObjectSpace.ToNative(callable), PyTuple.Items(ObjectSpace.ToNative(args)),
            (nuint)args.Count, ObjectSpace.ToNativeOrNull(kwargs));
        GC.KeepAlive(args);
        GC.KeepAlive(kwargs);
        return result != 0 ? ObjectSpace.Steal(result) : throw PythonException.FetchOrSystemError();
    }

    /// <summary>tp_new then tp_init, as type_call does for a type whose tp_new is in C.</summary>
    [LibraryImport(Lib)]
    internal static partial nint pycapi_type_new_init(nint tstate, nint type, nint tpNew, nint args, nint kwargs);
}
