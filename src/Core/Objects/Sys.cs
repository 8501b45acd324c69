using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The sys module: the attributes C extensions and hosts use.</summary>
internal static class Sys
{
    internal static PyModule Module = null!;
    internal static PyDict Modules = null!;

    internal static void Create()
    {
        Module = PyModule.BuiltIn("sys");
        Modules = new PyDict();
        var path = new List<PyObject>();
        foreach (var entry in (Environment.GetEnvironmentVariable("PYTHONPATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Add(new PyStr(entry));
        }
        // Debian's CPython 3.11 defaults, so that its extension modules are found as they are there.
        foreach (var entry in new[] { "/usr/lib/python311.zip", "/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload",
                     "/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages" })
        {
            path.Add(new PyStr(entry));
        }
        Set("path", PyList.Create(path));
        Set("modules", Modules);
        Set("meta_path", PyList.Create([]));
        Set("path_hooks", PyList.Create([]));
        Set("argv", PyList.Create([new PyStr("")]));
        Set("platform", new PyStr("linux"));
        Set("byteorder", new PyStr("little"));
        Set("maxsize", new PyInt(long.MaxValue));
        Set("version", new PyStr("3.11.2 (libpycapi)"));
        Set("hexversion", new PyInt(0x030B02F0));
        Set("implementation_name", new PyStr("libpycapi"));
        Set("float_info", FromC(CPart.PyFloat_GetInfo()));
        Set("int_info", FromC(CPart.PyLong_GetInfo()));
        Modules.SetItem(new PyStr("sys"), Module);
    }

    /// <summary>A new reference the C part returned, or its error.</summary>
    private static PyObject FromC(nint reference) =>
        reference != 0 ? ObjectSpace.Steal(reference) : throw PythonException.FetchOrSystemError();

    internal static void Set(string name, PyObject value) => Module.ModuleDict.SetItem(new PyStr(name), value);

    internal static PyObject? Get(string name) => Module?.ModuleDict.GetItem(new PyStr(name));

    /// <summary>sys.path's str entries, read afresh (C code may have changed the list).</summary>
    internal static IEnumerable<string> Path() =>
        Get("path") is PyList l ? l.ToArray().OfType<PyStr>().Select(s => s.Value).ToList() : [];
}

internal static class SysApi
{
    /// <summary>Borrowed; NULL without an exception when the name is missing.</summary>
    [CApi(Error = "0")]
    internal static BorrowedReference PySys_GetObject(string name) =>
        Sys.Get(name) is { } v ? ObjectSpace.Borrow(v) : BorrowedReference.Null;

    [CApi]
    internal static int PySys_SetObject(string name, BorrowedReference value)
    {
        if (value.IsNull)
        {
            Sys.Module.ModuleDict.DelItem(new PyStr(name));
        }
        else
        {
            Sys.Set(name, ObjectSpace.FromNative(value));
        }
        return 0;
    }
}
