using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>super(type, obj): attribute lookup along obj's MRO after type, bound to obj
/// (or, for super(type, subtype), to the subtype as class methods are). The zero-argument
/// form needs a calling frame, which a call from C does not have. __new__ makes it unset,
/// __init__ sets it (super_init); a bound super is its own __get__.</summary>
internal sealed class PySuper(PyType superType) : PyObject(superType), IDescriptor
{
    private PyType? type;
    private PyObject? obj;
    private PyType? objType;

    internal static void Register()
    {
        var super = BuiltinTypes.Get("super");
        super.Constructor = (t, _, _) => new PySuper(t);
        super.Initializer = (self, args, kwargs) =>
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
            var su = (PySuper)self;
            (su.type, su.obj, su.objType) = (type, obj, obj is null ? null : Check(type, obj));
        };
        PyManagedMember.Add(super, "__thisclass__", o => (PyObject?)((PySuper)o).type ?? PyNone.Instance);
        PyManagedMember.Add(super, "__self__", o => ((PySuper)o).obj ?? PyNone.Instance);
        PyManagedMember.Add(super, "__self_class__", o => (PyObject?)((PySuper)o).objType ?? PyNone.Instance);
    }

    public bool IsData => false;

    /// <summary>super_descr_get: an unbound super binds to the instance (a subclass of
    /// super is called to do it), anything else is itself.</summary>
    public PyObject Get(PyObject? instance, PyType owner)
    {
        if (instance is null or PyNone || obj is not null)
        {
            return this;
        }
        var args = PyTuple.Create([(PyObject?)type ?? PyNone.Instance, instance]);
        return Abstract.Call(Type, args, null);
    }

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
        if (type is not null && objType is not null && name.Value != "__class__")
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
        return base.GetAttr(name);
    }

    internal override PyStr ReprCore() => new(objType is null
        ? $"<super: <class '{type?.ShortName ?? "NULL"}'>, NULL>"
        : $"<super: <class '{type?.ShortName ?? "NULL"}'>, <{objType.ShortName} object>>");
}
