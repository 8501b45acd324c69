using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A built-in function or bound method defined in C: a PyMethodDef plus its self
/// (the module for module functions), m_module and, for METH_METHOD, the defining class.
/// Calls follow ml_flags' convention with CPython's checks and messages (methodobject.c):
/// METH_VARARGS functions are called through tp_call with a tuple and a dict, the others
/// through vectorcall with the arguments on a stack.</summary>
internal sealed unsafe class PyCFunction : PyBuiltinCallable
{
    private const int ConventionBits =
        MethFlags.VarArgs | MethFlags.FastCall | MethFlags.NoArgs | MethFlags.O | MethFlags.Keywords | MethFlags.Method;

    internal readonly PyMethodDefLayout* Def;
    internal readonly PyObject? Module;
    internal readonly PyType? Class;
    private readonly int convention;

    internal PyCFunction(PyMethodDefLayout* def, PyObject? self, PyObject? module, PyType? cls = null)
        : base(Marshal.PtrToStringUTF8((nint)def->ml_name)!, self, cls is null ? null : BuiltinTypes.Get("builtin_method"))
    {
        Def = def;
        Module = module;
        Class = cls;
        convention = def->ml_flags & ConventionBits;
        if (convention is not (MethFlags.VarArgs or (MethFlags.VarArgs | MethFlags.Keywords) or MethFlags.FastCall
            or (MethFlags.FastCall | MethFlags.Keywords) or MethFlags.NoArgs or MethFlags.O
            or (MethFlags.Method | MethFlags.FastCall | MethFlags.Keywords)))
        {
            throw new PythonException(PyExc.SystemError, $"{Name}() method: bad call flags");
        }
        if ((convention & MethFlags.Method) != 0 && cls is null)
        {
            throw new PythonException(PyExc.SystemError, "attempting to create PyCMethod with a METH_METHOD flag but no class");
        }
        if ((convention & MethFlags.Method) == 0 && cls is not null)
        {
            throw new PythonException(PyExc.SystemError, "attempting to create PyCFunction with class but no METH_METHOD flag");
        }
    }

    internal int Flags => Def->ml_flags;

    /// <summary>METH_VARARGS functions have no vectorcall, as in CPython.</summary>
    internal bool HasVectorcall => (convention & MethFlags.VarArgs) == 0;

    internal override PyObject ModuleAttr => Module ?? PyNone.Instance;

    protected override string? InternalDoc => Marshal.PtrToStringUTF8((nint)Def->ml_doc);

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        var l = (PyCFunctionLayout*)p;
        l->m_ml = (nint)Def;
        l->m_self = ObjectSpace.ToNativeOrNull(Self);
        l->m_module = ObjectSpace.ToNativeOrNull(Module);
        l->vectorcall = HasVectorcall ? VectorcallPointer : 0;
        if (Class is not null)
        {
            l->mm_class = ObjectSpace.ToNative(Class);
        }
        return p;
    }

    // The calls work on native references and return a new one, so that a call from C to a
    // C function makes no managed twin of its arguments or its result (their refcounts then
    // behave as in CPython); managed callers adopt the result.

    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        nint result = CallNative(args.Native, ObjectSpace.ToNativeOrNull(kwargs));
        GC.KeepAlive(args); // its native half is the C function's argument
        return ObjectSpace.Steal(result);
    }

    /// <summary>cfunction_call: a METH_VARARGS function gets the tuple and the caller's
    /// dict (or NULL) as they are; the others go through vectorcall.</summary>
    internal nint CallNative(nint args, nint kwargs)
    {
        var kwdict = (PyDict?)ObjectSpace.FromNativeOrNull(kwargs);
        if (HasVectorcall)
        {
            return VectorcallWithDict(PyTuple.Items(args), ((PyVarObjectHead*)args)->ob_size, kwdict);
        }
        nint self = ObjectSpace.ToNativeOrNull(Self);
        if ((convention & MethFlags.Keywords) != 0)
        {
            return CheckResult(((delegate* unmanaged<nint, nint, nint, nint>)Def->ml_meth)(self, args, kwargs));
        }
        if (kwdict is not null && kwdict.Count != 0)
        {
            throw new PythonException(PyExc.TypeError, $"{Name}() takes no keyword arguments");
        }
        return CheckResult(((delegate* unmanaged<nint, nint, nint>)Def->ml_meth)(self, args));
    }

    /// <summary>Vectorcall with the keywords in a dict: none (or empty) means no kwnames.</summary>
    internal nint VectorcallWithDict(nint* args, nint nargs, PyDict? kwargs)
    {
        if (kwargs is null || kwargs.Count == 0)
        {
            return Vectorcall(args, nargs, 0);
        }
        var stack = CallApi.UnpackDict(args, nargs, kwargs, out var kwnames);
        fixed (nint* p = stack)
        {
            nint result = Vectorcall(p, nargs, ObjectSpace.ToNative(kwnames));
            GC.KeepAlive(kwargs);
            GC.KeepAlive(kwnames);
            return result;
        }
    }

    /// <summary>The cfunction_vectorcall_* functions: the convention's argument checks,
    /// then the C function. kwnames is a tuple of str or 0.</summary>
    internal nint Vectorcall(nint* args, nint nargs, nint kwnames)
    {
        nint self = ObjectSpace.ToNativeOrNull(Self);
        nint meth = Def->ml_meth;
        switch (convention)
        {
            case MethFlags.NoArgs:
                RejectKeywords(kwnames);
                if (nargs != 0)
                {
                    throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes no arguments ({nargs} given)");
                }
                return CheckResult(((delegate* unmanaged<nint, nint, nint>)meth)(self, 0));
            case MethFlags.O:
                RejectKeywords(kwnames);
                if (nargs != 1)
                {
                    throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes exactly one argument ({nargs} given)");
                }
                return CheckResult(((delegate* unmanaged<nint, nint, nint>)meth)(self, args[0]));
            case MethFlags.FastCall:
                RejectKeywords(kwnames);
                return CheckResult(((delegate* unmanaged<nint, nint*, nint, nint>)meth)(self, args, nargs));
            case MethFlags.FastCall | MethFlags.Keywords:
                return CheckResult(((delegate* unmanaged<nint, nint*, nint, nint, nint>)meth)(self, args, nargs, kwnames));
            case MethFlags.Method | MethFlags.FastCall | MethFlags.Keywords:
                return CheckResult(((delegate* unmanaged<nint, nint, nint*, nint, nint, nint>)meth)(
                    self, ObjectSpace.ToNative(Class!), args, nargs, kwnames));
            default:
                throw new InvalidOperationException("METH_VARARGS functions are called through tp_call");
        }
    }

    private void RejectKeywords(nint kwnames)
    {
        if (kwnames != 0 && ((PyVarObjectHead*)kwnames)->ob_size != 0)
        {
            throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes no keyword arguments");
        }
    }

    /// <summary>_Py_CheckFunctionResult: NULL needs an exception, a value must not have one.</summary>
    private nint CheckResult(nint result)
    {
        if (result == 0)
        {
            throw PythonException.Fetch() ?? new PythonException(PyExc.SystemError,
                $"{ReprString()} returned NULL without setting an exception");
        }
        if (PythonException.Fetch() is { } pending)
        {
            ObjectSpace.DecRef(result);
            var cause = pending.Normalize();
            var exc = PyBaseException.Create(PyExc.SystemError, [new PyStr($"{ReprString()} returned a result with an exception set")]);
            exc.Cause = cause;
            exc.Context = cause;
            throw new PythonException(exc);
        }
        return result;
    }

    /// <summary>The vectorcall pointer C finds in the object (PyVectorcall_Function).</summary>
    internal static readonly nint VectorcallPointer =
        (nint)(delegate* unmanaged<nint, nint*, nuint, nint, nint>)&VectorcallEntry;

    [UnmanagedCallersOnly]
    private static nint VectorcallEntry(nint callable, nint* args, nuint nargsf, nint kwnames)
    {
        try
        {
            var function = (PyCFunction)ObjectSpace.FromNative(callable);
            return CallApi.Vectorcall(function, args, CallApi.NArgs(nargsf), kwnames);
        }
        catch (Exception e)
        {
            ExceptionBridge.SetError(e);
            return 0;
        }
    }
}

/// <summary>A method from a C type's tp_methods (method_descriptor): binds to the
/// instance on attribute access, or is called with the instance first.</summary>
internal sealed unsafe class PyMethodDescriptor(PyType owner, PyMethodDefLayout* def)
    : PyObject(BuiltinTypes.MethodDescriptor), IDescriptor
{
    public bool IsData => false;

    private string Name => Marshal.PtrToStringUTF8((nint)def->ml_name)!;

    private PyType? DefiningClass => (def->ml_flags & MethFlags.Method) != 0 ? owner : null;

    public PyObject Get(PyObject? instance, PyType type)
    {
        if ((def->ml_flags & MethFlags.Static) != 0)
        {
            return new PyCFunction(def, null, null);
        }
        if ((def->ml_flags & MethFlags.Class) != 0)
        {
            return new PyCFunction(def, type, null, DefiningClass);
        }
        return instance is null ? this : new PyCFunction(def, instance, null, DefiningClass);
    }

    internal override bool IsCallable => true;

    /// <summary>method_check_args, then the call bound to the first argument.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        string functionStr = $"{owner.ShortName}.{Name}()";
        if (args.Count == 0)
        {
            throw new PythonException(PyExc.TypeError, $"unbound method {functionStr} needs an argument");
        }
        var self = args[0];
        if (!self.Type.IsSubtypeOf(owner))
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{Name}' for '{owner.Name}' objects doesn't apply to a '{self.Type.Name}' object");
        }
        if (kwargs is not null && kwargs.Count != 0 && (def->ml_flags & MethFlags.Keywords) == 0)
        {
            throw new PythonException(PyExc.TypeError, $"{functionStr} takes no keyword arguments");
        }
        var bound = new PyCFunction(def, self, null, DefiningClass);
        return bound.Call(PyTuple.Create(args.ToArray().AsSpan(1)), kwargs);
    }

    internal override PyStr Repr() => new($"<method '{Name}' of '{owner.ShortName}' objects>");
}

internal static unsafe class MethodApi
{
    [CApi]
    internal static NewReference PyCFunction_NewEx(nint def, BorrowedReference self, BorrowedReference module) =>
        PyCMethod_New(def, self, module, BorrowedReference.Null);

    [CApi]
    internal static NewReference PyCFunction_New(nint def, BorrowedReference self) =>
        PyCMethod_New(def, self, BorrowedReference.Null, BorrowedReference.Null);

    [CApi]
    internal static NewReference PyCMethod_New(nint def, BorrowedReference self, BorrowedReference module, BorrowedReference cls) =>
        ObjectSpace.NewRef(new PyCFunction((PyMethodDefLayout*)def, ObjectSpace.FromNativeOrNull(self),
            ObjectSpace.FromNativeOrNull(module), (PyType?)ObjectSpace.FromNativeOrNull(cls)));

    private static PyCFunction Function(BorrowedReference op) =>
        ObjectSpace.FromNativeOrNull(op) as PyCFunction ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static nint PyCFunction_GetFunction(BorrowedReference op) => Function(op).Def->ml_meth;

    /// <summary>Borrowed; NULL without an error for static methods and unbound functions.</summary>
    [CApi(Error = "0")]
    internal static BorrowedReference PyCFunction_GetSelf(BorrowedReference op)
    {
        var f = Function(op);
        return f.Self is null || (f.Flags & MethFlags.Static) != 0 ? BorrowedReference.Null : ObjectSpace.Borrow(f.Self);
    }

    [CApi]
    internal static int PyCFunction_GetFlags(BorrowedReference op) => Function(op).Flags;
}
