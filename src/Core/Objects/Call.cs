using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The call API (CPython's call.c). C functions with a vectorcall convention are
/// called on the caller's stack; everything else goes through tp_call with a tuple and a
/// dict (_PyObject_MakeTpCall).</summary>
internal static unsafe class CallApi
{
    private const ulong ArgumentsOffset = 1UL << 63;

    /// <summary>PyVectorcall_NARGS: the count without PY_VECTORCALL_ARGUMENTS_OFFSET.</summary>
    internal static nint NArgs(nuint nargsf) => (nint)((ulong)nargsf & ~ArgumentsOffset);

    private static PyObject Callable(BorrowedReference c) =>
        ObjectSpace.FromNativeOrNull(c) ?? throw Abstract.BadInternalCall();

    /// <summary>_PyObject_VectorcallTstate: the callable's vectorcall, else tp_call.
    /// kwnames is a tuple of str or 0. Returns a new reference.</summary>
    internal static nint Vectorcall(PyObject callable, nint* args, nint nargs, nint kwnames)
    {
        if (callable is not PyCFunction function)
        {
            return ObjectSpace.NewRef(MakeTpCall(callable, args, nargs, ObjectSpace.FromNativeOrNull(kwnames))).Address;
        }
        RecursionGuard.Enter(" while calling a Python object");
        try
        {
            return function.HasVectorcall
                ? function.Vectorcall(args, nargs, kwnames)
                : CallWithNativeTuple(function, args, nargs, KeywordDict(args + nargs, ObjectSpace.FromNativeOrNull(kwnames)));
        }
        finally
        {
            RecursionGuard.Leave();
        }
    }

    /// <summary>_PyObject_FastCallDictTstate: a stack plus a keyword dict (or null).
    /// Returns a new reference.</summary>
    internal static nint VectorcallDict(PyObject callable, nint* args, nint nargs, PyDict? kwargs)
    {
        if (callable is not PyCFunction function)
        {
            return ObjectSpace.NewRef(MakeTpCall(callable, args, nargs, kwargs)).Address;
        }
        RecursionGuard.Enter(" while calling a Python object");
        try
        {
            return function.HasVectorcall
                ? function.VectorcallWithDict(args, nargs, kwargs)
                : CallWithNativeTuple(function, args, nargs, kwargs);
        }
        finally
        {
            RecursionGuard.Leave();
        }
    }

    /// <summary>A METH_VARARGS C function called from a stack: the tuple is made in C and
    /// dies with the call unless the function keeps it (no twin).</summary>
    private static nint CallWithNativeTuple(PyCFunction function, nint* args, nint nargs, PyDict? kwargs)
    {
        nint tuple = CPart.PyTuple_New(nargs);
        if (tuple == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        for (int i = 0; i < nargs; i++)
        {
            ObjectSpace.IncRef(args[i]);
            PyTuple.Items(tuple)[i] = args[i];
        }
        try
        {
            return function.CallNative(tuple, ObjectSpace.ToNativeOrNull(kwargs));
        }
        finally
        {
            ObjectSpace.DecRef(tuple);
        }
    }

    /// <summary>_PyObject_MakeTpCall: the stack as a tuple, keyword names (a tuple) turned
    /// into a dict, or a dict passed on as it is.</summary>
    internal static PyObject MakeTpCall(PyObject callable, nint* args, nint nargs, PyObject? keywords)
    {
        var positional = new PyObject[nargs];
        for (int i = 0; i < nargs; i++)
        {
            positional[i] = ObjectSpace.FromNative(args[i]);
        }
        return Abstract.Call(callable, PyTuple.Create(positional), KeywordDict(args + nargs, keywords));
    }

    /// <summary>Keywords given as a dict (kept as it is) or as names whose values follow
    /// the positional arguments; none for no names.</summary>
    private static PyDict? KeywordDict(nint* values, PyObject? keywords) => keywords switch
    {
        null => null,
        PyDict d => d,
        PyTuple { Count: 0 } => null,
        PyTuple names => StackAsDict(values, names),
        _ => throw Abstract.BadInternalCall(),
    };

    /// <summary>_PyStack_AsDict: the keyword values that follow the positional ones.</summary>
    private static PyDict StackAsDict(nint* values, PyTuple names)
    {
        var kwargs = new PyDict();
        for (int i = 0; i < names.Count; i++)
        {
            kwargs.SetItem(names[i], ObjectSpace.FromNative(values[i]));
        }
        return kwargs;
    }

    /// <summary>_PyStack_UnpackDict: positional items then the dict's values on one stack,
    /// and its keys (which must be str) as the kwnames tuple.</summary>
    internal static nint[] UnpackDict(nint* positional, nint nargs, PyDict kwargs, out PyTuple kwnames)
    {
        var stack = new nint[nargs + kwargs.Count];
        var names = new PyObject[kwargs.Count];
        for (int i = 0; i < nargs; i++)
        {
            stack[i] = positional[i];
        }
        int k = 0;
        foreach (var (key, value) in kwargs.Items())
        {
            if (key is not PyStr)
            {
                throw new PythonException(PyExc.TypeError, "keywords must be strings");
            }
            names[k] = key;
            stack[nargs + k] = ObjectSpace.ToNative(value);
            k++;
        }
        kwnames = PyTuple.Create(names);
        return stack;
    }

    [CApi]
    internal static NewReference PyObject_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs)
    {
        var f = Callable(callable);
        if (!HasTypeFlag(args, TypeFlags.TupleSubclass))
        {
            throw new PythonException(PyExc.TypeError, "argument list must be a tuple");
        }
        if (!kwargs.IsNull && !HasTypeFlag(kwargs, TypeFlags.DictSubclass))
        {
            throw new PythonException(PyExc.TypeError, "keyword list must be a dictionary");
        }
        if (f is PyCFunction function)
        {
            // C to C: the caller's tuple and dict go through as they are, without twins.
            RecursionGuard.Enter(" while calling a Python object");
            try
            {
                return new NewReference(function.CallNative(args.Address, kwargs.Address));
            }
            finally
            {
                RecursionGuard.Leave();
            }
        }
        return ObjectSpace.NewRef(Abstract.Call(f, (PyTuple)ObjectSpace.FromNative(args), (PyDict?)ObjectSpace.FromNativeOrNull(kwargs)));
    }

    private static bool HasTypeFlag(BorrowedReference o, ulong flag) =>
        !o.IsNull && (((PyTypeObjectLayout*)((PyObjectHead*)o.Address)->ob_type)->tp_flags & flag) != 0;

    [CApi]
    internal static NewReference PyCFunction_Call(BorrowedReference callable, BorrowedReference args, BorrowedReference kwargs) =>
        PyObject_Call(callable, args, kwargs);

    /// <summary>The vectorcall function C finds in the object, or NULL (no error).</summary>
    [CApi(Error = "0")]
    internal static nint PyVectorcall_Function(BorrowedReference callable)
    {
        var o = Callable(callable);
        if (o is PyCFunction f)
        {
            return f.HasVectorcall ? PyCFunction.VectorcallPointer : 0;
        }
        if (o is PyNativeInstance)
        {
            // A C type's instances carry the pointer at tp_vectorcall_offset.
            var type = (PyTypeObjectLayout*)((PyObjectHead*)callable.Address)->ob_type;
            if ((type->tp_flags & TypeFlags.HaveVectorcall) != 0 && type->tp_vectorcall_offset > 0)
            {
                return *(nint*)(callable.Address + type->tp_vectorcall_offset);
            }
        }
        return 0;
    }

    /// <summary>Calls through the object's vectorcall, which it must have.</summary>
    [CApi]
    internal static NewReference PyVectorcall_Call(BorrowedReference callable, BorrowedReference tuple, BorrowedReference dict)
    {
        var f = Callable(callable);
        nint func = PyVectorcall_Function(callable);
        if (func == 0)
        {
            throw new PythonException(PyExc.TypeError, $"'{f.Type.Name}' object does not support vectorcall");
        }
        var kwargs = ObjectSpace.FromNativeOrNull(dict) as PyDict;
        if (f is PyCFunction function)
        {
            return new NewReference(function.VectorcallWithDict(PyTuple.Items(tuple.Address), ((PyVarObjectHead*)tuple.Address)->ob_size, kwargs));
        }
        var call = (delegate* unmanaged<nint, nint*, nuint, nint, nint>)func;
        nint* items = PyTuple.Items(tuple.Address);
        nint nargs = ((PyVarObjectHead*)tuple.Address)->ob_size;
        if (kwargs is null || kwargs.Count == 0)
        {
            return new NewReference(CheckResult(call(callable.Address, items, (nuint)nargs, 0)));
        }
        var stack = UnpackDict(items, nargs, kwargs, out var kwnames);
        fixed (nint* p = stack)
        {
            nint result = call(callable.Address, p, (nuint)nargs, ObjectSpace.ToNative(kwnames));
            GC.KeepAlive(kwargs);
            GC.KeepAlive(kwnames);
            return new NewReference(CheckResult(result));
        }
    }

    /// <summary>NULL from C needs its exception (or gets a SystemError).</summary>
    private static nint CheckResult(nint result) => result != 0 ? result : throw PythonException.FetchOrSystemError();

    [CApi]
    internal static NewReference _PyObject_MakeTpCall(nint tstate, BorrowedReference callable, nint* args, nint nargs,
        BorrowedReference keywords) =>
        ObjectSpace.NewRef(MakeTpCall(Callable(callable), args, nargs, ObjectSpace.FromNativeOrNull(keywords)));

    [CApi]
    internal static NewReference PyObject_CallObject(BorrowedReference callable, BorrowedReference args)
    {
        if (args.IsNull)
        {
            return PyObject_CallNoArgs(callable);
        }
        return PyObject_Call(callable, args, BorrowedReference.Null);
    }

    [CApi]
    internal static NewReference PyObject_CallNoArgs(BorrowedReference callable) =>
        new(Vectorcall(Callable(callable), null, 0, 0));

    [CApi]
    internal static NewReference PyObject_CallOneArg(BorrowedReference callable, BorrowedReference arg)
    {
        if (arg.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        nint stack = arg.Address;
        return new NewReference(Vectorcall(Callable(callable), &stack, 1, 0));
    }

    [CApi]
    internal static NewReference PyObject_Vectorcall(BorrowedReference callable, nint* args, nuint nargsf, BorrowedReference kwnames) =>
        new(Vectorcall(Callable(callable), args, NArgs(nargsf), kwnames.Address));

    [CApi]
    internal static NewReference PyObject_VectorcallDict(BorrowedReference callable, nint* args, nuint nargsf, BorrowedReference kwdict) =>
        new(VectorcallDict(Callable(callable), args, NArgs(nargsf), ObjectSpace.FromNativeOrNull(kwdict) as PyDict));

    /// <summary>args[0] is self; the method is looked up on it by name.</summary>
    [CApi]
    internal static NewReference PyObject_VectorcallMethod(BorrowedReference name, nint* args, nuint nargsf, BorrowedReference kwnames)
    {
        var method = Abstract.GetAttr(ObjectSpace.FromNative(args[0]), ObjectSpace.FromNative(name));
        return new NewReference(Vectorcall(method, args + 1, NArgs(nargsf) - 1, kwnames.Address));
    }

    [CApi]
    internal static NewReference PyObject_CallMethodNoArgs(BorrowedReference self, BorrowedReference name) =>
        new(Vectorcall(Abstract.GetAttr(Callable(self), ObjectSpace.FromNative(name)), null, 0, 0));

    [CApi]
    internal static NewReference PyObject_CallMethodOneArg(BorrowedReference self, BorrowedReference name, BorrowedReference arg)
    {
        nint stack = arg.Address;
        return new NewReference(Vectorcall(Abstract.GetAttr(Callable(self), ObjectSpace.FromNative(name)), &stack, 1, 0));
    }
}
