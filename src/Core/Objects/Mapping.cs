using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The mapping protocol (CPython's abstract.c): keys()/values()/items() of any
/// mapping as lists.</summary>
internal static class Mapping
{
    /// <summary>_PyObject_LookupAttr's answer: a missing attribute is "no", other errors propagate.</summary>
    internal static bool HasAttribute(PyObject o, string name)
    {
        try
        {
            o.GetAttr(new PyStr(name));
            return true;
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            return false;
        }
    }

    // Only an exact dict takes the shortcut: a subclass's own keys()/values()/items() count.
    private static PyDict? ExactDict(PyObject o) => ReferenceEquals(o.Type, BuiltinTypes.Dict) ? (PyDict)o : null;

    internal static PyList Keys(PyObject o) => ExactDict(o) is { } d ? PyList.Create(d.Items().Select(kv => kv.Key)) : MethodAsList(o, "keys");

    internal static PyList Values(PyObject o) => ExactDict(o) is { } d ? PyList.Create(d.Items().Select(kv => kv.Value)) : MethodAsList(o, "values");

    internal static PyList Items(PyObject o) => ExactDict(o) is { } d
        ? PyList.Create(d.Items().Select(kv => (PyObject)PyTuple.Create([kv.Key, kv.Value])).ToList())
        : MethodAsList(o, "items");

    /// <summary>method_output_as_list: o.name() made a list; a non-iterable result is named.</summary>
    private static PyList MethodAsList(PyObject o, string name)
    {
        var result = Abstract.Call(o.GetAttr(new PyStr(name)), PyTuple.Empty, null);
        if (result is PyList l && ReferenceEquals(l.Type, BuiltinTypes.List))
        {
            return l;
        }
        PyObject it;
        try
        {
            it = Abstract.GetIter(result);
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.TypeError))
        {
            throw new PythonException(PyExc.TypeError,
                $"{o.Type.Name}.{name}() returned a non-iterable (type {result.Type.Name})");
        }
        return Abstract.ToList(it);
    }
}

/// <summary>The PyMapping_* functions.</summary>
internal static class MappingApi
{
    private static PyObject Arg(BorrowedReference o) => ObjectSpace.FromNativeOrNull(o) ?? throw SequenceApi.NullError();

    [CApi(Error = "0")]
    internal static int PyMapping_Check(BorrowedReference o) => !o.IsNull && Abstract.IsMapping(Arg(o)) ? 1 : 0;

    [CApi]
    internal static nint PyMapping_Size(BorrowedReference o) => (nint)Abstract.MappingLength(Arg(o));

    [CApi]
    internal static nint PyMapping_Length(BorrowedReference o) => PyMapping_Size(o);

    [CApi]
    internal static NewReference PyMapping_GetItemString(BorrowedReference o, string key) =>
        ObjectSpace.NewRef(Abstract.GetItem(Arg(o), new PyStr(key)));

    [CApi]
    internal static int PyMapping_SetItemString(BorrowedReference o, string key, BorrowedReference value)
    {
        Abstract.SetItem(Arg(o), new PyStr(key), Arg(value));
        return 0;
    }

    /// <summary>Any error while looking up counts as "no" and is cleared (CPython's contract).</summary>
    [CApi(Error = "0")]
    internal static int PyMapping_HasKey(BorrowedReference o, BorrowedReference key) =>
        Abstract.SucceedsQuietly(() => Abstract.GetItem(Arg(o), Arg(key)));

    [CApi(Error = "0")]
    internal static int PyMapping_HasKeyString(BorrowedReference o, string key) =>
        Abstract.SucceedsQuietly(() => Abstract.GetItem(Arg(o), new PyStr(key)));

    [CApi]
    internal static NewReference PyMapping_Keys(BorrowedReference o) => ObjectSpace.NewRef(Mapping.Keys(Arg(o)));

    [CApi]
    internal static NewReference PyMapping_Values(BorrowedReference o) => ObjectSpace.NewRef(Mapping.Values(Arg(o)));

    [CApi]
    internal static NewReference PyMapping_Items(BorrowedReference o) => ObjectSpace.NewRef(Mapping.Items(Arg(o)));
}
