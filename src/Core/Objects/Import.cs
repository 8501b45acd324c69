using System.Runtime.InteropServices;
using System.Text;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The import system for a runtime without Python source: built-in modules
/// (sys, builtins, PyImport_AppendInittab's) and extension modules (.so) on sys.path,
/// single-phase (PyInit returns a module) and multi-phase (PyInit returns a PyModuleDef).</summary>
internal static unsafe class Import
{
    /// <summary>CPython 3.11's extension suffixes on this platform, in its search order.</summary>
    private static readonly string[] Suffixes = [".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"];

    internal static readonly Dictionary<string, nint> Inittab = new();

    /// <summary>Built-in modules made on first import (sys and builtins exist from start-up).</summary>
    private static readonly Dictionary<string, Func<PyModule>> BuiltinModules = new()
    {
        ["gc"] = GcApi.CreateModule,
        ["copyreg"] = ObjectMethods.CreateCopyreg,
    };

    internal static PyDict Modules => Sys.Modules;

    internal static PyObject ImportModule(string name)
    {
        if (name.Length == 0)
        {
            throw new PythonException(PyExc.ValueError, "Empty module name");
        }
        switch (Modules.GetItem(new PyStr(name)))
        {
            case PyNone:
                throw NotFound(name, $"import of {name} halted; None in sys.modules");
            case { } cached:
                return cached;
        }
        int dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            var parent = ImportModule(name[..dot]);
            if (parent.Dict?.GetItem(new PyStr("__path__")) is null)
            {
                throw NotFound(name, $"No module named '{name}'; '{name[..dot]}' is not a package");
            }
        }
        if (Inittab.TryGetValue(name, out nint init))
        {
            return Initialize(name, null, init);
        }
        if (BuiltinModules.TryGetValue(name, out var create))
        {
            var module = create();
            Modules.SetItem(new PyStr(name), module);
            return module;
        }
        foreach (var entry in Sys.Path())
        {
            string dir = entry.Length == 0 ? "." : entry;
            foreach (var suffix in Suffixes)
            {
                string path = Path.Combine(dir, name[(dot + 1)..] + suffix);
                if (File.Exists(path))
                {
                    return LoadExtension(name, path);
                }
            }
        }
        throw NotFound(name, $"No module named '{name}'");
    }

    private static PythonException NotFound(string name, string message)
    {
        var kwargs = new PyDict();
        kwargs.SetItem(new PyStr("name"), new PyStr(name));
        return new PythonException(PyBaseException.Create(PyExc.ModuleNotFoundError, [new PyStr(message)], kwargs));
    }

    private static PythonException ImportError(string message, string name, string? path)
    {
        var kwargs = new PyDict();
        kwargs.SetItem(new PyStr("name"), new PyStr(name));
        if (path is not null)
        {
            kwargs.SetItem(new PyStr("path"), new PyStr(path));
        }
        return new PythonException(PyBaseException.Create(PyExc.ImportError, [new PyStr(message)], kwargs));
    }

    private static byte[] NulTerminated(string s) => Encoding.UTF8.GetBytes(s + "\0");

    private static PyObject LoadExtension(string name, string path)
    {
        var pathBytes = NulTerminated(path);
        nint handle;
        fixed (byte* p = pathBytes)
        {
            handle = CPart.pycapi_dlopen(p);
        }
        if (handle == 0)
        {
            throw ImportError(Marshal.PtrToStringUTF8((nint)CPart.pycapi_dlerror()) ?? path, name, path);
        }
        string shortName = name[(name.LastIndexOf('.') + 1)..];
        var symbol = NulTerminated("PyInit_" + shortName);
        nint init;
        fixed (byte* s = symbol)
        {
            init = CPart.pycapi_dlsym(handle, s);
        }
        if (init == 0)
        {
            throw ImportError($"dynamic module does not define module export function (PyInit_{shortName})", name, path);
        }
        return Initialize(name, path, init);
    }

    /// <summary>Calls PyInit_name and completes single- or multi-phase initialisation.</summary>
    private static PyObject Initialize(string name, string? path, nint init)
    {
        nint result = ((delegate* unmanaged<nint>)init)();
        var pending = PythonException.Fetch();
        if (result == 0)
        {
            throw pending ?? new PythonException(PyExc.SystemError, $"initialization of {name} failed without raising an exception");
        }
        if (pending is not null)
        {
            throw new PythonException(PyExc.SystemError, $"initialization of {name} raised unreported exception");
        }
        var key = new PyStr(name);
        if (((PyObjectHead*)result)->ob_type == ObjectSpace.ToNative(BuiltinTypes.ModuleDef))
        {
            var def = (PyModuleDefLayout*)result;
            var spec = Spec(name, path);
            var created = ModuleApi.PyModule_FromDefAndSpec2(def, ObjectSpace.Borrow(spec), 1013);
            var module = ObjectSpace.Steal(created.Address);
            InitModuleAttributes(module, spec, path);
            Modules.SetItem(key, module);
            try
            {
                ModuleApi.PyModule_ExecDef(ObjectSpace.Borrow(module), def);
            }
            catch
            {
                Modules.DelItem(key);
                throw;
            }
            return module;
        }
        var single = ObjectSpace.Steal(result);
        if (single is not PyModule { Def: not null } m)
        {
            throw new PythonException(PyExc.SystemError, $"initialization of {name} did not return an extension module");
        }
        InitModuleAttributes(m, Spec(name, path), path);
        Modules.SetItem(key, m);
        return m;
    }

    private static PyModuleSpec Spec(string name, string? path) => new(name, path ?? "built-in", path is not null);

    /// <summary>What importlib's _init_module_attrs sets on a module it loaded.</summary>
    private static void InitModuleAttributes(PyObject module, PyModuleSpec spec, string? path)
    {
        if (module is not PyModule m)
        {
            return;
        }
        m.ModuleDict.SetItem(new PyStr("__spec__"), spec);
        m.ModuleDict.SetItem(new PyStr("__package__"), spec.GetAttr(new PyStr("parent")));
        if (path is not null)
        {
            m.ModuleDict.SetItem(new PyStr("__file__"), new PyStr(path));
        }
    }
}

internal static unsafe class ImportApi
{
    [CApi]
    internal static NewReference PyImport_ImportModule(string name) => ObjectSpace.NewRef(Import.ImportModule(name));

    [CApi]
    internal static NewReference PyImport_Import(BorrowedReference name) =>
        ObjectSpace.FromNative(name) is PyStr s ? ObjectSpace.NewRef(Import.ImportModule(s.Value))
            : throw new PythonException(PyExc.TypeError, "module name must be str, not " + ObjectSpace.FromNative(name).Type.Name);

    [CApi]
    internal static NewReference PyImport_ImportModuleLevel(string name, BorrowedReference globals, BorrowedReference locals,
        BorrowedReference fromlist, int level) => ImportLevel(name, fromlist, level);

    [CApi]
    internal static NewReference PyImport_ImportModuleLevelObject(BorrowedReference name, BorrowedReference globals,
        BorrowedReference locals, BorrowedReference fromlist, int level) =>
        ImportLevel(ObjectSpace.FromNative(name).StrString(), fromlist, level);

    /// <summary>__import__: the top package unless a fromlist asks for the module itself.</summary>
    private static NewReference ImportLevel(string name, BorrowedReference fromlist, int level)
    {
        if (level != 0)
        {
            throw new PythonException(PyExc.ImportError, "attempted relative import with no known parent package");
        }
        var module = Import.ImportModule(name);
        bool wantsModule = ObjectSpace.FromNativeOrNull(fromlist) is { } f && f.IsTrue();
        int dot = name.IndexOf('.');
        return ObjectSpace.NewRef(wantsModule || dot < 0 ? module : Import.ImportModule(name[..dot]));
    }

    [CApi]
    internal static BorrowedReference PyImport_GetModuleDict() => ObjectSpace.Borrow(Import.Modules);

    [CApi]
    internal static NewReference PyImport_GetModule(BorrowedReference name) =>
        ObjectSpace.NewRefOrNull(Import.Modules.GetItem(ObjectSpace.FromNative(name)));

    [CApi]
    internal static BorrowedReference PyImport_AddModuleObject(BorrowedReference name)
    {
        var key = ObjectSpace.FromNative(name);
        if (Import.Modules.GetItem(key) is PyModule existing)
        {
            return ObjectSpace.Borrow(existing);
        }
        var module = new PyModule(key.StrString());
        Import.Modules.SetItem(key, module);
        return ObjectSpace.Borrow(module);
    }

    [CApi]
    internal static BorrowedReference PyImport_AddModule(string name) =>
        PyImport_AddModuleObject(ObjectSpace.Borrow(new PyStr(name)));

    [CApi]
    internal static int PyImport_AppendInittab(string name, nint initfunc)
    {
        if (Lifecycle.IsInitialized)
        {
            throw new PythonException(PyExc.RuntimeError, "PyImport_AppendInittab() may not be called after Py_Initialize()");
        }
        Import.Inittab[name] = initfunc;
        return 0;
    }
}
