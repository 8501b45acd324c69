using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A built-in function or bound method defined in C: a PyMethodDef plus its self
/// (the module for module functions), m_module and, for METH_METHOD, the defining class.
/// Its native half carries the vectorcall of its convention (src/native/methodobject.c),
/// so calls from C run in C; managed callers go through the same C code.</summary>
internal sealed unsafe class PyCFunction : PyBuiltinCallable
{
    private const int ConventionBits =
        MethFlags.VarArgs | MethFlags.FastCall | MethFlags.NoArgs | MethFlags.O | MethFlags.Keywords | MethFlags.Method;

    internal readonly PyMethodDefLayout* Def;
    internal readonly PyObject? Module;
    internal readonly PyType? Class;

    internal PyCFunction(PyMethodDefLayout* def, PyObject? self, PyObject? module, PyType? cls = null)
        : base(Marshal.PtrToStringUTF8((nint)def->ml_name)!, self, cls is null ? null : BuiltinTypes.Get("builtin_method"))
    {
        Def = def;
        Module = module;
        Class = cls;
        int convention = def->ml_flags & ConventionBits;
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

    internal override PyObject ModuleAttr => Module ?? PyNone.Instance;

    protected override string? InternalDoc => Marshal.PtrToStringUTF8((nint)Def->ml_doc);

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        var l = (PyCFunctionLayout*)p;
        l->m_ml = (nint)Def;
        l->m_self = ObjectSpace.ToNativeOrNull(Self);
        l->m_module = ObjectSpace.ToNativeOrNull(Module);
        l->vectorcall = NativeCalls.pycapi_cfunction_vectorcall(Flags); // 0 for METH_VARARGS, as in CPython
        if (Class is not null)
        {
            l->mm_class = ObjectSpace.ToNative(Class);
        }
        return p;
    }

    /// <summary>The call runs in C on the native halves; the result is adopted.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs) => NativeCalls.CallInC(this, args, kwargs);
}

/// <summary>A method from a C type's tp_methods (method_descriptor): binds to the
/// instance on attribute access, or is called with the instance first.</summary>
internal sealed unsafe class PyMethodDescriptor(PyType owner, PyMethodDefLayout* def)
    : PyObject(BuiltinTypes.MethodDescriptor), IDescriptor
{
    public bool IsData => false;

    private string Name => Marshal.PtrToStringUTF8((nint)def->ml_name)!;

    private PyType? DefiningClass => (def->ml_flags & MethFlags.Method) != 0 ? owner : null;

    public PyObject Get(PyObject? instance, PyType type) => instance is null ? this : new PyCFunction(def, instance, null, DefiningClass);

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

    internal override PyStr ReprCore() => new($"<method '{Name}' of '{owner.Name}' objects>");
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
