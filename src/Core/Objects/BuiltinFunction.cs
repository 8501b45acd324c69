using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The body of a function or method implemented in managed code: self is the
/// bound object (null for a plain function), args the positional arguments.</summary>
internal delegate PyObject BuiltinBody(PyObject? self, PyObject[] args, PyDict? kwargs);

/// <summary>What every builtin_function_or_method shares, whether its body is C (a
/// PyMethodDef) or managed: the attributes, the repr and the name call errors use.</summary>
internal abstract class PyBuiltinCallable(string name, PyObject? self, PyType? type = null)
    : PyObject(type ?? BuiltinTypes.CFunction)
{
    internal readonly string Name = name;

    /// <summary>The bound object: the module for module functions, null for none.</summary>
    internal readonly PyObject? Self = self;

    /// <summary>__module__ (None when unknown, as for methods of types).</summary>
    internal abstract PyObject ModuleAttr { get; }

    /// <summary>The doc as written, possibly starting with a "name(...)\n--\n\n" signature.</summary>
    protected abstract string? InternalDoc { get; }

    internal override bool IsCallable => true;

    /// <summary>meth_get__qualname__: the name, prefixed with the type of a bound self.</summary>
    internal string QualName => Self is null or PyModule ? Name : $"{(Self as PyType ?? Self.Type).ShortName}.{Name}";

    /// <summary>_PyObject_FunctionStr: "module.qualname()", as call errors name a function.</summary>
    internal string FunctionStr =>
        ModuleAttr is PyNone || ModuleAttr is PyStr { Value: "builtins" } ? $"{QualName}()" : $"{ModuleAttr.StrString()}.{QualName}()";

    internal override PyStr ReprCore() => Self is null or PyModule
        ? new PyStr($"<built-in function {Name}>")
        : new PyStr($"<built-in method {Name} of {Self.Type.Name} object at 0x{ObjectSpace.ToNative(Self):x}>");

    internal override PyObject GetAttr(PyStr attr) => attr.Value switch
    {
        "__name__" => new PyStr(Name),
        "__qualname__" => new PyStr(QualName),
        "__module__" => ModuleAttr,
        "__doc__" => DocSignature.Doc(Name, InternalDoc),
        "__self__" => Self ?? (PyObject)PyNone.Instance,
        "__text_signature__" => DocSignature.TextSignature(Name, InternalDoc),
        _ => base.GetAttr(attr),
    };
}

/// <summary>A built-in function or bound built-in method implemented in managed code
/// (builtins.len, 'abc'.upper): a builtin_function_or_method, as in CPython.</summary>
internal sealed class PyBuiltinFunction(string name, PyObject? self, BuiltinBody body, string? module = "builtins", string? doc = null)
    : PyBuiltinCallable(name, self)
{
    internal override PyObject ModuleAttr => module is null ? PyNone.Instance : new PyStr(module);

    protected override string? InternalDoc => doc;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => body(Self, args.ToArray(), kwargs);

    /// <summary>A call with positional arguments only, without making them a tuple.</summary>
    internal PyObject CallPositional(PyObject[] args) => body(Self, args, null);
}

/// <summary>The signature that Argument Clinic puts at the start of a built-in's doc
/// ("name(a, b, /)\n--\n\n"): __text_signature__ is it, __doc__ the rest (CPython's
/// find_signature / skip_signature).</summary>
internal static class DocSignature
{
    private const string EndMarker = ")\n--\n\n";

    /// <summary>The index of the signature's '(' and of the doc after its end marker, or null.</summary>
    private static (int Open, int DocStart)? Find(string name, string? doc)
    {
        if (doc is null)
        {
            return null;
        }
        string shortName = name[(name.LastIndexOf('.') + 1)..];
        if (!doc.StartsWith(shortName, StringComparison.Ordinal) || doc.Length <= shortName.Length || doc[shortName.Length] != '(')
        {
            return null;
        }
        for (int i = shortName.Length; i < doc.Length; i++)
        {
            if (string.CompareOrdinal(doc, i, EndMarker, 0, EndMarker.Length) == 0)
            {
                return (shortName.Length, i + EndMarker.Length);
            }
            if (doc[i] == '\n' && i + 1 < doc.Length && doc[i + 1] == '\n')
            {
                return null;
            }
        }
        return null;
    }

    internal static PyObject Doc(string name, string? doc)
    {
        string? text = Find(name, doc) is { } sig ? doc![sig.DocStart..] : doc;
        return string.IsNullOrEmpty(text) ? PyNone.Instance : new PyStr(text);
    }

    internal static PyObject TextSignature(string name, string? doc) =>
        Find(name, doc) is { } sig ? new PyStr(doc![sig.Open..(sig.DocStart - EndMarker.Length + 1)]) : PyNone.Instance;
}

/// <summary>A method of a built-in type implemented in managed code (str.upper): a
/// method_descriptor that binds to the instance on attribute access.</summary>
internal sealed class PyBuiltinMethodDescriptor(PyType owner, string name, BuiltinBody body, string? doc = null)
    : PyObject(BuiltinTypes.MethodDescriptor), IDescriptor
{
    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType type) =>
        instance is null ? this : new PyBuiltinFunction(name, instance, body, null, doc);

    internal override bool IsCallable => true;

    /// <summary>str.upper('abc'): the first argument is self and must be an instance.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        if (args.Count == 0)
        {
            throw new PythonException(PyExc.TypeError, $"unbound method {owner.ShortName}.{name}() needs an argument");
        }
        var self = args[0];
        if (!self.Type.IsSubtypeOf(owner))
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{name}' for '{owner.ShortName}' objects doesn't apply to a '{self.Type.Name}' object");
        }
        return body(self, args.ToArray()[1..], kwargs);
    }

    internal override PyStr ReprCore() => new($"<method '{name}' of '{owner.ShortName}' objects>");

    /// <summary>Adds a managed method to a built-in type's dict.</summary>
    internal static void Add(PyType type, string name, BuiltinBody body, string? doc = null) =>
        type.TypeDict.SetItem(new PyStr(name), new PyBuiltinMethodDescriptor(type, name, body, doc));

    /// <summary>Adds a METH_NOARGS method ("int.bit_length() takes no arguments (1 given)").</summary>
    internal static void AddNoArgs(PyType type, string name, Func<PyObject, PyObject> body) =>
        Add(type, name, (self, args, kwargs) =>
        {
            MethodArgs.Check(type, name, args, kwargs, 0, 0, ArgStyle.NoArgs);
            return body(self!);
        });
}

/// <summary>CPython's argument-count errors for functions implemented in managed code.</summary>
internal static class ArgCheck
{
    internal static void NoKeywords(string name, PyDict? kwargs)
    {
        if (kwargs is not null && kwargs.Count > 0)
        {
            throw new PythonException(PyExc.TypeError, $"{name}() takes no keyword arguments");
        }
    }

    /// <summary>"len() takes exactly one argument (2 given)" for METH_O-style functions.</summary>
    internal static PyObject One(string name, PyObject[] args, PyDict? kwargs)
    {
        NoKeywords(name, kwargs);
        return args.Length == 1 ? args[0]
            : throw new PythonException(PyExc.TypeError, $"{name}() takes exactly one argument ({args.Length} given)");
    }

    /// <summary>"f() takes no arguments (1 given)" for METH_NOARGS-style functions.</summary>
    internal static void None(string name, PyObject[] args, PyDict? kwargs)
    {
        NoKeywords(name, kwargs);
        if (args.Length != 0)
        {
            throw new PythonException(PyExc.TypeError, $"{name}() takes no arguments ({args.Length} given)");
        }
    }

    /// <summary>"f expected at least 1 argument, got 0" (PyArg_UnpackTuple's wording).</summary>
    internal static void Range(string name, PyObject[] args, int min, int max)
    {
        if (args.Length < min)
        {
            throw new PythonException(PyExc.TypeError,
                $"{name} expected {(min == max ? "" : "at least ")}{min} argument{(min == 1 ? "" : "s")}, got {args.Length}");
        }
        if (args.Length > max)
        {
            throw new PythonException(PyExc.TypeError,
                $"{name} expected {(min == max ? "" : "at most ")}{max} argument{(max == 1 ? "" : "s")}, got {args.Length}");
        }
    }
}

/// <summary>A class method of a built-in type implemented in managed code (dict.fromkeys):
/// a classmethod_descriptor that binds to the class, from the class or from an instance.</summary>
internal sealed class PyBuiltinClassMethodDescriptor(PyType owner, string name, BuiltinBody body)
    : PyObject(BuiltinTypes.Get("classmethod_descriptor")), IDescriptor
{
    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType type) => Bind(type);

    private PyBuiltinFunction Bind(PyObject cls) => new(name, PyClassMethodDescriptor.BoundClass(name, owner, cls), body, null);

    internal override bool IsCallable => true;

    /// <summary>int.__dict__['from_bytes'](int, b'...'): the first argument is the class to bind to.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs) => PyClassMethodDescriptor.CallBound(name, owner, args, kwargs, Bind);

    internal override PyStr ReprCore() => new($"<method '{name}' of '{owner.ShortName}' objects>");

    /// <summary>Adds a managed class method to a built-in type's dict.</summary>
    internal static void Add(PyType type, string name, BuiltinBody body) =>
        type.TypeDict.SetItem(new PyStr(name), new PyBuiltinClassMethodDescriptor(type, name, body));
}

/// <summary>A slot of a built-in type seen as a method (list.__len__): a wrapper_descriptor
/// that binds to the instance on attribute access.</summary>
internal sealed class PySlotWrapper(PyType owner, string name, BuiltinBody body)
    : PyObject(BuiltinTypes.Get("wrapper_descriptor")), IDescriptor
{
    public bool IsData => false;

    public PyObject Get(PyObject? instance, PyType type) => instance is null ? this : new PyMethodWrapper(this, instance);

    internal PyType Owner => owner;

    internal string SlotName => name;

    internal PyObject CallBound(PyObject self, PyObject[] args, PyDict? kwargs) => body(self, args, kwargs);

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        if (args.Count == 0)
        {
            throw new PythonException(PyExc.TypeError, $"descriptor '{name}' of '{owner.Name}' object needs an argument");
        }
        var self = args[0];
        if (!self.Type.IsSubtypeOf(owner))
        {
            throw new PythonException(PyExc.TypeError,
                $"descriptor '{name}' requires a '{owner.Name}' object but received a '{self.Type.Name}'");
        }
        return body(self, args.ToArray()[1..], kwargs);
    }

    internal override PyStr ReprCore() => new($"<slot wrapper '{name}' of '{owner.Name}' objects>");

    /// <summary>Adds a slot wrapper taking <paramref name="arity"/> arguments ("expected 1 argument, got 0").</summary>
    internal static void Add(PyType type, string name, int arity, Func<PyObject, PyObject[], PyObject> body) =>
        type.TypeDict.SetItem(new PyStr(name), new PySlotWrapper(type, name, (self, args, kwargs) =>
        {
            ArgCheck.NoKeywords(name, kwargs);
            if (args.Length != arity)
            {
                throw new PythonException(PyExc.TypeError, ArityError(arity, args.Length));
            }
            return body(self!, args);
        }));

    /// <summary>A wrapper's count error: check_num_args's, except that the two-argument
    /// wrappers (__setitem__, __setattr__, __set__) unpack with PyArg_UnpackTuple(args, "", 2, 2),
    /// whose message starts with the empty name.</summary>
    internal static string ArityError(int arity, int given) => arity == 2 ? $" expected 2 arguments, got {given}"
        : $"expected {arity} argument{(arity == 1 ? "" : "s")}, got {given}";
}

/// <summary>A slot wrapper bound to an instance ((1).__add__, PyWrapper_New): a method-wrapper.
/// Two are equal when they bind the same descriptor to the same object.</summary>
internal sealed class PyMethodWrapper(PySlotWrapper descr, PyObject self) : PyObject(BuiltinTypes.Get("method-wrapper"))
{
    private readonly PySlotWrapper descr = descr;
    private readonly PyObject self = self;

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => descr.CallBound(self, args.ToArray(), kwargs);

    internal override PyStr ReprCore() =>
        new($"<method-wrapper '{descr.SlotName}' of {self.Type.Name} object at 0x{ObjectSpace.ToNative(self):x}>");

    internal override PyObject GetAttr(PyStr attr) => attr.Value switch
    {
        "__self__" => self,
        "__name__" => new PyStr(descr.SlotName),
        "__qualname__" => new PyStr($"{descr.Owner.ShortName}.{descr.SlotName}"),
        "__objclass__" => descr.Owner,
        _ => base.GetAttr(attr),
    };

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) =>
        other is PyMethodWrapper w && op is CompareOp.Eq or CompareOp.Ne
            ? PyBool.Of((ReferenceEquals(w.descr, descr) && ReferenceEquals(w.self, self)) == (op == CompareOp.Eq))
            : PyNotImplemented.Instance;

    /// <summary>wrapper_hash: the two identities combined.</summary>
    internal override long HashCore()
    {
        long h = NumericHash.OfPointer(ObjectSpace.ToNative(self)) ^ NumericHash.OfPointer(ObjectSpace.ToNative(descr));
        return h == -1 ? -2 : h;
    }
}
