using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The body of a function or method implemented in managed code: self is the
/// bound object (null for a plain function), args the positional arguments.</summary>
internal delegate PyObject BuiltinBody(PyObject? self, PyObject[] args, PyDict? kwargs);

/// <summary>A built-in function or bound built-in method implemented in managed code
/// (builtins.len, 'abc'.upper): a builtin_function_or_method, as in CPython.</summary>
internal sealed class PyBuiltinFunction(string name, PyObject? self, BuiltinBody body, string? module = "builtins", string? doc = null)
    : PyObject(BuiltinTypes.CFunction)
{
    internal readonly string Name = name;
    internal readonly PyObject? Self = self;

    internal override bool IsCallable => true;

    internal override PyObject Call(PyTuple args, PyDict? kwargs) => body(Self, args.ToArray(), kwargs);

    private string QualName => Self is null or PyModule ? Name : $"{(Self as PyType ?? Self.Type).ShortName}.{Name}";

    internal override PyStr Repr() => Self is null or PyModule
        ? new PyStr($"<built-in function {Name}>")
        : new PyStr($"<built-in method {Name} of {Self.Type.Name} object at 0x{ObjectSpace.ToNative(Self):x}>");

    internal override PyObject GetAttr(PyStr attr) => attr.Value switch
    {
        "__name__" => new PyStr(Name),
        "__qualname__" => new PyStr(QualName),
        "__module__" => module is null ? PyNone.Instance : new PyStr(module),
        "__doc__" => doc is null ? PyNone.Instance : new PyStr(doc),
        "__self__" => Self ?? (PyObject)PyNone.Instance,
        "__text_signature__" => PyNone.Instance,
        _ => base.GetAttr(attr),
    };
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

    internal override PyStr Repr() => new($"<method '{name}' of '{owner.ShortName}' objects>");

    /// <summary>Adds a managed method to a built-in type's dict.</summary>
    internal static void Add(PyType type, string name, BuiltinBody body, string? doc = null) =>
        type.TypeDict.SetItem(new PyStr(name), new PyBuiltinMethodDescriptor(type, name, body, doc));
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
