using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A built-in function or bound method: a PyMethodDef plus its self (the module
/// for module functions) and the module name. Calls follow ml_flags' convention.</summary>
internal sealed unsafe class PyCFunction : PyObject
{
    internal readonly PyMethodDefLayout* Def;
    internal readonly PyObject? Self;
    internal readonly PyObject? Module;

    internal PyCFunction(PyMethodDefLayout* def, PyObject? self, PyObject? module) : base(BuiltinTypes.CFunction)
    {
        Def = def;
        Self = self;
        Module = module;
    }

    internal string Name => Marshal.PtrToStringUTF8((nint)Def->ml_name)!;

    internal int Flags => Def->ml_flags;

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)sizeof(PyCFunctionLayout), Type);
        var l = (PyCFunctionLayout*)p;
        l->m_ml = (nint)Def;
        l->m_self = ObjectSpace.ToNativeOrNull(Self);
        l->m_module = ObjectSpace.ToNativeOrNull(Module);
        return p;
    }

    /// <summary>_PyObject_FunctionStr: "module.name()" as call errors name a function.</summary>
    private string FunctionStr
    {
        get
        {
            string qualname = Self is null or PyModule ? Name : $"{Self.Type.ShortName}.{Name}";
            string? module = (Module as PyStr)?.Value;
            return module is null or "builtins" ? $"{qualname}()" : $"{module}.{qualname}()";
        }
    }

    internal override PyStr Repr() => Self is null or PyModule
        ? new PyStr($"<built-in function {Name}>")
        : new PyStr($"<built-in method {Name} of {Self.Type.Name} object at 0x{ObjectSpace.ToNative(Self):x}>");

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        int flags = Flags & ~(MethFlags.Class | MethFlags.Static | MethFlags.Coexist);
        nint self = ObjectSpace.ToNativeOrNull(Self);
        nint meth = Def->ml_meth;
        bool hasKwargs = kwargs is not null && kwargs.Count != 0;
        switch (flags)
        {
            case MethFlags.VarArgs:
                if (hasKwargs)
                {
                    throw new PythonException(PyExc.TypeError, $"{Name}() takes no keyword arguments");
                }
                return Result(((delegate* unmanaged<nint, nint, nint>)meth)(self, ObjectSpace.ToNative(args)));
            case MethFlags.VarArgs | MethFlags.Keywords:
                return Result(((delegate* unmanaged<nint, nint, nint, nint>)meth)(
                    self, ObjectSpace.ToNative(args), hasKwargs ? ObjectSpace.ToNative(kwargs!) : 0));
            case MethFlags.NoArgs:
                RejectKeywords(hasKwargs);
                if (args.Count != 0)
                {
                    throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes no arguments ({args.Count} given)");
                }
                return Result(((delegate* unmanaged<nint, nint, nint>)meth)(self, 0));
            case MethFlags.O:
                RejectKeywords(hasKwargs);
                if (args.Count != 1)
                {
                    throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes exactly one argument ({args.Count} given)");
                }
                return Result(((delegate* unmanaged<nint, nint, nint>)meth)(self, PyTuple.Items(args.Native)[0]));
            case MethFlags.FastCall:
                RejectKeywords(hasKwargs);
                return Result(((delegate* unmanaged<nint, nint*, nint, nint>)meth)(self, PyTuple.Items(args.Native), args.Count));
            case MethFlags.FastCall | MethFlags.Keywords:
                return CallFastWithKeywords(meth, self, args, hasKwargs ? kwargs! : null);
            default:
                throw new PythonException(PyExc.SystemError,
                    $"{Name}() method: bad call flags");
        }
    }

    private void RejectKeywords(bool hasKwargs)
    {
        if (hasKwargs)
        {
            throw new PythonException(PyExc.TypeError, $"{FunctionStr} takes no keyword arguments");
        }
    }

    /// <summary>Positional items then keyword values in one array, the names in a tuple.</summary>
    private PyObject CallFastWithKeywords(nint meth, nint self, PyTuple args, PyDict? kwargs)
    {
        var f = (delegate* unmanaged<nint, nint*, nint, nint, nint>)meth;
        if (kwargs is null)
        {
            return Result(f(self, PyTuple.Items(args.Native), args.Count, 0));
        }
        var items = kwargs.Items().ToList();
        var stack = new nint[args.Count + items.Count];
        for (int i = 0; i < args.Count; i++)
        {
            stack[i] = PyTuple.Items(args.Native)[i];
        }
        for (int i = 0; i < items.Count; i++)
        {
            stack[args.Count + i] = ObjectSpace.ToNative(items[i].Value);
        }
        var kwnames = PyTuple.Create(items.Select(kv => kv.Key).ToArray());
        fixed (nint* p = stack)
        {
            return Result(f(self, p, args.Count, ObjectSpace.ToNative(kwnames)));
        }
    }

    /// <summary>_Py_CheckFunctionResult: NULL needs an exception, a value must not have one.</summary>
    private PyObject Result(nint result)
    {
        if (result == 0)
        {
            throw PythonException.Fetch() ?? new PythonException(PyExc.SystemError,
                $"{ReprString()} returned NULL without setting an exception");
        }
        var value = ObjectSpace.Steal(result);
        if (PythonException.Fetch() is { } pending)
        {
            var cause = pending.Normalize();
            var exc = PyBaseException.Create(PyExc.SystemError, [new PyStr($"{ReprString()} returned a result with an exception set")]);
            exc.Cause = cause;
            exc.Context = cause;
            throw new PythonException(exc);
        }
        return value;
    }
}

/// <summary>A method from a C type's tp_methods, bound to the instance on attribute access.</summary>
internal sealed unsafe class PyMethodDescriptor(PyType owner, PyMethodDefLayout* def)
    : PyObject(BuiltinTypes.MethodDescriptor), IDescriptor
{
    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType type)
    {
        if ((def->ml_flags & MethFlags.Static) != 0)
        {
            return new PyCFunction(def, null, null);
        }
        if ((def->ml_flags & MethFlags.Class) != 0)
        {
            return new PyCFunction(def, type, null);
        }
        return instance is null ? this : new PyCFunction(def, instance, null);
    }

    internal override PyStr Repr() =>
        new($"<method '{Marshal.PtrToStringUTF8((nint)def->ml_name)}' of '{owner.ShortName}' objects>");
}

internal static unsafe class MethodApi
{
    [CApi]
    internal static NewReference PyCFunction_NewEx(nint def, BorrowedReference self, BorrowedReference module) =>
        ObjectSpace.NewRef(new PyCFunction((PyMethodDefLayout*)def, ObjectSpace.FromNativeOrNull(self), ObjectSpace.FromNativeOrNull(module)));

    [CApi]
    internal static NewReference PyCFunction_New(nint def, BorrowedReference self) =>
        PyCFunction_NewEx(def, self, BorrowedReference.Null);

    [CApi]
    internal static NewReference PyCMethod_New(nint def, BorrowedReference self, BorrowedReference module, BorrowedReference cls) =>
        PyCFunction_NewEx(def, self, module);
}
