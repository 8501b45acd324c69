using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>Attribute lookup as object.__getattribute__ does it: data descriptors on the
/// type, then the instance dict, then other type attributes (bound if they are descriptors).</summary>
internal static class Attributes
{
    internal static PyObject GenericGetAttr(PyObject o, PyStr name)
    {
        var descr = o.Type.Lookup(name);
        if (descr is IDescriptor { IsData: true } data)
        {
            return data.Get(o, o.Type);
        }
        if (o.Dict?.GetItem(name) is { } v)
        {
            return v;
        }
        if (descr is IDescriptor d)
        {
            return d.Get(o, o.Type);
        }
        if (descr is not null)
        {
            return descr;
        }
        throw NoAttribute(o, name);
    }

    internal static PythonException NoAttribute(PyObject o, PyStr name)
    {
        var exc = PyBaseException.Create(PyExc.AttributeError,
            [new PyStr($"'{o.Type.Name}' object has no attribute '{name.Value}'")]);
        return new PythonException(exc);
    }

    internal static void GenericSetAttr(PyObject o, PyStr name, PyObject? value)
    {
        if (o.Type.Lookup(name) is IDescriptor { IsData: true } data)
        {
            data.Set(o, value);
            return;
        }
        var dict = o.Dict;
        if (dict is null)
        {
            throw new PythonException(PyExc.AttributeError,
                o.Type.Lookup(name) is null
                    ? $"'{o.Type.Name}' object has no attribute '{name.Value}'"
                    : $"'{o.Type.Name}' object attribute '{name.Value}' is read-only");
        }
        if (value is not null)
        {
            dict.SetItem(name, value);
        }
        else if (!dict.DelItem(name))
        {
            throw NoAttribute(o, name);
        }
    }
}

/// <summary>An object with __get__ (and, for data descriptors, __set__).</summary>
internal interface IDescriptor
{
    bool IsData { get; }
    PyObject Get(PyObject? instance, PyType owner);
    void Set(PyObject instance, PyObject? value) =>
        throw new PythonException(PyExc.AttributeError, "readonly attribute");
}
