using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>A bound method (CPython's method type, classobject.c): a callable and the
/// object it is bound to, passed first. Its native half has PyMethodObject's layout, which
/// PyMethod_GET_FUNCTION / PyMethod_GET_SELF read.</summary>
internal sealed unsafe class PyBoundMethod(PyObject function, PyObject self) : PyObject(FuncTypes.Method)
{
    internal readonly PyObject Function = function;
    internal readonly PyObject Self = self;

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        var fields = (nint*)(p + sizeof(PyObjectHead));
        fields[0] = ObjectSpace.ToNative(Function); // im_func: kept alive by this twin
        fields[1] = ObjectSpace.ToNative(Self);
        return p;
    }

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) =>
        Abstract.Call(Function, PyTuple.Create([Self, .. args.ToArray()]), kwargs);

    internal override PyStr ReprCore()
    {
        var name = Attributes.Lookup(Function, "__qualname__") ?? Attributes.Lookup(Function, "__name__");
        return new PyStr($"<bound method {(name as PyStr)?.Value ?? "?"} of {Self.ReprString()}>");
    }

    /// <summary>method_getattro: the method type's own attributes, else the function's.</summary>
    internal override PyObject GetAttr(PyStr name) => name.Value switch
    {
        "__func__" => Function,
        "__self__" => Self,
        _ => Type.Lookup(name) is { } v ? (v is IDescriptor d ? d.Get(this, Type) : v) : Attributes.GetAttr(Function, name),
    };

    /// <summary>method_richcompare: the same function bound to the same object.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op) =>
        op is CompareOp.Eq or CompareOp.Ne && other is PyBoundMethod m
            ? PyBool.Of((Abstract.RichCompareBool(Function, m.Function, CompareOp.Eq) && ReferenceEquals(Self, m.Self)) == (op == CompareOp.Eq))
            : base.RichCompareCore(other, op);

    internal override long HashCore() => Self.IdentityHash() ^ Abstract.Hash(Function);
}

/// <summary>instancemethod (PyInstanceMethod_New): makes any callable bind like a function
/// when found in a class's dict, as Cython's methods are.</summary>
internal sealed unsafe class PyInstanceMethod(PyObject function) : PyObject(FuncTypes.InstanceMethod), IDescriptor
{
    internal readonly PyObject Function = function;

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        *(nint*)(p + sizeof(PyObjectHead)) = ObjectSpace.ToNative(Function);
        return p;
    }

    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType owner) => instance is null ? Function : new PyBoundMethod(Function, instance);

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => Abstract.Call(Function, args, kwargs);

    internal override PyStr ReprCore() => new($"<instancemethod {(Attributes.Lookup(Function, "__name__") as PyStr)?.Value ?? "?"} at 0x{ObjectSpace.ToNative(this):x}>");

    internal override PyObject GetAttr(PyStr name) => name.Value == "__func__" ? Function : base.GetAttr(name);
}

/// <summary>What classmethod and staticmethod share: the wrapped callable (__func__,
/// __wrapped__, cm_callable in the native half) and an instance dict.</summary>
internal abstract unsafe class PyCallableWrapper(PyObject callable, PyType type, string kind) : PyObject(type), IDescriptor
{
    internal PyObject Callable { get; private set; } = callable;

    private PyDict? dict;

    /// <summary>cm_init / sm_init: the callable (replaced on a second call), then its attributes.</summary>
    internal void Init(PyObject callable)
    {
        Callable = callable;
        if (Native != 0)
        {
            *(nint*)(Native + sizeof(PyObjectHead)) = ObjectSpace.ToNative(callable);
        }
        CopyWrappedAttributes();
    }

    internal override PyDict? Dict => dict ??= new PyDict();

    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        *(nint*)(p + sizeof(PyObjectHead)) = ObjectSpace.ToNative(Callable);
        return p;
    }

    public bool IsData => false;

    public abstract PyObject Get(PyObject? instance, PyType owner);

    internal override PyStr ReprCore() => new($"<{kind}({Callable.ReprString()})>");

    /// <summary>functools_wraps, as classmethod() and staticmethod() do: the callable's
    /// __module__, __name__, __qualname__ and __doc__, and then its __dict__ for the
    /// wrapper's own, where it has them.</summary>
    private void CopyWrappedAttributes()
    {
        foreach (var name in (string[])["__module__", "__name__", "__qualname__", "__doc__"])
        {
            if (Attributes.Lookup(Callable, name) is { } value)
            {
                Dict!.SetItem(new PyStr(name), value);
            }
        }
        if (Attributes.Lookup(Callable, "__dict__") is { } wrappedDict)
        {
            dict = wrappedDict as PyDict
                ?? throw new PythonException(PyExc.TypeError, $"__dict__ must be set to a dictionary, not a '{wrappedDict.Type.Name}'");
        }
    }

    /// <summary>_PyObject_IsAbstract: whether the object's __isabstractmethod__ (if any) is true.</summary>
    internal static bool IsAbstract(PyObject? o) => o is not null && Attributes.Lookup(o, "__isabstractmethod__") is { } v && v.IsTrue();

    /// <summary>__func__ and __wrapped__ (the callable, as read-only members),
    /// __isabstractmethod__ (the callable's) and the instance's __dict__.</summary>
    internal static void AddAttributes(PyType type)
    {
        PyManagedMember.Add(type, "__func__", o => ((PyCallableWrapper)o).Callable);
        PyManagedMember.Add(type, "__wrapped__", o => ((PyCallableWrapper)o).Callable);
        PyGetSetDescriptor.Add(type, "__isabstractmethod__", o => PyBool.Of(IsAbstract(((PyCallableWrapper)o).Callable)));
        PyGetSetDescriptor.Add(type, "__dict__", o => o.Dict!, (o, value) => ((PyCallableWrapper)o).dict = value switch
        {
            null => throw new PythonException(PyExc.TypeError, "cannot delete __dict__"),
            PyDict d => d,
            _ => throw new PythonException(PyExc.TypeError, $"__dict__ must be set to a dictionary, not a '{value.Type.Name}'"),
        });
    }
}

/// <summary>classmethod: binds its callable to the class (the instance's class when
/// looked up on an instance), or chains to the callable's own __get__.</summary>
internal sealed class PyClassMethod(PyObject callable) : PyCallableWrapper(callable, FuncTypes.ClassMethod, "classmethod")
{
    public override PyObject Get(PyObject? instance, PyType owner) =>
        Callable is IDescriptor d && (Callable is not PyNativeInstance || NativeAttributeSlots.HasDescrGet(Callable))
            ? d.Get(owner, owner.Type)
            : new PyBoundMethod(Callable, owner);
}

/// <summary>staticmethod: its callable, unbound, from the class and from instances alike;
/// callable itself.</summary>
internal sealed class PyStaticMethod(PyObject callable) : PyCallableWrapper(callable, FuncTypes.StaticMethod, "staticmethod")
{
    public override PyObject Get(PyObject? instance, PyType owner) => Callable;

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => Abstract.Call(Callable, args, kwargs);
}

/// <summary>property(fget, fset, fdel, doc): a data descriptor over three callables. Its
/// name, given by __set_name__, goes into the errors for a missing accessor.</summary>
internal sealed class PyProperty : PyObject, IDescriptor
{
    private PyObject? fget, fset, fdel;
    private PyObject doc = PyNone.Instance;
    private PyObject? name;

    internal PyProperty(PyObject? fget, PyObject? fset, PyObject? fdel, PyObject? doc) : base(FuncTypes.Property) =>
        Init(fget, fset, fdel, doc);

    /// <summary>property_init: the accessors, and the doc given or else the getter's.</summary>
    private void Init(PyObject? getter, PyObject? setter, PyObject? deleter, PyObject? givenDoc)
    {
        (fget, fset, fdel) = (getter, setter, deleter);
        doc = givenDoc ?? (getter is null ? null : Attributes.Lookup(getter, "__doc__")) ?? PyNone.Instance;
    }

    public bool IsData => true;

    public PyObject Get(PyObject? instance, PyType owner)
    {
        if (instance is null or PyNone)
        {
            return this;
        }
        if (fget is null)
        {
            throw new PythonException(PyExc.AttributeError,
                name is null ? "unreadable attribute" : $"property {name.ReprString()} of {new PyStr(instance.Type.QualName).ReprString()} object has no getter");
        }
        return Abstract.Call(fget, PyTuple.Create([instance]), null);
    }

    public void Set(PyObject instance, PyObject? value)
    {
        var f = value is null ? fdel : fset;
        if (f is null)
        {
            string what = value is null ? "deleter" : "setter";
            throw new PythonException(PyExc.AttributeError, name is null
                ? $"can't {(value is null ? "delete" : "set")} attribute"
                : $"property {name.ReprString()} of {new PyStr(instance.Type.QualName).ReprString()} object has no {what}");
        }
        Abstract.Call(f, value is null ? PyTuple.Create([instance]) : PyTuple.Create([instance, value]), null);
    }

    internal override PyObject GetAttr(PyStr attr) => attr.Value == "__doc__" ? doc : base.GetAttr(attr);

    /// <summary>property's members fget, fset and fdel, its methods: __set_name__, and
    /// getter / setter / deleter, which copy the property with one accessor replaced.</summary>
    internal static void AddMethods(PyType type)
    {
        PyManagedMember.Add(type, "fget", o => ((PyProperty)o).fget ?? PyNone.Instance);
        PyManagedMember.Add(type, "fset", o => ((PyProperty)o).fset ?? PyNone.Instance);
        PyManagedMember.Add(type, "fdel", o => ((PyProperty)o).fdel ?? PyNone.Instance);
        PyGetSetDescriptor.Add(type, "__isabstractmethod__", o =>
        {
            var p = (PyProperty)o;
            return PyBool.Of(PyCallableWrapper.IsAbstract(p.fget) || PyCallableWrapper.IsAbstract(p.fset) || PyCallableWrapper.IsAbstract(p.fdel));
        });
        PyBuiltinMethodDescriptor.Add(type, "__set_name__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__set_name__", args, kwargs, 2, 2, ArgStyle.Clinic);
            ((PyProperty)self!).name = args[1];
            return PyNone.Instance;
        });
        AddCopier(type, "getter", (p, f) => new PyProperty(f, p.fset, p.fdel, null));
        AddCopier(type, "setter", (p, f) => new PyProperty(p.fget, f, p.fdel, p.doc));
        AddCopier(type, "deleter", (p, f) => new PyProperty(p.fget, p.fset, f, p.doc));
    }

    private static void AddCopier(PyType type, string method, Func<PyProperty, PyObject?, PyProperty> copy) =>
        PyBuiltinMethodDescriptor.Add(type, method, (self, args, kwargs) =>
        {
            MethodArgs.Check(type, method, args, kwargs, 1, 1, ArgStyle.One);
            var p = (PyProperty)self!;
            var result = copy(p, args[0] is PyNone ? null : args[0]);
            result.name = p.name;
            return result;
        });

    /// <summary>property.__new__: an instance without accessors (property_new is PyType_GenericNew).</summary>
    internal static PyObject Construct(PyType type, PyTuple args, PyDict? kwargs) => new PyProperty(null, null, null, null) { Type = type };

    /// <summary>property.__init__(fget=None, fset=None, fdel=None, doc=None).</summary>
    internal static void Initialize(PyObject self, PyTuple args, PyDict? kwargs)
    {
        var a = WithKeywords(args.ToArray(), kwargs);
        PyObject? Arg(int i) => a[i] is null or PyNone ? null : a[i];
        ((PyProperty)self).Init(Arg(0), Arg(1), Arg(2), Arg(3));
    }

    private static PyObject?[] WithKeywords(PyObject[] args, PyDict? kwargs)
    {
        string[] names = ["fget", "fset", "fdel", "doc"];
        foreach (var (key, _) in kwargs?.Items() ?? [])
        {
            if (key is PyStr k && Array.IndexOf(names, k.Value) < 0)
            {
                throw new PythonException(PyExc.TypeError, $"{k.ReprString()} is an invalid keyword argument for property()");
            }
        }
        return MethodArgs.WithKeywords("property", args, kwargs, names);
    }
}

/// <summary>The types of this file and their constructors.</summary>
internal static class FuncTypes
{
    internal static PyType Method => BuiltinTypes.Get("method");
    internal static PyType InstanceMethod => BuiltinTypes.Get("instancemethod");
    internal static PyType ClassMethod => BuiltinTypes.Get("classmethod");
    internal static PyType StaticMethod => BuiltinTypes.Get("staticmethod");
    internal static PyType Property => BuiltinTypes.Get("property");

    internal static void Register()
    {
        Method.Constructor = (_, args, kwargs) =>
        {
            MethodArgs.Check(Method, "method", args.ToArray(), null, 2, 2, ArgStyle.Clinic);
            NoKeywords("method", kwargs);
            return args[0].IsCallable
                ? args[1] is PyNone ? throw new PythonException(PyExc.TypeError, "instance must not be None") : new PyBoundMethod(args[0], args[1])
                : throw new PythonException(PyExc.TypeError, "first argument must be callable");
        };
        InstanceMethod.Constructor = (_, args, kwargs) =>
        {
            MethodArgs.Check(InstanceMethod, "instancemethod", args.ToArray(), null, 1, 1, ArgStyle.Clinic);
            NoKeywords("instancemethod", kwargs);
            return args[0].IsCallable ? new PyInstanceMethod(args[0]) : throw new PythonException(PyExc.TypeError, "first argument must be callable");
        };
        // cm_new / sm_new allocate (no callable yet: None here); cm_init / sm_init take it.
        ClassMethod.Constructor = (type, _, _) => new PyClassMethod(PyNone.Instance) { Type = type };
        ClassMethod.Initializer = (self, args, kwargs) => ((PyCallableWrapper)self).Init(OneArgument("classmethod", args, kwargs));
        StaticMethod.Constructor = (type, _, _) => new PyStaticMethod(PyNone.Instance) { Type = type };
        StaticMethod.Initializer = (self, args, kwargs) => ((PyCallableWrapper)self).Init(OneArgument("staticmethod", args, kwargs));
        PyCallableWrapper.AddAttributes(ClassMethod);
        PyCallableWrapper.AddAttributes(StaticMethod);
        Property.Constructor = PyProperty.Construct;
        Property.Initializer = PyProperty.Initialize;
        PyProperty.AddMethods(Property);
    }

    private static PyObject OneArgument(string name, PyTuple args, PyDict? kwargs)
    {
        NoKeywords(name, kwargs);
        MethodArgs.Check(BuiltinTypes.Object, name, args.ToArray(), null, 1, 1, ArgStyle.Clinic);
        return args[0];
    }

    private static void NoKeywords(string name, PyDict? kwargs)
    {
        if (kwargs is { Count: > 0 })
        {
            throw new PythonException(PyExc.TypeError, $"{name}() takes no keyword arguments");
        }
    }
}

internal static class FuncApi
{
    private static PyObject Arg(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyMethod_New(BorrowedReference function, BorrowedReference self) =>
        self.IsNull ? throw Abstract.BadInternalCall() : ObjectSpace.NewRef(new PyBoundMethod(Arg(function), Arg(self)));

    [CApi(Error = "0")]
    internal static BorrowedReference PyMethod_Function(BorrowedReference method) =>
        Arg(method) is PyBoundMethod m ? ObjectSpace.Borrow(m.Function) : throw Abstract.BadInternalCall();

    [CApi(Error = "0")]
    internal static BorrowedReference PyMethod_Self(BorrowedReference method) =>
        Arg(method) is PyBoundMethod m ? ObjectSpace.Borrow(m.Self) : throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyInstanceMethod_New(BorrowedReference function) => ObjectSpace.NewRef(new PyInstanceMethod(Arg(function)));

    [CApi(Error = "0")]
    internal static BorrowedReference PyInstanceMethod_Function(BorrowedReference method) =>
        Arg(method) is PyInstanceMethod m ? ObjectSpace.Borrow(m.Function) : throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyClassMethod_New(BorrowedReference callable) => ObjectSpace.NewRef(new PyClassMethod(Arg(callable)));

    [CApi]
    internal static NewReference PyStaticMethod_New(BorrowedReference callable) => ObjectSpace.NewRef(new PyStaticMethod(Arg(callable)));

    /// <summary>The tp_descr_get of the managed descriptor types (statics.c), so that C can
    /// call Py_TYPE(descr)->tp_descr_get(descr, obj, type) as on CPython.</summary>
    [CApi]
    internal static NewReference _PyCApi_DescrGet(BorrowedReference descr, BorrowedReference obj, BorrowedReference type)
    {
        var instance = ObjectSpace.FromNativeOrNull(obj);
        var owner = ObjectSpace.FromNativeOrNull(type) as PyType ?? instance?.Type ?? throw Abstract.BadInternalCall();
        return Arg(descr) is IDescriptor d ? ObjectSpace.NewRef(d.Get(instance, owner))
            : throw Abstract.BadInternalCall();
    }

    /// <summary>The tp_descr_set of the managed data descriptor types (value NULL: delete).</summary>
    [CApi]
    internal static int _PyCApi_DescrSet(BorrowedReference descr, BorrowedReference obj, BorrowedReference value)
    {
        if (Arg(descr) is not IDescriptor d)
        {
            throw Abstract.BadInternalCall();
        }
        d.Set(Arg(obj), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }
}
