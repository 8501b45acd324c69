using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>type's own methods and its members and getsets (type_methods, type_members and
/// type_getsets in CPython's typeobject.c); its slots' wrappers come from its C slots.</summary>
internal static class TypeMethods
{
    internal static void Register()
    {
        var type = BuiltinTypes.Type;
        foreach (var name in new[] { "__base__", "__basicsize__", "__dictoffset__", "__flags__", "__itemsize__", "__mro__", "__weakrefoffset__" })
        {
            var key = new PyStr(name);
            PyManagedMember.Add(type, name, o => ((PyType)o).SpecialAttribute(key)!);
        }
        foreach (var name in new[] { "__bases__", "__dict__", "__module__", "__name__", "__qualname__" })
        {
            var key = new PyStr(name);
            PyGetSetDescriptor.Add(type, name, o => ((PyType)o).SpecialAttribute(key)!);
        }
        // type_abstractmethods: only from a class's own dict (type's own entry is this descriptor).
        PyGetSetDescriptor.Add(type, "__abstractmethods__", o =>
            (ReferenceEquals(o, type) ? null : ((PyType)o).TypeDict.GetItem(new PyStr("__abstractmethods__")))
                ?? throw new PythonException(PyExc.AttributeError, "__abstractmethods__"));
        // type_get_annotations: a heap type's, made empty on first use.
        PyGetSetDescriptor.Add(type, "__annotations__", o =>
        {
            var t = (PyType)o;
            var key = new PyStr("__annotations__");
            if (!t.IsHeapType)
            {
                throw new PythonException(PyExc.AttributeError, $"type object '{t.Name}' has no attribute '__annotations__'");
            }
            if (t.TypeDict.GetItem(key) is { } annotations)
            {
                return annotations is IDescriptor d ? d.Get(null, t) : annotations;
            }
            var made = new PyDict();
            t.TypeDict.SetItem(key, made);
            return made;
        });
        void AddNoArgs(string name, Func<PyType, PyObject> body) => PyBuiltinMethodDescriptor.Add(type, name, (self, args, kwargs) =>
        {
            ArgCheck.None($"{self!.Type.QualName}.{name}", args, kwargs);
            return body((PyType)self);
        });
        void AddOne(string name, Func<PyType, PyObject, PyObject> body) => PyBuiltinMethodDescriptor.Add(type, name, (self, args, kwargs) =>
            body((PyType)self!, ArgCheck.One($"{self!.Type.QualName}.{name}", args, kwargs)));

        AddNoArgs("mro", t => PyList.Create(t.Mro));
        AddNoArgs("__subclasses__", t => PyList.Create(TypeNew.Subclasses(t)));
        AddNoArgs("__dir__", t => ObjectApi.DirNames(t.Mro.Select(c => (PyDict?)c.TypeDict)));
        // type___sizeof__: the type object itself (a heap type's cached dict keys not counted).
        AddNoArgs("__sizeof__", t => new PyInt(t.IsHeapType ? Marshal.SizeOf<PyHeapTypeLayout>() : Marshal.SizeOf<PyTypeObjectLayout>()));
        AddOne("__instancecheck__", (t, instance) => PyBool.Of(ObjectApi.RealIsInstance(instance, t)));
        AddOne("__subclasscheck__", (t, subclass) => PyBool.Of(ObjectApi.RealIsSubclass(subclass, t)));
        // type.__prepare__(name, bases, **kwds): the namespace a class body fills.
        PyBuiltinClassMethodDescriptor.Add(type, "__prepare__", (cls, args, kwargs) => new PyDict());
    }
}
