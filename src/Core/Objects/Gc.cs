using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>gc.collect() as C sees it: the managed GC decides reachability for both worlds
/// (docs/object-model.md); and the gc module a host can import.</summary>
internal static class GcApi
{
    [CApi]
    internal static nint PyGC_Collect() => ObjectSpace.Collect();

    /// <summary>The built-in gc module: collect, enable, disable, isenabled.</summary>
    internal static PyModule CreateModule()
    {
        var gc = PyModule.BuiltIn("gc");
        void Add(string name, Func<PyObject> body) =>
            gc.ModuleDict.SetItem(new PyStr(name), new PyBuiltinFunction(name, gc, (_, args, kwargs) =>
            {
                ArgCheck.None(name, args, kwargs);
                return body();
            }, "gc"));
        gc.ModuleDict.SetItem(new PyStr("collect"), new PyBuiltinFunction("collect", gc, Collect, "gc"));
        Add("enable", () => { CPart.PyGC_Enable(); return PyNone.Instance; });
        Add("disable", () => { CPart.PyGC_Disable(); return PyNone.Instance; });
        Add("isenabled", () => PyBool.Of(CPart.PyGC_IsEnabled() != 0));
        return gc;
    }

    /// <summary>gc.collect(generation=2): every generation is a full collection here.</summary>
    private static PyObject Collect(PyObject? self, PyObject[] args, PyDict? kwargs)
    {
        int given = args.Length + (kwargs?.Count ?? 0);
        if (given > 1)
        {
            throw new PythonException(PyExc.TypeError, $"collect() takes at most 1 argument ({given} given)");
        }
        var generation = args.Length == 1 ? args[0] : null;
        foreach (var (key, value) in kwargs?.Items() ?? [])
        {
            if (key is not PyStr { Value: "generation" })
            {
                throw new PythonException(PyExc.TypeError, $"'{key.StrString()}' is an invalid keyword argument for collect()");
            }
            generation = value;
        }
        if (generation is not null && Number.Index(generation).Value is var g && (g < 0 || g > 2))
        {
            throw new PythonException(PyExc.ValueError, "invalid generation");
        }
        return new PyInt(PyGC_Collect());
    }
}
