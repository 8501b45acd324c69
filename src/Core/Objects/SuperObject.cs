using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>super(type, obj): attribute lookup along obj's MRO after type, bound to obj
/// (or, for super(type, subtype), to the subtype as class methods are). The zero-argument
/// form needs a calling frame, which a call from C does not have.</summary>
internal sealed class PySuper(PyType type, PyObject? obj, PyType? objType) : PyObject(BuiltinTypes.Get("super"))
{
    internal static void Register() => BuiltinTypes.Get("super").Constructor = (_, args, kwargs) =>
    {
        if (kwargs is { Count: > 0 })
        {
            throw new PythonException(PyExc.TypeError, "super() takes no keyword arguments");
        }
        MethodArgs.Check(BuiltinTypes.Object, "super", args.ToArray(), null, 0, 2, ArgStyle.Clinic);
        if (args.Count == 0)
        {
            throw new PythonException(PyExc.RuntimeError, "super(): no current frame");
        }
        var type = args[0] as PyType ?? throw new PythonException(PyExc.TypeError,
            $"super() argument 1 must be a type, not {args[0].Type.Name}");
        var obj = args.Count > 1 && args[1] is not PyNone ? args[1] : null;
        return new PySuper(type, obj, obj is null ? null : Check(type, obj));
    };

    /// <summary>supercheck: the type whose MRO is searched.</summary>
    private static PyType Check(PyType type, PyObject obj)
    {
        if (obj is PyType t && t.IsSubtypeOf(type))
        {
            return t;
        }
        if (obj.Type.IsSubtypeOf(type))
        {
            return obj.Type;
        }
        if (Attributes.Lookup(obj, "__class__") is PyType c && c.IsSubtypeOf(type))
        {
            return c;
        }
        throw new PythonException(PyExc.TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }

    internal override PyObject GetAttr(PyStr name)
    {
        if (objType is not null && name.Value != "__class__")
        {
            var mro = objType.Mro;
            for (int i = Array.IndexOf(mro, type) + 1; i > 0 && i < mro.Length; i++)
            {
                if (mro[i].TypeDict.GetItem(name) is { } v)
                {
                    return v is IDescriptor d ? d.Get(ReferenceEquals(obj, objType) ? null : obj, objType) : v;
                }
            }
        }
        return name.Value switch
        {
            "__thisclass__" => type,
            "__self__" => obj ?? PyNone.Instance,
            "__self_class__" => (PyObject?)objType ?? PyNone.Instance,
            _ => base.GetAttr(name),
        };
    }

    internal override PyStr ReprCore() => new(objType is null
        ? $"<super: <class '{type.ShortName}'>, NULL>"
        : $"<super: <class '{type.ShortName}'>, <{objType.ShortName} object>>");
}
