using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The object protocol's semantics (CPython's object.c and abstract.c), used by
/// the C API functions and by the object space itself.</summary>
internal static class Abstract
{
    internal static PythonException BadInternalCall() =>
        new(PyExc.SystemError, "bad argument to internal function");

    internal static PythonException Unhashable(PyObject o) => new(PyExc.TypeError, $"unhashable type: '{o.Type.Name}'");

    internal static long Hash(PyObject o) => o.Hash();

    private static readonly string[] OpSymbols = ["<", "<=", "==", "!=", ">", ">="];

    /// <summary>do_richcompare: the reflected operand first if it is a subtype, then the
    /// left one, then the right one; identity for == and !=; else TypeError.</summary>
    internal static PyObject RichCompare(PyObject v, PyObject w, CompareOp op)
    {
        var swapped = PyFloat.Swap(op);
        bool checkedReflected = false;
        if (!ReferenceEquals(v.Type, w.Type) && w.Type.IsSubtypeOf(v.Type))
        {
            checkedReflected = true;
            var r = w.RichCompare(v, swapped);
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        var res = v.RichCompare(w, op);
        if (res is not PyNotImplemented)
        {
            return res;
        }
        if (!checkedReflected)
        {
            res = w.RichCompare(v, swapped);
            if (res is not PyNotImplemented)
            {
                return res;
            }
        }
        return op switch
        {
            CompareOp.Eq => PyBool.Of(ReferenceEquals(v, w)),
            CompareOp.Ne => PyBool.Of(!ReferenceEquals(v, w)),
            _ => throw new PythonException(PyExc.TypeError,
                $"'{OpSymbols[(int)op]}' not supported between instances of '{v.Type.Name}' and '{w.Type.Name}'"),
        };
    }

    internal static bool RichCompareBool(PyObject v, PyObject w, CompareOp op)
    {
        if (ReferenceEquals(v, w))
        {
            if (op == CompareOp.Eq)
            {
                return true;
            }
            if (op == CompareOp.Ne)
            {
                return false;
            }
        }
        return RichCompare(v, w, op).IsTrue();
    }

    internal static PyStr Str(PyObject o) => o.Str();

    internal static PyObject Call(PyObject callable, PyTuple args, PyDict? kwargs)
    {
        if (!callable.IsCallable)
        {
            throw new PythonException(PyExc.TypeError, $"'{callable.Type.Name}' object is not callable");
        }
        RecursionGuard.Enter(" while calling a Python object");
        try
        {
            return callable.Call(args, kwargs);
        }
        finally
        {
            RecursionGuard.Leave();
        }
    }

    internal static PyObject GetAttr(PyObject o, PyObject name) => name is PyStr s
        ? o.GetAttr(s)
        : throw new PythonException(PyExc.TypeError, $"attribute name must be string, not '{name.Type.Name}'");

    internal static void SetAttr(PyObject o, PyObject name, PyObject? value)
    {
        if (name is not PyStr s)
        {
            throw new PythonException(PyExc.TypeError, $"attribute name must be string, not '{name.Type.Name}'");
        }
        o.SetAttr(s, value);
    }

    /// <summary>len(o) for the built-in containers (C types' sq_length/mp_length come with the slots).</summary>
    internal static long Length(PyObject o) => o switch
    {
        PyTuple t => t.Count,
        PyList l => l.Count,
        PyDict d => d.Count,
        PyStr s => s.Length,
        PyBytes b => b.Value.Length,
        _ => throw new PythonException(PyExc.TypeError, $"object of type '{o.Type.Name}' has no len()"),
    };

    internal static bool IsSubclass(PyType derived, PyType cls) => derived.IsSubtypeOf(cls);

    internal static bool IsInstance(PyObject o, PyType cls) => o.Type.IsSubtypeOf(cls);
}

/// <summary>Py_EnterRecursiveCall's depth limit, on the managed side of calls.</summary>
internal static class RecursionGuard
{
    [ThreadStatic] private static int depth;
    internal static int Limit = 1000;

    internal static void Enter(string where)
    {
        if (++depth > Limit)
        {
            depth--;
            throw new PythonException(PyExc.RecursionError, "maximum recursion depth exceeded" + where);
        }
    }

    internal static void Leave() => depth--;
}

/// <summary>The generic object API (CPython's object.c).</summary>
internal static unsafe class ObjectApi
{
    private static PyObject Arg(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyObject_Repr(BorrowedReference o) =>
        o.IsNull ? ObjectSpace.NewRef(new PyStr("<NULL>")) : ObjectSpace.NewRef(ObjectSpace.FromNative(o).Repr());

    [CApi]
    internal static NewReference PyObject_Str(BorrowedReference o) =>
        o.IsNull ? ObjectSpace.NewRef(new PyStr("<NULL>")) : ObjectSpace.NewRef(ObjectSpace.FromNative(o).Str());

    [CApi]
    internal static NewReference PyObject_RichCompare(BorrowedReference a, BorrowedReference b, int op)
    {
        if (a.IsNull || b.IsNull || op < 0 || op > 5)
        {
            throw Abstract.BadInternalCall();
        }
        return ObjectSpace.NewRef(Abstract.RichCompare(Arg(a), Arg(b), (CompareOp)op));
    }

    [CApi]
    internal static int PyObject_RichCompareBool(BorrowedReference a, BorrowedReference b, int op) =>
        Abstract.RichCompareBool(Arg(a), Arg(b), (CompareOp)op) ? 1 : 0;

    [CApi]
    internal static nint PyObject_Hash(BorrowedReference o) => (nint)Abstract.Hash(Arg(o));

    [CApi]
    internal static nint PyObject_HashNotImplemented(BorrowedReference o) => throw Abstract.Unhashable(Arg(o));

    [CApi]
    internal static int PyObject_IsTrue(BorrowedReference o) => Arg(o).IsTrue() ? 1 : 0;

    [CApi]
    internal static int PyObject_Not(BorrowedReference o) => Arg(o).IsTrue() ? 0 : 1;

    [CApi(Error = "0")]
    internal static int PyCallable_Check(BorrowedReference o) => !o.IsNull && Arg(o).IsCallable ? 1 : 0;

    [CApi]
    internal static NewReference PyObject_Type(BorrowedReference o) => ObjectSpace.NewRef(Arg(o).Type);

    [CApi]
    internal static NewReference PyObject_GetAttr(BorrowedReference o, BorrowedReference name) =>
        ObjectSpace.NewRef(Abstract.GetAttr(Arg(o), Arg(name)));

    [CApi]
    internal static NewReference PyObject_GetAttrString(BorrowedReference o, string name) =>
        ObjectSpace.NewRef(Arg(o).GetAttr(new PyStr(name)));

    [CApi]
    internal static NewReference PyObject_GenericGetAttr(BorrowedReference o, BorrowedReference name) =>
        ObjectSpace.NewRef(Attributes.GenericGetAttr(Arg(o), (PyStr)Arg(name)));

    [CApi]
    internal static int PyObject_SetAttr(BorrowedReference o, BorrowedReference name, BorrowedReference value)
    {
        Abstract.SetAttr(Arg(o), Arg(name), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    [CApi]
    internal static int PyObject_SetAttrString(BorrowedReference o, string name, BorrowedReference value)
    {
        Arg(o).SetAttr(new PyStr(name), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    [CApi]
    internal static int PyObject_GenericSetAttr(BorrowedReference o, BorrowedReference name, BorrowedReference value)
    {
        Attributes.GenericSetAttr(Arg(o), (PyStr)Arg(name), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    /// <summary>hasattr: any error while looking up counts as "no" and is cleared.</summary>
    [CApi(Error = "0")]
    internal static int PyObject_HasAttr(BorrowedReference o, BorrowedReference name)
    {
        try
        {
            Abstract.GetAttr(Arg(o), Arg(name));
            return 1;
        }
        catch (PythonException)
        {
            return 0;
        }
    }

    [CApi(Error = "0")]
    internal static int PyObject_HasAttrString(BorrowedReference o, string name)
    {
        try
        {
            Arg(o).GetAttr(new PyStr(name));
            return 1;
        }
        catch (PythonException)
        {
            return 0;
        }
    }

    /// <summary>1 with the value, 0 without an error when the attribute is missing.</summary>
    [CApi]
    internal static int _PyObject_LookupAttr(BorrowedReference o, BorrowedReference name, nint* result)
    {
        *result = 0;
        try
        {
            *result = ObjectSpace.NewRef(Abstract.GetAttr(Arg(o), Arg(name))).Address;
            return 1;
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            return 0;
        }
    }

    [CApi]
    internal static NewReference PyObject_Dir(BorrowedReference o)
    {
        var obj = Arg(o);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in new[] { obj.Dict }.Concat(obj.Type.Mro.Select(t => (PyDict?)t.TypeDict)))
        {
            foreach (var (k, _) in d?.Items() ?? [])
            {
                if (k is PyStr s)
                {
                    names.Add(s.Value);
                }
            }
        }
        return ObjectSpace.NewRef(PyList.Create(names.Select(n => (PyObject)new PyStr(n))));
    }

    [CApi]
    internal static NewReference PyObject_SelfIter(BorrowedReference o) => ObjectSpace.NewRef(Arg(o));

    [CApi(Error = "0")]
    internal static int PyType_IsSubtype(BorrowedReference a, BorrowedReference b) =>
        ((PyType)Arg(a)).IsSubtypeOf((PyType)Arg(b)) ? 1 : 0;

    [CApi]
    internal static int PyObject_IsInstance(BorrowedReference o, BorrowedReference cls) => IsInstance(Arg(o), Arg(cls)) ? 1 : 0;

    private static bool IsInstance(PyObject o, PyObject cls) => cls switch
    {
        PyType t => Abstract.IsInstance(o, t),
        PyTuple tuple => tuple.ToArray().Any(c => IsInstance(o, c)),
        _ => throw new PythonException(PyExc.TypeError,
            "isinstance() arg 2 must be a type, a tuple of types, or a union"),
    };

    [CApi]
    internal static int PyObject_IsSubclass(BorrowedReference o, BorrowedReference cls) => IsSubclass(Arg(o), Arg(cls)) ? 1 : 0;

    private static bool IsSubclass(PyObject derived, PyObject cls) => (derived, cls) switch
    {
        (PyType d, PyType c) => Abstract.IsSubclass(d, c),
        (_, PyTuple tuple) => tuple.ToArray().Any(c => IsSubclass(derived, c)),
        (not PyType, _) => throw new PythonException(PyExc.TypeError, "issubclass() arg 1 must be a class"),
        _ => throw new PythonException(PyExc.TypeError,
            "issubclass() arg 2 must be a class, a tuple of classes, or a union"),
    };

    [CApi]
    internal static nint PyObject_Size(BorrowedReference o) => (nint)Abstract.Length(Arg(o));

    [CApi]
    internal static nint PyObject_Length(BorrowedReference o) => PyObject_Size(o);

    [CApi]
    internal static NewReference PyObject_GetItem(BorrowedReference o, BorrowedReference key)
    {
        var (obj, k) = (Arg(o), Arg(key));
        switch (obj)
        {
            case PyDict d:
                return d.GetItem(k) is { } v ? ObjectSpace.NewRef(v)
                    : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [k]));
            case PyTuple or PyList:
                if (k is not PyInt i)
                {
                    throw new PythonException(PyExc.TypeError,
                        $"{obj.Type.Name} indices must be integers or slices, not {k.Type.Name}");
                }
                var items = obj is PyTuple t ? t.ToArray() : ((PyList)obj).ToArray();
                var index = i.Value < 0 ? i.Value + items.Length : i.Value;
                if (index < 0 || index >= items.Length)
                {
                    throw new PythonException(PyExc.IndexError, $"{obj.Type.Name} index out of range");
                }
                return ObjectSpace.NewRef(items[(int)index]);
            default:
                throw new PythonException(PyExc.TypeError, $"'{obj.Type.Name}' object is not subscriptable");
        }
    }

    [CApi]
    internal static int PyObject_SetItem(BorrowedReference o, BorrowedReference key, BorrowedReference value)
    {
        var obj = Arg(o);
        if (obj is PyDict d)
        {
            d.SetItem(Arg(key), Arg(value));
            return 0;
        }
        if (obj is PyList && Arg(key) is PyInt i)
        {
            var n = ((PyList)obj).Count;
            var index = i.Value < 0 ? i.Value + n : i.Value;
            if (index < 0 || index >= n)
            {
                throw new PythonException(PyExc.IndexError, "list assignment index out of range");
            }
            ObjectSpace.IncRef(value.Address);
            ((nint*)((PyListLayout*)o.Address)->ob_item)[(int)index] = value.Address;
            return 0;
        }
        throw new PythonException(PyExc.TypeError, $"'{obj.Type.Name}' object does not support item assignment");
    }

    [CApi]
    internal static int PyObject_DelItem(BorrowedReference o, BorrowedReference key)
    {
        var obj = Arg(o);
        if (obj is PyDict d)
        {
            return d.DelItem(Arg(key)) ? 0 : throw new PythonException(PyBaseException.Create(PyExc.KeyError, [Arg(key)]));
        }
        throw new PythonException(PyExc.TypeError, $"'{obj.Type.Name}' object does not support item deletion");
    }

    /// <summary>A list or tuple as it is, anything else as a new list of its items.</summary>
    [CApi]
    internal static NewReference PySequence_Fast(BorrowedReference o, string message) => Arg(o) switch
    {
        PyList or PyTuple => new NewReference(ObjectSpace.NewRef(Arg(o)).Address),
        PyDict d => ObjectSpace.NewRef(PyList.Create(d.Items().Select(kv => kv.Key))),
        _ => throw new PythonException(PyExc.TypeError, message),
    };
}
