using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The call API (CPython's call.c). Every form reduces to tuple + dict here;
/// vectorcall fast paths belong to the benchmark-driven work.</summary>
internal static unsafe class CallApi
{
    private const ulong ArgumentsOffset = 1UL << 63;

    private static PyObject Callable(BorrowedReference c) =>
        ObjectSpace.FromNativeOrNull(c) ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyObject_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs)
    {
        var f = Callable(callable);
        if (ObjectSpace.FromNativeOrNull(args) is not PyTuple a)
        {
            throw new PythonException(PyExc.TypeError, "argument list must be a tuple");
        }
        var k = ObjectSpace.FromNativeOrNull(kwargs);
        if (k is not null and not PyDict)
        {
            throw new PythonException(PyExc.TypeError, "keyword list must be a dictionary");
        }
        return ObjectSpace.NewRef(Abstract.Call(f, a, (PyDict?)k));
    }

    [CApi]
    internal static NewReference PyCFunction_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs) =>
        PyObject_Call(callable, args, kwargs);

    [CApi]
    internal static NewReference PyVectorcall_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs) =>
        PyObject_Call(callable, args, kwargs);

    [CApi]
    internal static NewReference PyObject_CallObject(BorrowedReference callable, BorrowedReference args)
    {
        if (args.IsNull)
        {
            return ObjectSpace.NewRef(Abstract.Call(Callable(callable), PyTuple.Empty, null));
        }
        return PyObject_Call(callable, args, BorrowedReference.Null);
    }

    [CApi]
    internal static NewReference PyObject_CallNoArgs(BorrowedReference callable) =>
        ObjectSpace.NewRef(Abstract.Call(Callable(callable), PyTuple.Empty, null));

    [CApi]
    internal static NewReference PyObject_CallOneArg(BorrowedReference callable, BorrowedReference arg) =>
        ObjectSpace.NewRef(Abstract.Call(Callable(callable), PyTuple.Create([ObjectSpace.FromNative(arg)]), null));

    /// <summary>The positional arguments and the keyword dict a vectorcall's stack means.</summary>
    private static (PyTuple Args, PyDict? Kwargs) Unpack(nint* args, nuint nargsf, BorrowedReference kwnames)
    {
        int nargs = (int)((ulong)nargsf & ~ArgumentsOffset);
        var positional = new PyObject[nargs];
        for (int i = 0; i < nargs; i++)
        {
            positional[i] = ObjectSpace.FromNative(args[i]);
        }
        PyDict? kwargs = null;
        if (ObjectSpace.FromNativeOrNull(kwnames) is PyTuple names && names.Count > 0)
        {
            kwargs = new PyDict();
            for (int i = 0; i < names.Count; i++)
            {
                kwargs.SetItem(names[i], ObjectSpace.FromNative(args[nargs + i]));
            }
        }
        return (PyTuple.Create(positional), kwargs);
    }

    [CApi]
    internal static NewReference PyObject_Vectorcall(BorrowedReference callable, nint* args, nuint nargsf, BorrowedReference kwnames)
    {
        var (a, k) = Unpack(args, nargsf, kwnames);
        return ObjectSpace.NewRef(Abstract.Call(Callable(callable), a, k));
    }

    [CApi]
    internal static NewReference PyObject_VectorcallDict(BorrowedReference callable, nint* args, nuint nargsf, BorrowedReference kwdict)
    {
        var (a, _) = Unpack(args, nargsf, BorrowedReference.Null);
        return ObjectSpace.NewRef(Abstract.Call(Callable(callable), a, ObjectSpace.FromNativeOrNull(kwdict) as PyDict));
    }

    /// <summary>args[0] is self; the method is looked up on it by name.</summary>
    [CApi]
    internal static NewReference PyObject_VectorcallMethod(BorrowedReference name, nint* args, nuint nargsf, BorrowedReference kwnames)
    {
        var self = ObjectSpace.FromNative(args[0]);
        var method = Abstract.GetAttr(self, ObjectSpace.FromNative(name));
        ulong nargs = ((ulong)nargsf & ~ArgumentsOffset) - 1;
        var (a, k) = Unpack(args + 1, (nuint)nargs, kwnames);
        return ObjectSpace.NewRef(Abstract.Call(method, a, k));
    }

    [CApi]
    internal static NewReference PyObject_CallMethodNoArgs(BorrowedReference self, BorrowedReference name) =>
        ObjectSpace.NewRef(Abstract.Call(Abstract.GetAttr(Callable(self), ObjectSpace.FromNative(name)), PyTuple.Empty, null));

    [CApi]
    internal static NewReference PyObject_CallMethodOneArg(BorrowedReference self, BorrowedReference name, BorrowedReference arg) =>
        ObjectSpace.NewRef(Abstract.Call(Abstract.GetAttr(Callable(self), ObjectSpace.FromNative(name)),
            PyTuple.Create([ObjectSpace.FromNative(arg)]), null));
}
